"""Cleaned articles as JSON or Markdown, the output of ``storybrief clean``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from ..model import Article, InputError


def articles_json(articles: Sequence[Article], errors: Sequence[InputError]) -> str:
    payload = {"articles": [a.to_dict() for a in articles], "errors": [e.to_dict() for e in errors]}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _when(value: datetime | None, source: object) -> str | None:
    if value is None:
        return None
    return f"{value.strftime('%Y-%m-%d %H:%M %z')} ({source})"


def article_markdown(article: Article, explain: bool = False) -> str:
    lines = [f"# {article.title or '(untitled)'}", ""]
    facts = [
        ("input", f"`{article.input}`"),
        ("id", f"`{article.id}`"),
        ("outlet", article.outlet),
        ("published", _when(article.published, article.published_source)),
        ("updated", _when(article.updated, article.updated_source)),
        ("byline", ", ".join(article.byline) or None),
        ("credits", ", ".join(article.credits) or None),
        ("agency", article.agency),
        ("dateline", article.dateline),
        ("url", article.url),
    ]
    lines.extend(f"- **{key}**: {value}" for key, value in facts if value)
    if article.teaser_only:
        lines.append("- **note**: the feed carries only a teaser of this article")
    lines.append("")
    for block in article.blocks:
        piece = article.text[block.start : block.end]
        lines.extend([f"### {piece}" if block.kind == "heading" else piece, ""])
    if article.flags:
        lines.append("**Flagged (left in the text):**")
        lines.extend(f"- {f.kind}: `{f.text}` ({f.detail})" for f in article.flags)
        lines.append("")
    if explain:
        lines.append(f"**Removed ({len(article.removed)}):**")
        lines.extend(f"- line {r.line}, {r.reason}: `{r.text}`" for r in article.removed)
        lines.append("")
    return "\n".join(lines)


def articles_markdown(articles: Sequence[Article], errors: Sequence[InputError], explain: bool = False) -> str:
    parts = [article_markdown(a, explain) for a in articles]
    if errors:
        parts.append("## Inputs that could not be read\n\n" + "\n".join(f"- `{e}`" for e in errors) + "\n")
    return "\n---\n\n".join(parts)
