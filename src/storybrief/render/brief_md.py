"""The brief as Markdown (the default output of ``storybrief brief``): citations as [n] footnotes."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import Msg
from ..model import Article, KeyQuote, NumberDisagreement, Report, StoryBrief, TimelineEntry
from ..synthesize.labels import article_headline, outlet_name
from ..synthesize.timeline import undated_note
from .safe import md_code, md_line


class _Cites:
    """Numbers articles in order of first citation, per story."""

    def __init__(self, articles: dict[str, Article]) -> None:
        self.articles = articles
        self.order: list[str] = []

    def __call__(self, ids: Sequence[str]) -> str:
        marks = []
        for aid in ids:
            if aid not in self.order:
                self.order.append(aid)
            marks.append(f"[{self.order.index(aid) + 1}]")
        return "".join(marks)

    def notes(self) -> list[str]:
        lines = []
        for n, aid in enumerate(self.order, start=1):
            a = self.articles[aid]
            when = a.published.date().isoformat() if a.published else "undated"
            who, title = md_line(outlet_name(a)), md_line(article_headline(a) or a.input)
            lines.append(f"[{n}]: {who} · {when} · *{title}* ({md_code(aid)})")
        return lines


def _timeline(entries: Sequence[TimelineEntry], cite: _Cites) -> list[str]:
    lines = []
    for e in entries:
        flag = f" ({Msg.TIMELINE_REPORTED})" if e.reported else " (inferred)" if e.inferred else ""
        mark = f" ⚠ {REWRITTEN_PAGE}" if e.rewritten else ""
        lines.append(f"- **{md_line(e.date)}**{flag}: {md_line(e.text)} {cite(e.sources)}{mark}")
    return lines


def _disagreements(found: Sequence[NumberDisagreement], cite: _Cites) -> list[str]:
    lines = []
    for d in found:
        values = "; ".join(f"{md_line(v)} {cite([a])}" for v, a, _ in d.values)
        lines.append(f"- {md_line(d.about)}: {values}")
    return lines


REWRITTEN_ONLY = "only in a likely rewritten article"
REWRITTEN_PAGE = "only on a rewritten or garbled page"


def _marked(diff: Sequence[tuple[str, str]]) -> str:
    """Another wording in full, its words that differ from the first wording in bold."""
    return " ".join(f"**{md_line(words)}**" if op == "+" else md_line(words) for op, words in diff if op != "-")


def _key_quotes(quotes: Sequence[KeyQuote], cite: _Cites) -> list[str]:
    """Each key quote with its pieces as printed, and every other wording of it with the changed words marked."""
    lines = []
    for q in quotes:
        wordings = q.wordings
        more = f" ({len(wordings)} wordings)" if len(wordings) > 1 else ""
        flag = f" ⚠ {REWRITTEN_ONLY}" if q.rewritten_only else ""
        who = md_line(q.speaker) if q.speaker else "unattributed"
        lines.append(f"- “{md_line(q.text)}” — {who} {cite(q.articles)}{more}{flag}")
        for w in wordings[1:]:
            own = " ⚠ rewritten page" if w.rewritten and not q.rewritten_only else ""
            lines.append(f"  - other wording {cite(w.articles)}: “{_marked(w.diff) or md_line(w.text)}”{own}")
    return lines


def story_markdown(story: StoryBrief, articles: dict[str, Article]) -> str:
    cite = _Cites(articles)
    lines = [f"## {md_line(story.headline)}", "", f"*Story {md_line(story.id)} · {len(story.articles)} article(s)*", ""]
    summary = [
        f"{md_line(s.text)} {cite(s.sources)}" + (f" ⚠ {REWRITTEN_PAGE}" if s.rewritten else "") for s in story.summary
    ]
    lines += summary or ["(no sentence fit for a summary)"]
    if story.quotes:
        lines += ["", "### Key quotes", ""]
        lines += _key_quotes(story.quotes, cite)
    if story.timeline:
        lines += ["", "### Timeline", "", *_timeline(story.timeline, cite)]
    if story.undated is not None:
        lines += ["", "### Timeline", "", md_line(undated_note(story.undated))]
    c = story.comparison
    lines += ["", "### Sources", ""]
    for outlet, ids in c.outlets.items():
        lines.append(f"- {md_line(outlet)}: {cite(ids)}")
    if c.single_source:
        lines += ["", "Only one source:", ""]
        lines += [f"- {md_line(f.text)} {cite([f.article])}" for f in c.single_source]
    if c.disagreements:
        lines += ["", "Numbers that disagree:", "", *_disagreements(c.disagreements, cite)]
    if c.copies:
        lines += ["", "Copies:", ""]
        for copy in c.copies:
            of_id = copy["of"]
            of = f" of {cite([of_id])}" if of_id in articles else f" ({md_code(str(of_id))})" if of_id else ""
            detail = md_line(str(copy["detail"] or ""))
            lines.append(f"- {cite([copy['article']])} {md_line(str(copy['kind']))}{of}: {detail}".rstrip(": "))
    lines += ["", *cite.notes()]
    return "\n".join(lines)


def report_markdown(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    stories = {s.id: s for s in report.stories}
    parts = []
    for topic in report.topics:
        parts.append(f"# {md_line(topic.label)}\n\n*Topic {md_line(topic.id)} · {len(topic.stories)} story(ies)*")
        if topic.timeline and len(topic.stories) > 1:
            cite = _Cites(articles)
            lines = ["### Topic timeline", "", *_timeline(topic.timeline, cite), "", *cite.notes()]
            parts.append("\n".join(lines))
        if topic.disagreements:
            cite = _Cites(articles)
            lines = ["### Numbers that disagree between its stories", "", *_disagreements(topic.disagreements, cite)]
            parts.append("\n".join([*lines, "", *cite.notes()]))
        parts += [story_markdown(stories[sid], articles) for sid in topic.stories if sid in stories]
    shown = {sid for t in report.topics for sid in t.stories}
    parts += [story_markdown(s, articles) for s in report.stories if s.id not in shown]
    if report.errors:
        parts.append("## Inputs that could not be read\n\n" + "\n".join(f"- {md_line(str(e))}" for e in report.errors))
    return "\n\n".join(parts)
