"""Records back from their ``to_dict`` JSON shape: what the library (``storybrief.store``) reads back.

``article_from_dict(a.to_dict())`` equals ``a`` field for field, so that an article read from the store
groups and briefs exactly as the one that was annotated.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .articles import (
    Article,
    Block,
    DateSource,
    DateWindow,
    DuplicateOf,
    Entity,
    Flag,
    InputFormat,
    Quote,
    QuoteGroup,
    QuoteVariant,
    Removal,
    RewriteOf,
    Sentence,
    TimeMention,
)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _source(value: str | None) -> DateSource | None:
    return DateSource(value) if value is not None else None


def quote_from_dict(d: dict[str, Any]) -> Quote:
    return Quote(
        text=d["text"],
        start=d["start"],
        end=d["end"],
        speaker=d["speaker"],
        kind=d["kind"],
        speaker_text=d["speaker_text"],
        cue=d["cue"],
        parts=tuple((int(p[0]), int(p[1])) for p in d["parts"]),
        speaker_start=d["speaker_start"],
        speaker_end=d["speaker_end"],
    )


def article_from_dict(d: dict[str, Any]) -> Article:
    """The :class:`Article` of :meth:`Article.to_dict`; similarities keep the 3 decimals ``to_dict`` kept."""
    window = d["published_window"]
    dup = d["duplicate_of"]
    rewrite = d["rewrite_of"]
    return Article(
        id=d["id"],
        input=d["input"],
        format=InputFormat(d["format"]),
        text=d["text"],
        blocks=[Block(b["kind"], b["start"], b["end"]) for b in d["blocks"]],
        url=d["url"],
        title=d["title"],
        subtitle=d["subtitle"],
        published=_dt(d["published"]),
        published_source=_source(d["published_source"]),
        updated=_dt(d["updated"]),
        updated_source=_source(d["updated_source"]),
        byline=list(d["byline"]),
        credits=list(d["credits"]),
        agency=d["agency"],
        dateline=d["dateline"],
        outlet=d["outlet"],
        language=d["language"],
        teaser_only=d["teaser_only"],
        captured=_dt(d["captured"]),
        removed=[Removal(r["text"], r["reason"], r["start"], r["end"], r["line"], r.get("at")) for r in d["removed"]],
        flags=[Flag(f["kind"], f["text"], f["start"], f["end"], f["detail"]) for f in d["flags"]],
        sentences=[Sentence(s[0], s[1]) for s in d["sentences"]],
        entities=[
            Entity(e["text"], e["start"], e["end"], e["label"], e["canonical"], e["role"]) for e in d["entities"]
        ],
        dates=[
            TimeMention(
                t["text"], t["start"], t["end"], t["value"], t["granularity"], t["anchored"], t["kind"], t["direction"]
            )
            for t in d["dates"]
        ],
        quotes=[quote_from_dict(q) for q in d["quotes"]],
        published_window=(
            DateWindow(_day(window["earliest"]), _day(window["latest"]), tuple(window["evidence"]))
            if window is not None
            else None
        ),
        duplicate_of=DuplicateOf(dup["article"], dup["similarity"]) if dup is not None else None,
        syndication=d["syndication"],
        rewrite_of=(
            RewriteOf(rewrite["article"], rewrite["score"], tuple(rewrite["evidence"])) if rewrite is not None else None
        ),
        story=d["story"],
    )


def quote_group_from_dict(d: dict[str, Any]) -> QuoteGroup:
    return QuoteGroup(
        id=d["id"],
        speaker=d["speaker"],
        text=d["text"],
        variants=tuple(
            QuoteVariant(v["article"], v["quote"], v["text"], tuple((op["op"], op["text"]) for op in v["diff"]))
            for v in d["variants"]
        ),
    )
