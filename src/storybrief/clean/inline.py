"""Junk glued into running text: related-link widgets inside a sentence, inline ad labels, photo credits.

Every function takes one line and returns the spans to cut, as ``(start, end, reason)`` offsets into that
line, so the cleaner can record exactly what it took out.
"""

from __future__ import annotations

import re

from ..lang import furniture_patterns

Span = tuple[int, int, str]

# A related-links widget scraped into a sentence: the linked name twice, glued ("Antony BlinkenAntony
# Blinken"), then the widget's headlines, then its "MORE" button, then the sentence goes on.
_GLUED_WIDGET_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’.-]*?[a-z.])(?P=name)(?P<widget>[A-Z\"'“‘].{0,600}?\s(?:MORE|READ MORE|More)\b)"
)
# Inline ad labels between sentences (common in text flattened from pages: ". Advertisement The ...").
_INLINE_AD_RE = re.compile(
    r"(?<=[.!?\"”’'] )(?:(?:continue reading (?:below|the main story)|story continues below|article continues below)"
    r"\s+)?advertisement(?:\s+advertisement)*(?:\s+(?:continue reading (?:below|the main story)|story continues below))?"
    r"(?=\s+\S)",
    re.IGNORECASE,
)
# "enlarge this image toggle caption jim cole/ap jim cole/ap": a gallery caption with its credit twice.
_TOGGLE_CAPTION_RE = re.compile(
    r"(?:\benlarge this image\s+)?(?:\bi\s+)*\b(?:i?toggle caption|hide caption)\s+"
    r"(?:(?P<credit>[^\s/]+(?: [^\s/]+){0,3}/[\w/.-]+(?: [\w/.-]+)?)\s+(?P=credit)\s*)?|\benlarge this image\s*",
    re.IGNORECASE,
)
_PHOTO_PAREN_RE = re.compile(
    r"\s?\(\s*(?:ap |afp |reuters )?(?:image|photo|photos|photograph|picture|file photo|credit|pictured|video)\s*"
    r"(?::|/|\bby\b)\s*[^()]{1,150}\)(?:\s*\(\s*associated press\s*\))?",
    re.IGNORECASE,
)
_ENDS_WITH_CREDIT_RE = re.compile(_PHOTO_PAREN_RE.pattern + r"\s*$", re.IGNORECASE)


# "... during the cruise phase. Credit: ESA": a credit after the last sentence, a few capitalised words
_CREDIT_TAIL_RE = re.compile(
    r"[.!?]\s+(?i:photo|image|picture|photograph|illustration|credit|courtesy)s?\s*(?::|(?i:by)\b)\s*"
    r"[A-Z][\w.&'’/-]*(?:[ ,/&]+[A-Z][\w.&'’/-]*){0,5}\.?$"
)


def ends_with_photo_credit(line: str) -> bool:
    """A line closed by "(Photo: ...)" or ". Credit: ESA" is a caption as a whole, not a paragraph with a credit."""
    if line.endswith(")"):
        return _ENDS_WITH_CREDIT_RE.search(line) is not None
    return _CREDIT_TAIL_RE.search(line) is not None


# "image copyright getty images": the credit is one word, or a known two-word credit
_IMAGE_COPYRIGHT_RE = re.compile(
    r"\bimage (?:copyright|source)\s+(?:getty images|science photo library|press association|\S+)\s*", re.IGNORECASE
)
# Player, paywall and newsletter prompts that scrapers leave inside running text
_PROMPTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "player-notice",
        re.compile(r"\bmedia playback is (?:un|not )supported on (?:your|this) device(?:\s+media caption)?\s*", re.I),
    ),
    (
        "player-notice",
        re.compile(
            r"\b(?:please )?enable javascript to (?:view|watch|see|play) this (?:video|content|page)\.?\s*", re.I
        ),
    ),
    (
        "share-prompt",
        re.compile(r"\bsign up for (?:our|the) [\w' -]{0,40}?newsletters?\b(?:\s+thanks for signing up!?)?\s*", re.I),
    ),
    ("share-prompt", re.compile(r"\bthanks for signing up!?\s*", re.I)),
    ("ad-slot", re.compile(r"\bcontinue reading the main story\s*", re.I)),
    (
        "cookie-notice",
        re.compile(
            r"(?:^|(?<=[.!?] ))[^.!?]{0,200}\b(?:we use cookies|uses cookies|our use of cookies|accept (?:all )?cookies|"
            r"cookie (?:policy|settings|preferences))\b[^.!?]{0,200}[.!?]?\s*",
            re.I,
        ),
    ),
]
_PROMPT_HINTS = ("playback", "javascript", "sign up", "signing up", "main story", "cookie")
# Furniture phrases of the language tables that are cut wherever they stand (storybrief.lang)
_FURNITURE = [(reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in furniture_patterns(inline=True)]
_FURNITURE_RE = re.compile("|".join(f"(?:{p.pattern})" for _, p in _FURNITURE), re.IGNORECASE) if _FURNITURE else None


def inline_junk(line: str) -> list[Span]:
    spans: list[Span] = []
    lower = line.lower()
    if "more" in lower:
        for m in _GLUED_WIDGET_RE.finditer(line):
            # keep one copy of the name; cut the second copy, the headlines and the MORE button
            spans.append((m.start("name") + len(m.group("name")), m.end("widget"), "related-links-widget"))
    if "caption" in lower or "enlarge this image" in lower:
        spans.extend((m.start(), m.end(), "image-caption") for m in _TOGGLE_CAPTION_RE.finditer(line))
    if "advertisement" in lower:
        spans.extend((m.start(), m.end(), "ad-slot") for m in _INLINE_AD_RE.finditer(line))
    if "(" in line:
        spans.extend((m.start(), m.end(), "image-credit") for m in _PHOTO_PAREN_RE.finditer(line))
    if "image copyright" in lower or "image source" in lower:
        spans.extend((m.start(), m.end(), "image-credit") for m in _IMAGE_COPYRIGHT_RE.finditer(line))
    if any(h in lower for h in _PROMPT_HINTS):
        for reason, pattern in _PROMPTS:
            spans.extend((m.start(), m.end(), reason) for m in pattern.finditer(line))
    if _FURNITURE_RE is not None and _FURNITURE_RE.search(line):
        for reason, pattern in _FURNITURE:
            spans.extend((m.start(), m.end(), reason) for m in pattern.finditer(line))
    return merge_spans(spans) if spans else spans


# a page's date label in brackets inside running text: "… has more. ( published monday, may 11, 2015 ) a mom …"
_DATE_LABEL_RE = re.compile(
    r"\(\s*(?P<label>(?:first\s+)?(?:published|posted|updated|last\s+updated)\b[^()]{4,60}?)\s*\)", re.IGNORECASE
)


def date_labels(line: str) -> list[tuple[int, int, str]]:
    """Bracketed date labels in ``line``: (start, end, the label inside the brackets) for the cleaner to read
    as a date line and cut."""
    if "(" not in line:
        return []
    return [(m.start(), m.end(), m.group("label")) for m in _DATE_LABEL_RE.finditer(line)]


def merge_spans(spans: list[Span]) -> list[Span]:
    """``spans`` in order, overlapping ones merged (the first one's reason kept)."""
    spans.sort()
    merged: list[Span] = []
    for start, end, reason in spans:
        if merged and start < merged[-1][1]:
            prev = merged[-1]
            merged[-1] = (prev[0], max(prev[1], end), prev[2])
        else:
            merged.append((start, end, reason))
    return merged
