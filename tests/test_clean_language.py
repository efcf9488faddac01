from __future__ import annotations

from storybrief.clean.language import guess_language


def test_english_is_recognised() -> None:
    text = "The ferry to Wrenna resumed on Monday after the storm, and the operator said that boats would leave " * 2
    assert guess_language(text) == "en"


def test_other_languages_and_short_texts_stay_unknown() -> None:
    assert guess_language("Le traversier a repris lundi après la tempête, a déclaré l'exploitant du port. " * 3) is None
    assert guess_language("The ferry resumed.") is None
