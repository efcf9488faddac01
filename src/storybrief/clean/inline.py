"""Junk glued into running text: related-link widgets inside a sentence, inline ad labels, photo credits.

Every function takes one line and returns the spans to cut, as ``(start, end, reason)`` offsets into that
line, so the cleaner can record exactly what it took out.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str]

# A related-links widget scraped into a sentence: the linked name twice, glued ("Antony BlinkenAntony
# Blinken"), then the widget's headlines, then its "MORE" button, then the sentence goes on.
_GLUED_WIDGET_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’.-]*?[a-z.])(?P=name)(?P<widget>[A-Z\"'“‘].{0,600}?\s(?:MORE|READ MORE|More)\b)"
)
# Inline ad labels between sentences (common in text flattened from pages: ". Advertisement The ...").
_INLINE_AD_RE = re.compile(
    r"(?<=[.!?\"”’'] )(?:(?:continue reading (?:below|the main story)|story continues below|article continues below)"
    r"\s+)?advertisement(?:\s+advertisement)*(?=\s+\S)",
    re.IGNORECASE,
)
# "enlarge this image toggle caption jim cole/ap jim cole/ap": a gallery caption with its credit twice.
_TOGGLE_CAPTION_RE = re.compile(
    r"\benlarge this image\s+(?:toggle caption\s+)?(?:(?P<credit>[^\s/]+(?: [^\s/]+){0,3}/[\w/.-]+(?: [\w/.-]+)?)\s+(?P=credit)\s*)?",
    re.IGNORECASE,
)
_PHOTO_PAREN_RE = re.compile(
    r"\s?\(\s*(?:image|photo|photograph|picture|file photo|credit|pictured|video)\s*(?::|by)\s*[^()]{1,120}\)",
    re.IGNORECASE,
)
_ENDS_WITH_CREDIT_RE = re.compile(_PHOTO_PAREN_RE.pattern + r"\s*$", re.IGNORECASE)


def ends_with_photo_credit(line: str) -> bool:
    """A line closed by "(Photo: ...)" is a caption as a whole, not a paragraph with a credit in it."""
    return line.endswith(")") and _ENDS_WITH_CREDIT_RE.search(line) is not None


_IMAGE_COPYRIGHT_RE = re.compile(r"\bimage copyright\s+(?:[\w.-]+\s){1,3}(?=\S)", re.IGNORECASE)


def inline_junk(line: str) -> list[Span]:
    spans: list[Span] = []
    lower = line.lower()
    if "more" in lower:
        for m in _GLUED_WIDGET_RE.finditer(line):
            # keep one copy of the name; cut the second copy, the headlines and the MORE button
            spans.append((m.start("name") + len(m.group("name")), m.end("widget"), "related-links-widget"))
    if "enlarge this image" in lower:
        spans.extend((m.start(), m.end(), "image-caption") for m in _TOGGLE_CAPTION_RE.finditer(line))
    if "advertisement" in lower:
        spans.extend((m.start(), m.end(), "ad-slot") for m in _INLINE_AD_RE.finditer(line))
    if "(" in line:
        spans.extend((m.start(), m.end(), "image-credit") for m in _PHOTO_PAREN_RE.finditer(line))
    if "copyright" in lower:
        spans.extend((m.start(), m.end(), "image-credit") for m in _IMAGE_COPYRIGHT_RE.finditer(line))
    return _merge(spans) if spans else spans


def _merge(spans: list[Span]) -> list[Span]:
    spans.sort()
    merged: list[Span] = []
    for start, end, reason in spans:
        if merged and start < merged[-1][1]:
            prev = merged[-1]
            merged[-1] = (prev[0], max(prev[1], end), prev[2])
        else:
            merged.append((start, end, reason))
    return merged
