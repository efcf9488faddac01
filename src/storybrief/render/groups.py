"""Stories, topics, duplicates and copies as JSON or Markdown: the output of ``storybrief group``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import Corpus


def groups_payload(corpus: Corpus) -> dict[str, Any]:
    return {
        "articles": [a.to_dict() for a in corpus.articles],
        "stories": [s.to_dict() for s in corpus.stories],
        "topics": [t.to_dict() for t in corpus.topics],
        "syndications": [s.to_dict() for s in corpus.syndications],
        "quote_groups": [g.to_dict() for g in corpus.quote_groups],
        "errors": [e.to_dict() for e in corpus.errors],
    }


def groups_json(corpus: Corpus) -> str:
    return json.dumps(groups_payload(corpus), ensure_ascii=False, indent=2)


def groups_markdown(corpus: Corpus) -> str:
    """Topics, their stories and each story's articles, with copies marked."""
    by_id = {a.id: a for a in corpus.articles}
    stories = {s.id: s for s in corpus.stories}
    lines: list[str] = []
    for topic in corpus.topics:
        lines += [f"# Topic {topic.id}: {topic.label}", ""]
        for sid in topic.stories:
            story = stories[sid]
            lines += [f"## Story {story.id} ({len(story.articles)} article(s))", ""]
            for aid in story.articles:
                a = by_id[aid]
                when = a.published.date().isoformat() if a.published else "undated"
                notes = []
                if a.duplicate_of:
                    notes.append(f"duplicate of `{a.duplicate_of.article}` ({a.duplicate_of.similarity:.2f})")
                if a.syndication:
                    notes.append(f"syndication {a.syndication}")
                if a.rewrite_of:
                    notes.append(f"rewrite of `{a.rewrite_of.article}`" if a.rewrite_of.article else "likely rewritten")
                extra = f" — {'; '.join(notes)}" if notes else ""
                lines.append(f"- `{a.id}` {when} {a.outlet or ''} *{a.title or a.input}*{extra}")
            lines.append("")
    for syn in corpus.syndications:
        lines.append(f"Syndication {syn.id} ({syn.agency or 'unknown agency'}): {', '.join(syn.articles)}")
    return "\n".join(lines).rstrip()
