"""Stories, topics, duplicates and copies as JSON or Markdown: the output of ``storybrief group``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .json_stream import JsonList, json_chunks
from .safe import md_code, md_line

if TYPE_CHECKING:
    from ..model import Corpus


def groups_payload(corpus: Corpus, lazy: bool = False) -> dict[str, Any]:
    """What ``storybrief group`` writes as JSON; with ``lazy``, each record's dict is made as it is written."""
    wrap: Any = JsonList if lazy else list
    return {
        "articles": wrap(a.to_dict() for a in corpus.articles),
        "stories": wrap(s.to_dict() for s in corpus.stories),
        "topics": wrap(t.to_dict() for t in corpus.topics),
        "syndications": wrap(s.to_dict() for s in corpus.syndications),
        "quote_groups": wrap(g.to_dict() for g in corpus.quote_groups),
        "errors": wrap(e.to_dict() for e in corpus.errors),
    }


def groups_json_chunks(corpus: Corpus) -> Iterator[str]:
    return json_chunks(groups_payload(corpus, lazy=True))


def groups_json(corpus: Corpus) -> str:
    return "".join(groups_json_chunks(corpus))


def groups_markdown(corpus: Corpus) -> str:
    """Topics, their stories and each story's articles, with copies marked."""
    by_id = {a.id: a for a in corpus.articles}
    stories = {s.id: s for s in corpus.stories}
    lines: list[str] = []
    for topic in corpus.topics:
        lines += [f"# Topic {md_line(topic.id)}: {md_line(topic.label)}", ""]
        for sid in topic.stories:
            story = stories[sid]
            lines += [f"## Story {md_line(story.id)} ({len(story.articles)} article(s))", ""]
            for aid in story.articles:
                a = by_id[aid]
                when = a.published.date().isoformat() if a.published else "undated"
                notes = []
                if a.duplicate_of:
                    notes.append(f"duplicate of {md_code(a.duplicate_of.article)} ({a.duplicate_of.similarity:.2f})")
                if a.syndication:
                    notes.append(f"syndication {md_line(a.syndication)}")
                if a.rewrite_of:
                    rewrite = a.rewrite_of.article
                    notes.append(f"rewrite of {md_code(rewrite)}" if rewrite else "likely rewritten")
                extra = f" — {'; '.join(notes)}" if notes else ""
                outlet = md_line(a.outlet or "")
                lines.append(f"- {md_code(a.id)} {when} {outlet} *{md_line(a.title or a.input)}*{extra}")
            lines.append("")
    for syn in corpus.syndications:
        agency = md_line(syn.agency) if syn.agency else "unknown agency"
        members = ", ".join(md_code(aid) for aid in syn.articles)
        lines.append(f"Syndication {md_line(syn.id)} ({agency}): {members}")
    return "\n".join(lines).rstrip()
