"""Finding the words inside quotation marks, in every style news text uses.

Curly double quotes, straight double quotes (told apart as opening or closing by what stands around
them), single quotes in British style, guillemets, low-high German marks and the corner brackets of Chinese and
Japanese (「…」, 『…』; the marks are listed in :mod:`storybrief.lang`). A quote left open at the
end of a paragraph continues when the next paragraph opens with a quotation mark (the news convention
for multi-paragraph quotes) and otherwise ends with its paragraph. Apostrophes are not quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..lang import DOUBLE_CLOSE, DOUBLE_OPEN, PAIRED_CLOSE
from ..model import Block

_DOUBLE_OPEN = DOUBLE_OPEN
_DOUBLE_CLOSE = DOUBLE_CLOSE
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"


@dataclass(slots=True)
class Span:
    """Offsets of a quote's content (inside the marks) and of the marks themselves."""

    start: int  # first character inside the opening mark
    end: int  # the closing mark's offset (or the paragraph end when left open)
    open_mark: int
    close_mark: int | None
    continues: bool = False  # left open at the paragraph's end and continued by the next paragraph
    close_width: int = 1  # two for a doubled apostrophe ''


def _is_opening_straight(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() or before in "([{—–-/\n":
        return not after.isspace()
    return False


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Span], Span | None]:
    """Double-quoted spans of one paragraph, and the quote still open at its end, if any."""
    spans: list[Span] = []
    current: Span | None = None
    i = start
    while i < end:
        ch = text[i]
        width = 1
        if ch in "'`" and text[i + 1 : i + 2] == ch:  # ''…'' or ``…'': an archive convention for double quotes
            ch, width = '"', 2
        paired = PAIRED_CLOSE.get(text[current.open_mark]) if current is not None else None
        if paired is not None:  # 「…」: only its own closer ends it; marks inside are the quote's own
            if ch == paired and current is not None:
                current.end, current.close_mark = i, i
                spans.append(current)
                current = None
        elif ch in _DOUBLE_OPEN or (ch == '"' and _is_opening_straight(text, i, width)):
            if ch == "“" and current is not None and text[i - 1 : i] in ("", " ") and i > current.start + 1:
                # an unclosed quote followed by a new opening mark: the first one ends before it
                current.end = i - 1 if text[i - 1] == " " else i
                spans.append(current)
                current = None
            if current is None:
                current = Span(i + width, end, i, None)
        elif (ch in _DOUBLE_CLOSE or ch == '"') and current is not None and ch not in PAIRED_CLOSE.values():
            current.end, current.close_mark, current.close_width = i, i, width
            spans.append(current)
            current = None
        i += width
    return spans, current


def _single_quotes(text: str, start: int, end: int, taken: Sequence[Span]) -> list[Span]:
    """British-style single quotes: ‘…’ or '…' around words, never inside a double-quoted span."""
    spans: list[Span] = []
    i = start
    while i < end:
        ch = text[i]
        before = text[i - 1] if i > start else " "
        if (ch == _SINGLE_OPEN or ch == "'") and (before.isspace() or before in "(—–-") and i + 1 < end:
            if any(s.open_mark <= i < (s.close_mark or s.end) for s in taken):
                i += 1
                continue
            j = i + 1
            while j < end:
                c = text[j]
                nxt = text[j + 1] if j + 1 < end else " "
                if (c == _SINGLE_CLOSE or c == "'") and not nxt.isalnum() and not text[j - 1].isspace():
                    break
                if c == "\n":
                    j = end
                    break
                j += 1
            if j < end and j - i > 2:
                spans.append(Span(i + 1, j, i, j))
                i = j
        i += 1
    return spans


def find_quote_spans(text: str, blocks: Sequence[Block]) -> list[Span]:
    """All quoted spans of an article, paragraph by paragraph, sorted by position."""
    spans: list[Span] = []
    paragraphs = [b for b in blocks if b.kind == "paragraph"] or [Block("paragraph", 0, len(text))]
    for n, block in enumerate(paragraphs):
        found, still_open = _paragraph_quotes(text, block.start, block.end)
        if still_open is not None:
            still_open.end = block.end
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            still_open.continues = nxt is not None and text[nxt.start : nxt.start + 1] in _DOUBLE_OPEN + '"'
            found.append(still_open)
        found = [s for s in found if text[s.start : s.end].strip()]
        found.extend(_single_quotes(text, block.start, block.end, found))
        spans.extend(found)
    return sorted(spans, key=lambda s: s.start)
