"""Spell checking in the core: which words are checked, which the project knows, the project's
dictionary on disk and its undo, and what happens without a dictionary."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from editor.core.errors import EditError
from editor.core.project import dictionary
from editor.core.project.record_history import record_step, restore
from editor.core.project.rescue import rescue
from editor.core.project.store import ProjectStore
from editor.core.spelling import SpellChecker, checked_words, spelling_status
from tests.conftest import in_ci


def require_spelling() -> SpellChecker:
    """An en_US checker: skip without enchant or the dictionary, but fail in CI."""
    checker = SpellChecker("en_US")
    if not checker.available:
        if in_ci():
            pytest.fail(f"spelling: {checker.problem} (scripts/bootstrap.sh installs it)")
        pytest.skip(f"spelling: {checker.problem}")
    return checker


def _words(text: str) -> list[str]:
    return [word for _, _, word in checked_words(text)]


def test_numbers_urls_acronyms_and_digits_are_not_checked() -> None:
    text = "See https://exampel.com/x or www.exampel.org, mail a@b.fm: KPMG NASA 2024 mp3s 3rd a"
    assert _words(text) == ["See", "or", "mail"]


def test_punctuation_is_taken_off_and_hyphens_divide() -> None:
    text = "“Well-known,” she said — don’t (really)."
    assert _words(text) == ["Well", "known", "she", "said", "don’t", "really"]
    spans = checked_words("say “helo”")
    assert spans[1] == (5, 9, "helo")


def test_misspellings_are_found_and_known_words_accepted() -> None:
    checker = require_spelling()
    text = "Teh host Kofi's guest Mensah recieved the Kubernetes award"
    found = [m.word for m in checker.misspelled(text)]
    assert "Teh" in found and "recieved" in found
    checker.set_known(["Kofi Mensah", "Kubernetes™"])
    assert [m.word for m in checker.misspelled(text)] == ["Teh", "recieved"]
    misspelling = checker.misspelling_at(text, 1)
    assert misspelling is not None and (misspelling.start, misspelling.end) == (0, 3)
    assert checker.misspelling_at(text, 5) is None


def test_suggestions_are_at_most_five_and_likeliest_first() -> None:
    checker = require_spelling()
    suggestions = checker.suggestions("recieve")
    assert suggestions[0] == "receive" and len(suggestions) <= 5


def test_ignore_accepts_a_word_in_any_case() -> None:
    checker = require_spelling()
    checker.ignore("Zorbly")
    assert checker.misspelled("zorbly ZORBLY Zorbly") == ()


def test_a_missing_dictionary_means_no_spelling_and_no_crash() -> None:
    checker = SpellChecker("xx_NOPE")
    assert not checker.available and checker.problem
    assert checker.misspelled("Teh wrold") == ()
    assert checker.suggestions("wrold") == []
    assert checker.is_known("wrold")
    ok, text = spelling_status("xx_NOPE")
    assert not ok and "xx_NOPE" in text


def test_the_projects_dictionary_is_kept_and_its_change_undone(store: ProjectStore) -> None:
    assert dictionary.words(store) == []
    _, change = record_step(
        store, "dictionary", "Add “Zorbly”", lambda: dictionary.add(store, "Zorbly")
    )
    dictionary.add(store, "Zorbly")  # twice is harmless
    assert dictionary.words(store) == ["Zorbly"] and not change.is_empty
    restore(store, change.before)
    assert dictionary.words(store) == []
    restore(store, change.after)
    assert dictionary.words(store) == ["Zorbly"]
    with pytest.raises(Exception, match="one word"):
        dictionary.add(store, "two words")


def test_the_language_comes_from_the_project(store: ProjectStore) -> None:
    assert dictionary.language(store) == "en_US"
    with store.writing():
        store.db.execute("INSERT INTO meta (key, value) VALUES ('language', 'en-GB')")
    assert dictionary.language(store) == "en_GB"


def test_the_language_is_set_as_a_step_the_history_undoes(store: ProjectStore) -> None:
    from editor.core.session import ProjectSession

    session = ProjectSession(store)
    session.run_records(
        "dictionary", "Spelling language en_GB", lambda s: dictionary.set_language(s, "en-GB")
    )
    assert dictionary.language(store) == "en_GB"
    session.undo()
    assert dictionary.language(store) == "en_US"
    session.redo()
    assert dictionary.language(store) == "en_GB"
    with pytest.raises(EditError, match="not a language tag"):
        dictionary.set_language(store, "British; DROP TABLE")


def test_rescue_copies_the_dictionary(project_path: Path, tmp_path: Path) -> None:
    with ProjectStore.open(project_path) as store:
        dictionary.add(store, "Zorbly")
    report = rescue(project_path, tmp_path / "rescued.tep")
    assert report.rows["dictionary_words"] == 1
    with sqlite3.connect(tmp_path / "rescued.tep") as conn:
        assert conn.execute("SELECT word FROM dictionary_words").fetchall() == [("Zorbly",)]
    conn.close()


def test_doctor_says_whether_spelling_is_checked() -> None:
    from editor.cli.doctor import spelling_line

    checker = SpellChecker("en_US")
    line = spelling_line()
    assert line.startswith("spell checking: ")
    assert ("en_US" in line) if checker.available else ("no (" in line)


def test_spoken_contractions_of_known_words_are_spelt_right() -> None:
    checker = require_spelling()
    assert [m.word for m in checker.misspelled("There'll be time, that'd do, who've seen it")] == []
    assert [m.word for m in checker.misspelled("Thre'll be")] == ["Thre'll"]
