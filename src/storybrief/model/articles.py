"""Articles and what the clean, annotate and group stages attach to them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class DateSource(StrEnum):
    """Where a publication or update date came from."""

    TEXT = "text"  # a line such as "Published October 1st, 2021 at 11:53 IST" in the article itself
    METADATA = "metadata"  # a field of the container: JSON field, HTML meta tag, feed entry, WARC header
    USER = "user"  # given explicitly by the user
    INFERRED = "inferred"  # estimated from evidence in the text (see the annotate stage)
    ADDRESS = "address"  # a full date in the article's URL or its file's name (/2016/02/03/, _2016-02-03_)


class InputFormat(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"
    FEED = "feed"
    WARC = "warc"


@dataclass(slots=True)
class Metadata:
    """What the container told us about a document, before we look at its text."""

    id: str | None = None
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    language: str | None = None
    teaser_only: bool = False  # a feed entry that carries only a teaser, not the article
    captured: datetime | None = None  # when a web archive captured the page (publication is not later)
    ignored: list[str] = field(default_factory=list)  # fields that could not be read (flagged by clean)


@dataclass(slots=True)
class RawDocument:
    """One article-sized piece of input, as ingest found it.

    ``input`` names where it came from: a path, ``path:line`` for a JSONL record, ``path#N`` for the N-th
    record of a JSON list, feed or WARC file, or a URL when the container gives one.
    ``text`` is plain text; when the input was HTML, ``html`` holds the markup and ``text`` what was
    extracted from it.
    """

    input: str
    format: InputFormat
    text: str
    meta: Metadata = field(default_factory=Metadata)
    html: str | None = None
    page_text: bool | None = None  # True: whole-page text (menus etc.); None: let the cleaner decide
    decode_replaced: int = 0  # runs of invalid bytes that decoding replaced with U+FFFD (flagged by clean)


@dataclass(slots=True, frozen=True)
class InputError:
    """A file or record that could not become an article, with a message for the user."""

    input: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.input}:{self.line}" if self.line is not None else self.input
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "line": self.line, "message": self.message}


@dataclass(slots=True, frozen=True)
class Removal:
    """A piece of junk taken out of the text, kept so that nothing is lost silently.

    ``start``/``end`` are character offsets into the raw text the cleaner received; ``line`` is its
    1-based line number there. ``at`` is where the piece stood in the article's cleaned ``text`` (a
    removed line: where the next kept line begins; an inline cut: its place in its line), so that a reader
    can show it in place; None for articles cleaned before it was recorded.
    """

    text: str
    reason: str
    start: int
    end: int
    line: int
    at: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "reason": self.reason,
            "start": self.start,
            "end": self.end,
            "line": self.line,
        }
        if self.at is not None:
            out["at"] = self.at
        return out


@dataclass(slots=True, frozen=True)
class Flag:
    """Something suspicious left in the text on purpose (for example garbled machine rewriting).

    Offsets are into the article's cleaned ``text``.
    """

    kind: str
    text: str
    start: int
    end: int
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end, "detail": self.detail}


@dataclass(slots=True, frozen=True)
class Block:
    """A paragraph or a subhead of the cleaned text; offsets are into ``Article.text``."""

    kind: str  # "paragraph" or "heading"
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class TimeMention:
    """A temporal expression in an article and, when it can be anchored, its absolute value.

    ``value`` follows TimeML's TIMEX3 conventions: ``2021-09-30`` (day), ``2021-W39`` (week), ``2021-09``
    (month), ``2021-Q3`` (quarter), ``2021`` (year), ``202`` (decade), ``2021-09-30T14:30`` (time of day),
    ``P3Y`` / ``P2W`` (durations), ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``. ``anchored`` is false
    when the expression needs a reference date that is not known (its value is then ``None`` or only
    partly known, e.g. ``XXXX-03-09``), never a guess. Offsets are into ``Article.text``.
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: str  # time, day, week, month, quarter, year, decade, duration, set, ref
    anchored: bool
    kind: str = "date"  # date, time, duration, set (TIMEX3 types, lower-cased)
    direction: str | None = None  # "past" or "future" when tense or wording decided the anchoring

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "granularity": self.granularity,
            "anchored": self.anchored,
            "kind": self.kind,
            "direction": self.direction,
        }


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence of ``Article.text``, by offsets."""

    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Entity:
    """A named mention (person, organisation, place) with the canonical name it refers to across the input.

    ``text`` is the mention as written ("Blinken", "the secretary"); ``canonical`` the one name used for
    it everywhere ("Antony Blinken"); ``role`` a title or function given with it ("U.S. Secretary of
    State"), kept apart from the name.
    """

    text: str
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC, NORP
    canonical: str
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "canonical": self.canonical,
            "role": self.role,
        }


@dataclass(slots=True, frozen=True)
class Quote:
    """A direct quote: the words inside the quotation marks and who said them.

    A quote split around its attribution ("...," he said. "...") is one quote whose ``parts`` are the
    pieces; ``text`` joins them with a space and ``start``/``end`` span them all. ``kind`` is ``full``
    (a sentence or more) or ``fragment`` (a few words woven into the reporter's sentence). ``speaker``
    is a canonical name, or ``None`` when nobody can be attributed; ``speaker_text`` is the mention
    that decided it ("he", "the State Department").
    """

    text: str
    start: int
    end: int
    speaker: str | None
    kind: str = "full"
    speaker_text: str | None = None
    cue: str | None = None
    parts: tuple[tuple[int, int], ...] = ()
    speaker_start: int | None = None  # offsets of ``speaker_text`` in ``Article.text``
    speaker_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "kind": self.kind,
            "speaker_text": self.speaker_text,
            "cue": self.cue,
            "parts": [list(p) for p in self.parts],
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
        }


@dataclass(slots=True, frozen=True)
class QuoteVariant:
    """One article's wording of a quote shared across articles.

    ``diff`` compares it word by word with the group's reference wording: ``("=", words)`` shared,
    ``("-", words)`` only in the reference, ``("+", words)`` only in this variant.
    """

    article: str
    quote: int  # index into that article's ``quotes``
    text: str
    diff: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "quote": self.quote,
            "text": self.text,
            "diff": [{"op": op, "text": words} for op, words in self.diff],
        }


@dataclass(slots=True, frozen=True)
class QuoteGroup:
    """The same utterance quoted by several articles, possibly in different words."""

    id: str
    speaker: str | None
    text: str  # the reference wording: clean pages, more articles, no repeated words, then the longest
    variants: tuple[QuoteVariant, ...]

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(v.article for v in self.variants))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "text": self.text,
            "articles": self.articles,
            "variants": [v.to_dict() for v in self.variants],
        }


@dataclass(slots=True, frozen=True)
class DateWindow:
    """An inferred publication window for an undated article, with the evidence for each bound."""

    earliest: date | None
    latest: date | None
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "evidence": list(self.evidence),
        }


@dataclass(slots=True, frozen=True)
class DuplicateOf:
    """This article is a copy of ``article`` (the canonical one of its duplicate group)."""

    article: str
    similarity: float  # Jaccard similarity of their word shingles

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "similarity": round(self.similarity, 3)}


@dataclass(slots=True, frozen=True)
class RewriteOf:
    """A spun copy: other words, but the same quotes, names and numbers in the same order.

    ``article`` is the closest original in the input, or ``None`` when the original is not there and the
    article is only *likely* rewritten (garbled phrasing, credit lines of another outlet).
    """

    article: str | None
    score: float
    evidence: tuple[str, ...] = ()

    @property
    def likely(self) -> bool:
        return self.article is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "likely": self.likely,
            "score": round(self.score, 3),
            "evidence": list(self.evidence),
        }


@dataclass(slots=True)
class Syndication:
    """One wire story republished by several outlets."""

    id: str
    agency: str | None
    articles: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "agency": self.agency, "articles": list(self.articles)}


@dataclass(slots=True)
class Story:
    """One real-world event and the articles that report it."""

    id: str
    articles: list[str]
    topic: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "articles": list(self.articles), "topic": self.topic}


@dataclass(slots=True)
class Topic:
    """Stories that share their main actors and subject over a longer span."""

    id: str
    label: str
    stories: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "stories": list(self.stories)}


@dataclass(slots=True)
class Article:
    """A clean article: the record every later stage works on."""

    id: str
    input: str
    format: InputFormat
    text: str
    blocks: list[Block] = field(default_factory=list)
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    published: datetime | None = None
    published_source: DateSource | None = None
    updated: datetime | None = None
    updated_source: DateSource | None = None
    byline: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    agency: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    language: str | None = None
    teaser_only: bool = False
    captured: datetime | None = None  # when a web archive captured the page
    removed: list[Removal] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    # filled by the annotate stage
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[TimeMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    published_window: DateWindow | None = None
    # filled by the group stage
    duplicate_of: DuplicateOf | None = None
    syndication: str | None = None  # id of its Syndication group
    rewrite_of: RewriteOf | None = None
    story: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [self.text[b.start : b.end] for b in self.blocks if b.kind == "paragraph"]

    @property
    def headings(self) -> list[str]:
        return [self.text[b.start : b.end] for b in self.blocks if b.kind == "heading"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "input": self.input,
            "format": str(self.format),
            "url": self.url,
            "title": self.title,
            "subtitle": self.subtitle,
            "published": _iso(self.published),
            "published_source": _opt_str(self.published_source),
            "updated": _iso(self.updated),
            "updated_source": _opt_str(self.updated_source),
            "byline": list(self.byline),
            "credits": list(self.credits),
            "agency": self.agency,
            "dateline": self.dateline,
            "outlet": self.outlet,
            "language": self.language,
            "teaser_only": self.teaser_only,
            "captured": _iso(self.captured),
            "text": self.text,
            "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in self.blocks],
            "removed": [r.to_dict() for r in self.removed],
            "flags": [f.to_dict() for f in self.flags],
            "sentences": [[s.start, s.end] for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "dates": [d.to_dict() for d in self.dates],
            "quotes": [q.to_dict() for q in self.quotes],
            "published_window": self.published_window.to_dict() if self.published_window else None,
            "duplicate_of": self.duplicate_of.to_dict() if self.duplicate_of else None,
            "syndication": self.syndication,
            "rewrite_of": self.rewrite_of.to_dict() if self.rewrite_of else None,
            "story": self.story,
        }


def content_id(text: str) -> str:
    """A stable id derived from content, for inputs that carry no id of their own."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _opt_str(value: StrEnum | None) -> str | None:
    return str(value) if value is not None else None
