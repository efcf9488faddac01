"""The brief as one self-contained HTML page: no scripts, no external files, every article text escaped.

Each citation is a button that opens (click, tap, or Enter/Space from the keyboard) a popover with the
sentence of the cited article that carries the fact and a link to the article's entry; browsers without
the popover attribute still follow the button's neighbouring link. Timelines are drawn as inline SVG whose
date labels are placed in as many rows as it takes for none to overlap. The page reads on a 375 px phone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from html import escape as _escape
from urllib.parse import quote

from ..errors import Msg
from ..model import Article, KeyQuote, NumberDisagreement, Report, StoryBrief, Support, TimelineEntry
from ..synthesize.labels import article_headline, outlet_name
from ..synthesize.timeline import undated_note
from .safe import visible_controls

_WORD_RE = re.compile(r"\w+")
_CSS = """
*{box-sizing:border-box}
body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222;
overflow-wrap:anywhere}
h1{border-bottom:2px solid #333}h2{margin-top:2.5rem}ul,ol{padding-left:1.4rem}
.cite{font:inherit;font-size:.75em;vertical-align:super;line-height:1;color:#06c;background:none;border:0;
padding:0 .1em;cursor:pointer}
.cite:focus-visible{outline:2px solid #06c}
.source{max-width:min(32rem,90vw);margin:auto;padding:.8rem 1rem;border:1px solid #999;border-radius:4px;
font-size:.95em;box-shadow:0 2px 10px #0003}
.meta{color:#666;font-size:.9em}.inferred{color:#a60;font-style:italic}
li{margin:.3rem 0}svg{display:block;width:100%;height:auto}
.warn{color:#b00;font-size:.9em}
@media (max-width:480px){body{margin:1rem auto;padding:0 .6rem;font-size:15px}}
"""
# Width of one character of the timeline's 11 px sans-serif labels, with room to spare (digits are ~6.1 px).
_LABEL_CHAR_PX = 7.0


def escape(text: str) -> str:
    """Article text for HTML: markup escaped, bidi overrides and control characters shown, not obeyed."""
    return _escape(visible_controls(text))


def _anchor(article_id: str) -> str:
    """The HTML id of an article's source entry: ids such as ``1@a.json#1`` or with spaces would break a
    ``#fragment``, so every character but letters, digits and ``_.-~`` is percent-encoded (in the id and in
    the link alike, so the two match as written)."""
    return "a-" + quote(article_id, safe="")


def _name(text: str) -> str:
    """An outlet, speaker or title, isolated so that right-to-left text cannot reorder what surrounds it."""
    return f"<bdi>{escape(text)}</bdi>"


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD_RE.findall(text)}


def source_sentence(article: Article, text: str) -> str:
    """The sentence of ``article`` closest in wording to ``text`` (what a citation points at)."""
    target = _words(text)
    best, best_score = "", -1.0
    for s in article.sentences:
        sentence = article.text[s.start : s.end]
        words = _words(sentence)
        score = len(words & target) / (len(words | target) or 1)
        if score > best_score:
            best, best_score = sentence, score
    return best or article.text[:300]


# Where a citation's link goes: given the article id and the cited sentence, a URL (the web app's article
# page); without it, links go to the article's entry at the end of the story.
ArticleLink = Callable[[str, str], str]


def _href(numbers: dict[str, int], aid: str, sentence: str) -> str:
    link = numbers.link if isinstance(numbers, _Numbers) else None
    return escape(link(aid, sentence)) if link is not None else f"#{_anchor(aid)}"


class _Numbers(dict[str, int]):
    """A story's citation numbers by article id, and the page's count that names each citation's popover
    (one count per page, so ids are unique on it and the same report always gives the same bytes)."""

    def __init__(self, page: Iterator[int], link: ArticleLink | None = None) -> None:
        super().__init__()
        self.page = page
        self.link = link

    def popover_id(self) -> str:
        return f"c{next(self.page)}"


def _cites(
    ids: Sequence[str],
    text: str,
    articles: dict[str, Article],
    numbers: dict[str, int],
    support: Sequence[Support] = (),
) -> str:
    """Citation buttons: each opens (click, tap or keyboard) the article's supporting sentence and, for
    another article than the one the sentence was taken from, how much of the sentence it holds."""
    by_article = {s.article: s for s in support}
    out = []
    for k, aid in enumerate(ids):
        n = numbers.setdefault(aid, len(numbers) + 1)
        a = articles[aid]
        pid = numbers.popover_id() if isinstance(numbers, _Numbers) else f"c-{_anchor(aid)}-{n}"
        found = by_article.get(aid)
        if found is None:
            sentence, strength = (source_sentence(a, text) if text else (a.title or "")), ""
        else:
            strength = f" (supports {found.score:.0%} of the sentence's words)" if k else ""
            sentence = a.text[found.start : found.end].strip()
        out.append(
            f'<button type="button" class="cite" popovertarget="{pid}" aria-label="source {n}">[{n}]</button>'
            f'<span class="source" id="{pid}" popover>{_name(outlet_name(a))}{escape(strength)}: '
            f'{escape(sentence)} <a href="{_href(numbers, aid, sentence)}">article [{n}]</a></span>'
        )
    return "".join(out)


def timeline_svg(entries: Sequence[TimelineEntry]) -> str:
    """The timeline as a line with a dot per date; labels go in rows (above the line, then below it,
    then further out) so that no two labels overlap, however close their dates."""
    days = sorted({e.date for e in entries})
    if not days:
        return ""
    ordinals = [date.fromisoformat(d).toordinal() for d in days]
    lo, hi = min(ordinals), max(ordinals)
    width, pad = 640, 48
    span = max(1, hi - lo)
    lane_ends: list[float] = []  # right edge of the last label in each row
    placed = []
    for d, o in zip(days, ordinals, strict=True):
        x = pad + (o - lo) / span * (width - 2 * pad) if hi > lo else width / 2
        inferred = all(e.inferred for e in entries if e.date == d)
        label = d + (" *" if inferred else "")
        half = len(label) * _LABEL_CHAR_PX / 2
        lane = next((i for i, end in enumerate(lane_ends) if end + 6 <= x - half), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(x + half)
        lane_ends[lane] = x + half
        placed.append((d, x, lane, label, inferred))
    above = (len(lane_ends) + 1) // 2  # rows 0, 2, 4... above the line, 1, 3, 5... below
    row_h = 16
    axis = 14 + above * row_h
    height = axis + 14 + (len(lane_ends) // 2) * row_h
    marks = []
    for d, x, lane, label, inferred in placed:
        step = lane // 2 + 1
        y = axis - 10 - (step - 1) * row_h if lane % 2 == 0 else axis + 20 + (step - 1) * row_h
        fill = "#a60" if inferred else "#06c"
        marks.append(
            f'<circle cx="{x:.1f}" cy="{axis}" r="5" fill="{fill}"><title>{escape(d)}</title></circle>'
            f'<text x="{x:.1f}" y="{y}" text-anchor="middle">{escape(label)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" style="max-width:{width}px" '
        f'font-family="sans-serif" font-size="11" role="img" aria-label="timeline">'
        f'<line x1="{pad}" y1="{axis}" x2="{width - pad}" y2="{axis}" stroke="#999"/>{"".join(marks)}</svg>'
    )


def _timeline(entries: Sequence[TimelineEntry], articles: dict[str, Article], numbers: dict[str, int]) -> str:
    items = []
    for e in entries:
        flag = ' <span class="inferred">(inferred)</span>' if e.inferred else ""
        if e.reported:
            flag = f' <span class="inferred">({escape(Msg.TIMELINE_REPORTED)})</span>'
        cites = _cites(e.sources, e.text, articles, numbers, e.support)
        mark = f' <span class="warn">{REWRITTEN_PAGE}</span>' if e.rewritten else ""
        items.append(f"<li><b>{escape(e.date)}</b>{flag}: {escape(e.text)}{cites}{mark}</li>")
    return timeline_svg(entries) + "<ul>" + "".join(items) + "</ul>"


REWRITTEN_PAGE = "only on a rewritten or garbled page"


def _disagreements(found: Sequence[NumberDisagreement], articles: dict[str, Article], numbers: dict[str, int]) -> str:
    items = []
    for d in found:
        values = "; ".join(f"{escape(v)}{_cites([a], s, articles, numbers)}" for v, a, s in d.values)
        items.append(f"<li>{escape(d.about)}: {values}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _key_quote(q: KeyQuote, articles: dict[str, Article], numbers: dict[str, int]) -> str:
    """A key quote, its number of wordings, a warning when only rewritten pages carry it, and every other
    wording in full with the words that differ from the first one marked."""
    speaker = _name(q.speaker) if q.speaker else "unattributed"
    more = f' <span class="meta">({len(q.wordings)} wordings)</span>' if len(q.wordings) > 1 else ""
    flag = ' <span class="warn">only in a likely rewritten article</span>' if q.rewritten_only else ""
    out = [f"<li>“{escape(q.text)}” — {speaker}{_cites(q.articles, q.text, articles, numbers)}{more}{flag}"]
    if len(q.wordings) > 1:
        out.append("<ul>")
        for w in q.wordings[1:]:
            marked = " ".join(f"<mark>{escape(t)}</mark>" if op == "+" else escape(t) for op, t in w.diff if op != "-")
            own = ' <span class="warn">rewritten page</span>' if w.rewritten and not q.rewritten_only else ""
            cites = _cites(w.articles, w.text, articles, numbers)
            out.append(f"<li>other wording{cites}: “{marked or escape(w.text)}”{own}</li>")
        out.append("</ul>")
    return "".join(out) + "</li>"


def _story(
    story: StoryBrief, articles: dict[str, Article], page: Iterator[int], link: ArticleLink | None = None
) -> str:
    numbers = _Numbers(page, link)
    parts = [f'<section id="{escape(story.id)}"><h2>{escape(story.headline)}</h2>']
    parts.append(f'<p class="meta">Story {escape(story.id)} · {len(story.articles)} article(s)</p>')
    for s in story.summary:
        mark = f' <span class="warn">{REWRITTEN_PAGE}</span>' if s.rewritten else ""
        parts.append(f"<p>{escape(s.text)}{_cites(s.sources, s.text, articles, numbers, s.support)}{mark}</p>")
    if story.quotes:
        parts.append("<h3>Key quotes</h3><ul>")
        parts += [_key_quote(q, articles, numbers) for q in story.quotes]
        parts.append("</ul>")
    if story.timeline:
        parts.append("<h3>Timeline</h3>" + _timeline(story.timeline, articles, numbers))
    if story.undated is not None:
        parts.append(f'<h3>Timeline</h3><p class="meta">{escape(undated_note(story.undated))}</p>')
    c = story.comparison
    parts.append("<h3>Sources</h3><ul>")
    for outlet, ids in c.outlets.items():
        parts.append(f"<li>{_name(outlet)}: {_cites(ids, '', articles, numbers)}</li>")
    parts.append("</ul>")
    if c.single_source:
        parts.append("<p>Only one source:</p><ul>")
        for f in c.single_source:
            parts.append(f"<li>{escape(f.text)}{_cites([f.article], f.text, articles, numbers)}</li>")
        parts.append("</ul>")
    if c.disagreements:
        parts.append("<p>Numbers that disagree:</p>" + _disagreements(c.disagreements, articles, numbers))
    if c.copies:
        parts.append("<p>Copies:</p><ul>")
        for copy in c.copies:
            parts.append(
                f"<li>{_cites([copy['article']], '', articles, numbers)} {escape(str(copy['kind']))}"
                f"{' of ' + escape(str(copy['of'])) if copy['of'] else ''}: {escape(str(copy['detail']))}</li>"
            )
        parts.append("</ul>")
    parts.append("<h3>Articles</h3><ol>")
    for aid, _n in sorted(numbers.items(), key=lambda kv: kv[1]):
        a = articles[aid]
        when = a.published.date().isoformat() if a.published else "undated"
        headline = f"<i>{_name(article_headline(a) or a.input)}</i>"
        if link is not None:
            headline = f'<a href="{escape(link(aid, ""))}">{headline}</a>'
        parts.append(f'<li id="{_anchor(aid)}">{_name(outlet_name(a))} · {when} · {headline}</li>')
    parts.append("</ol></section>")
    return "".join(parts)


def story_html(story: StoryBrief, articles: dict[str, Article], link: ArticleLink | None = None) -> str:
    """One story's brief as an HTML fragment (a ``<section>``), for a page that brings its own styles;
    ``link`` sends citations and the article list to pages of their own (see :data:`ArticleLink`)."""
    return _story(story, articles, itertools.count(1), link)


def report_html(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    stories = {s.id: s for s in report.stories}
    page = itertools.count(1)  # popover ids, counted from 1 on every page
    body = []
    shown: set[str] = set()
    for topic in report.topics:
        body.append(f"<h1>{escape(topic.label)}</h1>")
        if topic.timeline and len(topic.stories) > 1:
            body.append("<h3>Topic timeline</h3>" + _timeline(topic.timeline, articles, _Numbers(page)))
        if topic.disagreements:
            found = _disagreements(topic.disagreements, articles, _Numbers(page))
            body.append("<h3>Numbers that disagree between its stories</h3>" + found)
        for sid in topic.stories:
            if sid in stories:
                body.append(_story(stories[sid], articles, page))
                shown.add(sid)
    body += [_story(s, articles, page) for s in report.stories if s.id not in shown]
    if report.errors:
        body.append("<h2>Inputs that could not be read</h2><ul>")
        body += [f"<li>{escape(str(e))}</li>" for e in report.errors]
        body.append("</ul>")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(page_title(report))}</title>"
        f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>"
    )


def page_title(report: Report) -> str:
    """What the brief is about: its first topic's label (or first headline), and how much more it holds."""
    first = report.topics[0].label if report.topics else report.stories[0].headline if report.stories else ""
    first = " ".join(first.split())
    if len(first) > 80:
        first = first[:80].rsplit(" ", 1)[0] + " …"
    more = len(report.stories) - 1
    rest = f" (+{more} more {'story' if more == 1 else 'stories'})" if more > 0 else ""
    return f"{first}{rest} · storybrief brief" if first else "storybrief brief (no stories)"
