"""Finding the words inside quotation marks, in every style news text uses.

Curly double quotes, straight double quotes (told apart as opening or closing by what stands around
them), single quotes in British style, guillemets, low-high German marks and the corner brackets of Chinese and
Japanese (「…」, 『…』; the marks are listed in :mod:`storybrief.lang`). A quote left open at the
end of a paragraph continues when the next paragraph opens with a quotation mark (the news convention
for multi-paragraph quotes), or when one of the next few paragraphs, with no mark before it, closes it (a
quote of several sentences set one sentence to a line); otherwise it ends with its paragraph.
Apostrophes are not quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...lang import DOUBLE_CLOSE, DOUBLE_OPEN, PAIRED_CLOSE
from ...model import Block

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
            if width == 2 and text[i + 2 : i + 3] == text[i]:
                i += 1  # three apostrophes after 'Oh, lost,: the first closes the inner quote, the last two this one
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


MAX_BRIDGED = 3  # paragraphs with no quotation mark that a quote left open may run through


def _first_mark(text: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """The first double quotation mark of a paragraph: (offset, width, is it a closing mark), if any."""
    i = start
    while i < end:
        ch, width = text[i], 1
        if ch in "'`" and text[i + 1 : i + 2] == ch:
            ch, width = '"', 2
        if ch in _DOUBLE_OPEN:
            return i, width, False
        if ch in _DOUBLE_CLOSE:
            return i, width, True
        if ch == '"':
            return i, width, not _is_opening_straight(text, i, width)
        i += width
    return None


def _closing_paragraph(text: str, paragraphs: Sequence[Block], n: int) -> tuple[int, int, int] | None:
    """A quote left open at the end of paragraph ``n`` whose next paragraphs carry no opening mark: the
    paragraph (index), offset and width of the mark that closes it, when one of the next few paragraphs
    opens with a closing mark and those before it have no mark at all. Sources that set each sentence on a
    line of its own split a quote of several sentences this way (``“First.\n\nSecond,” she said.``)."""
    for k in range(n + 1, min(len(paragraphs), n + 2 + MAX_BRIDGED)):
        block = paragraphs[k]
        mark = _first_mark(text, block.start, block.end)
        if mark is None:
            continue
        at, width, closing = mark
        return (k, at, width) if closing else None
    return None


def find_quote_spans(text: str, blocks: Sequence[Block]) -> list[Span]:
    """All quoted spans of an article, paragraph by paragraph, sorted by position."""
    spans: list[Span] = []
    paragraphs = [b for b in blocks if b.kind == "paragraph"] or [Block("paragraph", 0, len(text))]
    resume: dict[int, int] = {}  # paragraph index -> offset after the mark that closed a bridged quote
    skip: set[int] = set()  # paragraphs wholly inside a bridged quote
    for n, block in enumerate(paragraphs):
        if n in skip:
            continue
        start = resume.get(n, block.start)
        found, still_open = _paragraph_quotes(text, start, block.end)
        if still_open is not None:
            still_open.end = block.end
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            still_open.continues = nxt is not None and text[nxt.start : nxt.start + 1] in _DOUBLE_OPEN + '"'
            closing = None if still_open.continues else _closing_paragraph(text, paragraphs, n)
            if closing is not None and text[still_open.open_mark] not in PAIRED_CLOSE:
                k, at, width = closing
                still_open.continues = True
                for m in range(n + 1, k):  # the quote's middle sentences, one paragraph each
                    middle = paragraphs[m]
                    spans.append(Span(middle.start, middle.end, middle.start, None, continues=True))
                    skip.add(m)
                last = paragraphs[k]
                spans.append(Span(last.start, at, last.start, at, close_width=width))
                resume[k] = at + width
            found.append(still_open)
        found = [s for s in found if text[s.start : s.end].strip()]
        found.extend(_single_quotes(text, start, block.end, found))
        spans.extend(found)
    return sorted(spans, key=lambda s: s.start)
