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
