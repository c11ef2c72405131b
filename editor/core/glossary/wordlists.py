"""Word lists the matcher uses to keep ordinary words from being flagged."""

# Too common to anchor a fuzzy match on.
STOPWORDS = frozenset({"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "by"})

# Function words are never the mis-heard part of a term ("not people" is not "North People").
FUNCTION_WORDS = frozenset(
    """a about above after again all also am an and any are as at be because been before being
    both but by can could did do does doing down during each every few for from further had has
    have having he her here hers him his how i if in into is it its just me more most my no nor
    not now of off on once only or other our out over own same she should so some such than
    that the their them then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yeah yes okay like really well""".split()  # noqa: SIM905 - a word list reads best as text
)
