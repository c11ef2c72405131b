"""Social clips: a clip's words and its captions, timed from the clip's start.

``clip_words`` finds the words a clip speaks and their times; ``clip_captions`` writes them as
SRT or WebVTT through the caption exporters.
"""
