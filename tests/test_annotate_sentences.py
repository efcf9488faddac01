"""Sentence boundaries: the opening mark of a quote belongs to the sentence it opens."""

from __future__ import annotations

from storybrief.annotate.annotator import _move_opening_quotes
from storybrief.model import Sentence


def test_opening_quote_moves_to_the_next_sentence() -> None:
    text = 'The market closes on Monday evening. "We will win this fight," she told reporters.'
    cut = text.index('"')
    fixed = _move_opening_quotes(text, [Sentence(0, cut + 1), Sentence(cut + 1, len(text))])
    assert [text[s.start : s.end] for s in fixed] == [
        "The market closes on Monday evening.",
        '"We will win this fight," she told reporters.',
    ]


def test_closing_quote_stays() -> None:
    text = 'She said "no." Then she left.'
    sentences = [Sentence(0, 14), Sentence(15, len(text))]
    assert _move_opening_quotes(text, sentences) == sentences


def _split(text: str) -> list[str]:
    from storybrief.annotate.annotator import annotate_articles
    from storybrief.model import Article, InputFormat

    article = Article(id="a", input="a.txt", format=InputFormat.TEXT, text=text, language="en")
    annotate_articles([article], dates=False)
    return [text[s.start : s.end] for s in article.sentences]


def test_lower_cased_abbreviations_end_no_sentence() -> None:
    text = (
        "Two u.s. Officials said the ferry sank near the quay. "
        "The harbour flooded on dec. 11, 2018, and again in jan. 2019. "
        "Sen. marla quist and gov. Tobin Reyes toured st. Brennan county. "
        "The orders in lowell county, n.c. Have been lifted."
    )
    assert _split(text) == [
        "Two u.s. Officials said the ferry sank near the quay.",
        "The harbour flooded on dec. 11, 2018, and again in jan. 2019.",
        "Sen. marla quist and gov. Tobin Reyes toured st. Brennan county.",
        "The orders in lowell county, n.c. Have been lifted.",
    ]


def test_a_real_end_after_an_abbreviation_stays() -> None:
    text = "The grain came from the u.s. The next shipment is due in march. The rain began."
    assert _split(text) == [
        "The grain came from the u.s.",
        "The next shipment is due in march.",
        "The rain began.",
    ]


def test_continues_only_within_the_rules() -> None:
    from storybrief.annotate.abbreviations import continues
    from storybrief.lang import table

    en = table("en")
    assert en is not None
    assert continues("It happened on dec.", "11, 2018.", en)
    assert not continues("It happened in dec.", "The end came.", en)
    assert continues("They met sen.", "Jones later.", en)
    assert not continues("The cat sat on the mat.", "Officials said so.", en)
    assert not continues("She lives in the u.s.", '"We are fine," she said.', en)


def test_opening_bracket_moves_to_the_next_sentence() -> None:
    text = "The Obamas bought the Kalorama house they had been renting. (The sale closed in May.) It has eight rooms."
    assert _split(text) == [
        "The Obamas bought the Kalorama house they had been renting.",
        "(The sale closed in May.)",
        "It has eight rooms.",
    ]


def test_no_sentence_ends_with_a_comma() -> None:
    text = (
        "Their graves lay at the old cemetery in lynchburg, va., until they were moved in 1990. "
        "The centre in chantilly, va., stayed shut. It rained."
    )
    assert _split(text) == [
        "Their graves lay at the old cemetery in lynchburg, va., until they were moved in 1990.",
        "The centre in chantilly, va., stayed shut.",
        "It rained.",
    ]


def test_separator_marks_after_the_stop_are_not_part_of_the_sentence() -> None:
    text = "The plane vanished from radar. ___ Associated Press writer Jim Gomez contributed. /"
    sentences = _split(text)
    assert sentences[0] == "The plane vanished from radar."
    assert sentences[-1] == "Associated Press writer Jim Gomez contributed."
    # a dash inside a sentence stays
    assert _split("He spoke at nine - and left. It rained.")[0] == "He spoke at nine - and left."


def test_a_bracketed_short_name_after_an_abbreviation_continues_the_sentence() -> None:
    from storybrief.annotate.abbreviations import continues
    from storybrief.lang import table

    en = table("en")
    assert en is not None
    assert continues("a pact with transportes del norte s.a.", "( tranor ), and its partners.", en)
    assert continues("a pact with transportes del norte s.a.", "( tranor ) and its partners signed.", en)
    assert not continues("He moved to the u.s.", "(His family stayed behind.)", en)  # an aside of its own
    assert not continues("The ferry sank near the quay.", "( tranor ), and its partners.", en)  # a real end
    text = (
        "coastal lines today announced a pact with transportes del norte s.a. ( tranor ), naviera austral s.a. "
        "( navaus ) and several of their affiliates, pending approval by regulators."
    )
    assert _split(text) == [text]
