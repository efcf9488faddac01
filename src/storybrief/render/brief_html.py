"""The brief as one self-contained HTML page: no scripts, no external files, every article text escaped.

Each citation's tooltip shows the sentence of the cited article that carries the fact; timelines are drawn
as inline SVG.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from html import escape as _escape
from urllib.parse import quote

from ..model import Article, KeyQuote, Report, StoryBrief, TimelineEntry
from ..synthesize.labels import article_headline, outlet_name
from .safe import visible_controls

_WORD_RE = re.compile(r"\w+")
_CSS = """
body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{border-bottom:2px solid #333}h2{margin-top:2.5rem}
sup a{text-decoration:none;color:#06c;cursor:help;font-size:.75em}
.meta{color:#666;font-size:.9em}.inferred{color:#a60;font-style:italic}
li{margin:.3rem 0}svg text{font:11px sans-serif}.warn{color:#b00;font-size:.9em}
"""


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


def _cites(ids: Sequence[str], text: str, articles: dict[str, Article], numbers: dict[str, int]) -> str:
    out = []
    for aid in ids:
        n = numbers.setdefault(aid, len(numbers) + 1)
        a = articles[aid]
        tip = f"{outlet_name(a)}: {source_sentence(a, text)}"
        out.append(f'<sup><a href="#{_anchor(aid)}" title="{escape(tip)}">[{n}]</a></sup>')
    return "".join(out)


def timeline_svg(entries: Sequence[TimelineEntry]) -> str:
    days = sorted({e.date for e in entries})
    if not days:
        return ""
    ordinals = [date.fromisoformat(d).toordinal() for d in days]
    lo, hi = min(ordinals), max(ordinals)
    width, pad = 640, 40
    span = max(1, hi - lo)
    marks = []
    for n, (d, o) in enumerate(zip(days, ordinals, strict=True)):
        x = pad + (o - lo) / span * (width - 2 * pad) if hi > lo else width / 2
        y = 30 if n % 2 == 0 else 62
        inferred = all(e.inferred for e in entries if e.date == d)
        fill = "#a60" if inferred else "#06c"
        marks.append(
            f'<circle cx="{x:.1f}" cy="46" r="5" fill="{fill}"><title>{escape(d)}</title></circle>'
            f'<text x="{x:.1f}" y="{y}" text-anchor="middle">{escape(d)}{" *" if inferred else ""}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="80" role="img" aria-label="timeline">'
        f'<line x1="{pad}" y1="46" x2="{width - pad}" y2="46" stroke="#999"/>{"".join(marks)}</svg>'
    )


def _timeline(entries: Sequence[TimelineEntry], articles: dict[str, Article], numbers: dict[str, int]) -> str:
    items = []
    for e in entries:
        flag = ' <span class="inferred">(inferred)</span>' if e.inferred else ""
        items.append(
            f"<li><b>{escape(e.date)}</b>{flag}: {escape(e.text)}{_cites(e.sources, e.text, articles, numbers)}</li>"
        )
    return timeline_svg(entries) + "<ul>" + "".join(items) + "</ul>"


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


def _story(story: StoryBrief, articles: dict[str, Article]) -> str:
    numbers: dict[str, int] = {}
    parts = [f'<section id="{escape(story.id)}"><h2>{escape(story.headline)}</h2>']
    parts.append(f'<p class="meta">Story {escape(story.id)} · {len(story.articles)} article(s)</p>')
    for s in story.summary:
        parts.append(f"<p>{escape(s.text)}{_cites(s.sources, s.text, articles, numbers)}</p>")
    if story.quotes:
        parts.append("<h3>Key quotes</h3><ul>")
        parts += [_key_quote(q, articles, numbers) for q in story.quotes]
        parts.append("</ul>")
    if story.timeline:
        parts.append("<h3>Timeline</h3>" + _timeline(story.timeline, articles, numbers))
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
        parts.append("<p>Numbers that disagree:</p><ul>")
        for d in c.disagreements:
            values = "; ".join(f"{escape(v)}{_cites([a], s, articles, numbers)}" for v, a, s in d.values)
            parts.append(f"<li>{escape(d.about)}: {values}</li>")
        parts.append("</ul>")
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
        parts.append(
            f'<li id="{_anchor(aid)}">{_name(outlet_name(a))} · {when} · '
            f"<i>{_name(article_headline(a) or a.input)}</i></li>"
        )
    parts.append("</ol></section>")
    return "".join(parts)


def report_html(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    stories = {s.id: s for s in report.stories}
    body = []
    shown: set[str] = set()
    for topic in report.topics:
        body.append(f"<h1>{escape(topic.label)}</h1>")
        if topic.timeline and len(topic.stories) > 1:
            body.append("<h3>Topic timeline</h3>" + _timeline(topic.timeline, articles, {}))
        for sid in topic.stories:
            if sid in stories:
                body.append(_story(stories[sid], articles))
                shown.add(sid)
    body += [_story(s, articles) for s in report.stories if s.id not in shown]
    if report.errors:
        body.append("<h2>Inputs that could not be read</h2><ul>")
        body += [f"<li>{escape(str(e))}</li>" for e in report.errors]
        body.append("</ul>")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>storybrief</title>'
        f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>"
    )
