"""Flags for garbled machine-rewritten text ("spun" copies): flagged, never silently fixed.

Content farms run articles through paraphrasing tools that leave tell-tale debris: stray typographic
symbols, a hyphen glued to a capitalised word after a full stop, and quotation marks closed around a
few words that were never opened. Each finding is reported with its span so a reader can judge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Flag

# garbled passages that make a whole page suspect (a rewrite's debris), rather than the passages themselves:
# one stray symbol ("§ 1983" in a court story) is no evidence about the rest of the page
GARBLED_PAGE = 2

# (pattern, what it means, a substring every match contains: a cheap test before the regex runs)
_PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"[†‡¶§]"), "stray typographic symbol", ""),
    (re.compile(r"(?<=[a-z][.!?] )-[A-Z][\w-]*\.?"), "hyphen glued to a word after a full stop", " -"),
    # a closing quote, then a few lower-case words and another closing quote with no opening quote between
    (re.compile(r"(?<=[.!?,]”) [a-z][^“”\"]{0,40}?”"), "unbalanced quotation fragment", "”"),
    (re.compile(r"(?<=[.!?]\") [a-z][^\"]{0,40}?\"(?=[.,]?(\s|$))"), "unbalanced quotation fragment", '"'),
    # "...the South said. Korean Ministry of Defense." — a capitalised noun phrase left as a sentence
    (
        re.compile(
            r"(?<=\bsaid\. )(?:[A-Z][\w’']+ ){1,4}(?:Ministry|Department|Office|Agency|Command|Council)\b[^.]{0,40}\."
        ),
        "orphaned attribution fragment",
        "said. ",
    ),
]


def garble_flags(text: str) -> list[Flag]:
    flags: list[Flag] = []
    for pattern, detail, hint in _PATTERNS:
        if hint and hint not in text:
            continue
        for m in pattern.finditer(text):
            flags.append(Flag("garbled", m.group(0), m.start(), m.end(), detail))
    flags.sort(key=lambda f: f.start)
    return flags


def garbled_passages(flags: Sequence[Flag]) -> int:
    """How many of ``flags`` mark garbled passages."""
    return sum(1 for f in flags if f.kind == "garbled")
