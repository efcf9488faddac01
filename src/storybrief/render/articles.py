"""Cleaned articles as JSON or Markdown, the output of ``storybrief clean``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from ..model import Article, InputError, QuoteGroup


def articles_json(
    articles: Sequence[Article], errors: Sequence[InputError], quote_groups: Sequence[QuoteGroup] = ()
) -> str:
    payload = {
        "articles": [a.to_dict() for a in articles],
        "quote_groups": [g.to_dict() for g in quote_groups],
        "errors": [e.to_dict() for e in errors],
    }
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
    window = article.published_window
    if window is not None:
        span = f"{window.earliest or '?'} … {window.latest or '?'}"
        lines.append(f"- **published (inferred)**: {span}; " + "; ".join(window.evidence))
    lines.append("")
    for block in article.blocks:
        piece = article.text[block.start : block.end]
        lines.extend([f"### {piece}" if block.kind == "heading" else piece, ""])
    if article.quotes:
        lines.append("**Quotes:**")
        for q in article.quotes:
            who = q.speaker or "(speaker unknown)"
            lines.append(f"- “{q.text}” — {who}" + (" (fragment)" if q.kind == "fragment" else ""))
        lines.append("")
    if article.dates:
        lines.append(
            "**Dates:** " + "; ".join(f"{d.text} → {d.value if d.anchored else '(unanchored)'}" for d in article.dates)
        )
        lines.append("")
    if article.flags:
        lines.append("**Flagged (left in the text):**")
        lines.extend(f"- {f.kind}: `{f.text}` ({f.detail})" for f in article.flags)
        lines.append("")
    if explain:
        lines.append(f"**Removed ({len(article.removed)}):**")
        lines.extend(f"- line {r.line}, {r.reason}: `{r.text}`" for r in article.removed)
        lines.append("")
    return "\n".join(lines)


def quote_groups_markdown(groups: Sequence[QuoteGroup], articles: Sequence[Article]) -> str:
    """Quotes carried by several articles, each wording shown against the reference word by word."""
    titles = {a.id: a.outlet or a.title or a.input for a in articles}
    lines = ["## Quotes shared across articles", ""]
    for g in groups:
        lines.append(f"- “{g.text}” — {g.speaker or '(speaker unknown)'}")
        for v in g.variants:
            diff = " ".join(f"~~{t}~~" if op == "-" else f"**{t}**" if op == "+" else t for op, t in v.diff)
            lines.append(f"  - {titles.get(v.article, v.article)}: {diff}")
    return "\n".join(lines) + "\n"


def articles_markdown(
    articles: Sequence[Article],
    errors: Sequence[InputError],
    explain: bool = False,
    quote_groups: Sequence[QuoteGroup] = (),
) -> str:
    parts = [article_markdown(a, explain) for a in articles]
    if quote_groups:
        parts.append(quote_groups_markdown(quote_groups, articles))
    if errors:
        parts.append("## Inputs that could not be read\n\n" + "\n".join(f"- `{e}`" for e in errors) + "\n")
    return "\n---\n\n".join(parts)
