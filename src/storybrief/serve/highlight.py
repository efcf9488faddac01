"""An article's clean text as HTML: its paragraphs, with quotes, dates and flagged spans marked and every
sentence anchored (``#s3``), one of them highlighted when a citation led here. Everything is escaped."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Article, Removal
from .common import shown


@dataclass(slots=True, frozen=True)
class _Span:
    start: int
    end: int
    css: str
    title: str


def _spans(article: Article, highlight: int | None) -> list[_Span]:
    out = [_Span(q.start, q.end, "q", f"quote: {q.speaker or 'unattributed'}") for q in article.quotes]
    out += [_Span(d.start, d.end, "d", f"date: {d.value or 'not anchored'}") for d in article.dates]
    out += [_Span(f.start, f.end, "f", f"flag: {f.kind} {f.detail}".strip()) for f in article.flags]
    if highlight is not None and 0 <= highlight < len(article.sentences):
        s = article.sentences[highlight]
        out.append(_Span(s.start, s.end, "hl", "the cited sentence"))
    n = len(article.text)
    return [s for s in out if 0 <= s.start < s.end <= n]


def _blocks(article: Article) -> list[tuple[str, int, int]]:
    if article.blocks:
        return [(b.kind, b.start, b.end) for b in article.blocks]
    out, at = [], 0
    for part in article.text.split("\n\n"):
        if part.strip():
            out.append(("paragraph", at, at + len(part)))
        at += len(part) + 2
    return out


def _cut(removal: Removal, tag: str) -> Markup:
    """A removed piece shown where it stood (hidden until the reader asks for removed pieces)."""
    return Markup('<{0} class="cut" title="removed: {1}"><span class="meta">removed · {1}:</span> {2}</{0}>').format(
        Markup(tag), shown(removal.reason), shown(removal.text)
    )


def article_html(article: Article, highlight: int | None = None) -> Markup:
    """The article's text as ``<p>``/``<h3>`` blocks with ``<span>`` marks (see the module doc); the pieces
    the cleaner removed stand where they were, as ``class="cut"`` elements the page shows on request."""
    spans = _spans(article, highlight)
    starts = {s.start: n for n, s in enumerate(article.sentences)}
    placed = sorted((r for r in article.removed if r.at is not None), key=lambda r: (r.at or 0, r.start))
    waiting = list(placed)
    parts: list[Markup] = []
    for kind, start, end in _blocks(article):
        while waiting and (waiting[0].at or 0) <= start:
            parts.append(_cut(waiting.pop(0), "p"))
        inside: dict[int, list[Removal]] = {}
        while waiting and (waiting[0].at or 0) < end:
            removal = waiting.pop(0)
            inside.setdefault(removal.at or 0, []).append(removal)
        cuts = {start, end, *inside}
        for s in spans:
            if s.end > start and s.start < end:
                cuts.update(p for p in (s.start, s.end) if start < p < end)
        cuts.update(p for p in starts if start <= p < end)
        points = sorted(cuts)
        pieces: list[Markup] = []
        for a, b in itertools.pairwise(points):
            pieces.extend(_cut(r, "span") for r in inside.get(a, []))
            if a in starts:
                pieces.append(Markup('<span class="anchor" id="s{}"></span>').format(starts[a]))
            active = [s for s in spans if s.start <= a and b <= s.end]
            text = escape(shown(article.text[a:b]))
            if active:
                css = " ".join(sorted({s.css for s in active}))
                title = "; ".join(s.title for s in active)
                pieces.append(Markup('<span class="{}" title="{}">{}</span>').format(css, shown(title), text))
            else:
                pieces.append(text)
        pieces.extend(_cut(r, "span") for r in inside.get(end, []))
        tag = "h3" if kind == "heading" else "p"
        parts.append(Markup("<{0}>{1}</{0}>").format(Markup(tag), Markup("").join(pieces)))
    parts.extend(_cut(r, "p") for r in waiting)
    return Markup("\n").join(parts)
