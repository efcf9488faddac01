"""Cleaned articles as JSON or Markdown, the output of ``storybrief clean``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from ..model import Article, InputError, QuoteGroup
from .json_stream import JsonList, json_chunks
from .safe import md_code, md_line, md_text


def articles_json_chunks(
    articles: Sequence[Article], errors: Sequence[InputError], quote_groups: Sequence[QuoteGroup] = ()
) -> Iterator[str]:
    """The JSON of ``storybrief clean`` in pieces, each article's dict made as it is written."""
    payload = {
        "articles": JsonList(a.to_dict() for a in articles),
        "quote_groups": JsonList(g.to_dict() for g in quote_groups),
        "errors": JsonList(e.to_dict() for e in errors),
    }
    return json_chunks(payload)


def articles_json(
    articles: Sequence[Article], errors: Sequence[InputError], quote_groups: Sequence[QuoteGroup] = ()
) -> str:
    return "".join(articles_json_chunks(articles, errors, quote_groups))


def _when(value: datetime | None, source: object) -> str | None:
    if value is None:
        return None
    return f"{value.strftime('%Y-%m-%d %H:%M %z')} ({md_line(str(source))})"


def _opt(value: str | None) -> str | None:
    return md_line(value) if value else None


def article_markdown(article: Article, explain: bool = False) -> str:
    lines = [f"# {md_line(article.title) if article.title else '(untitled)'}", ""]
    facts = [
        ("input", md_code(article.input)),
        ("id", md_code(article.id)),
        ("outlet", _opt(article.outlet)),
        ("published", _when(article.published, article.published_source)),
        ("updated", _when(article.updated, article.updated_source)),
        ("byline", ", ".join(md_line(b) for b in article.byline) or None),
        ("credits", ", ".join(md_line(c) for c in article.credits) or None),
        ("agency", _opt(article.agency)),
        ("dateline", _opt(article.dateline)),
        ("url", _opt(article.url)),
    ]
    lines.extend(f"- **{key}**: {value}" for key, value in facts if value)
    if article.teaser_only:
        lines.append("- **note**: the feed carries only a teaser of this article")
    window = article.published_window
    if window is not None:
        span = f"{window.earliest or '?'} … {window.latest or '?'}"
        evidence = "; ".join(md_line(e) for e in window.evidence)
        lines.append(f"- **published (inferred)**: {md_line(span)}; {evidence}")
    lines.append("")
    for block in article.blocks:
        piece = article.text[block.start : block.end]
        lines.extend([f"### {md_line(piece)}" if block.kind == "heading" else md_text(piece), ""])
    if article.quotes:
        lines.append("**Quotes:**")
        for q in article.quotes:
            who = md_line(q.speaker) if q.speaker else "(speaker unknown)"
            lines.append(f"- “{md_line(q.text)}” — {who}" + (" (fragment)" if q.kind == "fragment" else ""))
        lines.append("")
    if article.dates:
        lines.append(
            "**Dates:** "
            + "; ".join(f"{md_line(d.text)} → {d.value if d.anchored else '(unanchored)'}" for d in article.dates)
        )
        lines.append("")
    if article.flags:
        lines.append("**Flagged (left in the text):**")
        lines.extend(f"- {f.kind}: {md_code(f.text)} ({md_line(f.detail)})" for f in article.flags)
        lines.append("")
    if explain:
        lines.append(f"**Removed ({len(article.removed)}):**")
        lines.extend(f"- line {r.line}, {r.reason}: {md_code(r.text)}" for r in article.removed)
        lines.append("")
    return "\n".join(lines)


def quote_groups_markdown(groups: Sequence[QuoteGroup], articles: Sequence[Article]) -> str:
    """Quotes carried by several articles, each wording shown against the reference word by word."""
    titles = {a.id: a.outlet or a.title or a.input for a in articles}
    lines = ["## Quotes shared across articles", ""]
    for g in groups:
        lines.append(f"- “{md_line(g.text)}” — {md_line(g.speaker) if g.speaker else '(speaker unknown)'}")
        for v in g.variants:
            words = ((op, md_line(t)) for op, t in v.diff)
            diff = " ".join(f"~~{t}~~" if op == "-" else f"**{t}**" if op == "+" else t for op, t in words)
            lines.append(f"  - {md_line(titles.get(v.article, v.article))}: {diff}")
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
        parts.append("## Inputs that could not be read\n\n" + "\n".join(f"- {md_code(str(e))}" for e in errors) + "\n")
    return "\n---\n\n".join(parts)
