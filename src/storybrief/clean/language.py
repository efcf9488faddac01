"""A cheap guess at the language of a text, for articles whose container does not say.

Only English is recognised (by the share of very common English words); anything else stays unknown
(``None``) rather than being guessed.
"""

from __future__ import annotations

import re

_ENGLISH = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "it",
        "by",
        "at",
        "from",
        "he",
        "said",
        "be",
        "are",
        "has",
        "have",
        "his",
        "not",
        "this",
        "but",
        "an",
        "they",
        "were",
        "will",
        "which",
        "their",
        "its",
        "who",
        "been",
        "had",
        "or",
        "we",
        "after",
        "also",
        "more",
        "than",
        "would",
        "about",
    }
)
_WORD_RE = re.compile(r"[a-z']+")
MIN_WORDS = 20
ENGLISH_SHARE = 0.2


def guess_language(text: str) -> str | None:
    words = _WORD_RE.findall(text[:3000].lower())
    if len(words) < MIN_WORDS:
        return None
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    return "en" if share >= ENGLISH_SHARE else None
