"""The brief: what the synthesize stage returns, one :class:`StoryBrief` per story.

Every piece of text in a brief is copied from an article (storybrief never writes its own sentences), and
carries the ids of the articles that support it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .articles import Article, InputError, QuoteVariant


@dataclass(slots=True, frozen=True)
class Support:
    """Why ``article`` is cited for a sentence: its sentence at ``start:end`` says the same thing.

    ``score`` is the share of the cited sentence's content words that sentence holds (1.0 for the article the
    sentence was taken from); see :mod:`storybrief.synthesize.support` for the rule.
    """

    article: str
    score: float
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "score": round(self.score, 3), "start": self.start, "end": self.end}


@dataclass(slots=True, frozen=True)
class SummarySentence:
    """A sentence of the summary: taken from ``article`` at ``start:end``, supported by ``sources``."""

    text: str
    sources: tuple[str, ...]  # every article carrying this fact, the one it was taken from first
    article: str
    start: int
    end: int
    support: tuple[Support, ...] = ()  # one per source, in the same order
    rewritten: bool = False  # taken from a rewritten or garbled page: no clean article carries the fact

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "sources": list(self.sources),
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "support": [s.to_dict() for s in self.support],
            "rewritten": self.rewritten,
        }


@dataclass(slots=True, frozen=True)
class QuotePart:
    """One piece of a quote as the brief shows it: ``article.text[start:end] == text``, verbatim."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True, frozen=True)
class Wording:
    """One wording of a key quote: its pieces in ``article`` and every article carrying these same words.

    ``text`` is the pieces as shown: joined by " … " where the reporter's words were cut out, a trailing
    comma of the sentence the quote was cut from turned into a full stop. ``diff`` compares the words with
    the key quote's reference wording (empty for the reference itself). ``rewritten`` when every article
    carrying it is a rewritten (spun) or garbled page.
    """

    text: str
    article: str
    parts: tuple[QuotePart, ...]
    articles: tuple[str, ...]
    diff: tuple[tuple[str, str], ...] = ()
    rewritten: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "article": self.article,
            "parts": [p.to_dict() for p in self.parts],
            "articles": list(self.articles),
            "diff": [{"op": op, "text": words} for op, words in self.diff],
            "rewritten": self.rewritten,
        }


@dataclass(slots=True, frozen=True)
class KeyQuote:
    """A key quote of a story; ``wordings`` (reference first) are its distinct wordings across articles."""

    text: str
    speaker: str | None
    articles: tuple[str, ...]
    variants: tuple[QuoteVariant, ...] = ()
    wordings: tuple[Wording, ...] = ()
    rewritten_only: bool = False  # carried only by rewritten or garbled pages

    @property
    def parts(self) -> tuple[QuotePart, ...]:
        return self.wordings[0].parts if self.wordings else ()

    @property
    def article(self) -> str | None:
        return self.wordings[0].article if self.wordings else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "articles": list(self.articles),
            "variants": [v.to_dict() for v in self.variants],
            "article": self.article,
            "parts": [p.to_dict() for p in self.parts],
            "wordings": [w.to_dict() for w in self.wordings],
            "rewritten_only": self.rewritten_only,
        }


@dataclass(slots=True, frozen=True)
class TimelineEntry:
    """What happened on ``date`` (ISO day); ``inferred`` when the day was worked out, not written."""

    date: str
    inferred: bool
    text: str
    sources: tuple[str, ...]
    story: str | None = None
    support: tuple[Support, ...] = ()  # one per source, in the same order
    rewritten: bool = False  # taken from a rewritten or garbled page: no clean article carries the fact
    # the sentence names no day: ``date`` is the day its article reported it (the event may be earlier)
    reported: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "inferred": self.inferred,
            "text": self.text,
            "sources": list(self.sources),
            "story": self.story,
            "support": [s.to_dict() for s in self.support],
            "rewritten": self.rewritten,
            "reported": self.reported,
        }


@dataclass(slots=True, frozen=True)
class UndatedTimeline:
    """Why a story has no dated timeline: none of its articles has a publication date. ``earliest`` and
    ``latest`` (ISO days, either may be None) bound when its articles were published, as inferred from
    what they say (each article's ``published_window``, joined)."""

    earliest: str | None
    latest: str | None
    reason: str = "no article of this story has a publication date"

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "earliest": self.earliest, "latest": self.latest}


@dataclass(slots=True, frozen=True)
class SingleSourceFact:
    text: str
    article: str
    outlet: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "article": self.article, "outlet": self.outlet}


@dataclass(slots=True, frozen=True)
class NumberDisagreement:
    """Sources giving different numbers for the same thing ("40 households" against "42 homes")."""

    about: str
    values: tuple[tuple[str, str, str], ...]  # (number as written, article id, sentence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "about": self.about,
            "values": [{"value": v, "article": a, "sentence": s} for v, a, s in self.values],
        }


@dataclass(slots=True)
class Comparison:
    """Who reported what: per-outlet coverage, single-source facts, disagreeing numbers, copies."""

    outlets: dict[str, list[str]] = field(default_factory=dict)  # outlet -> article ids
    single_source: list[SingleSourceFact] = field(default_factory=list)
    disagreements: list[NumberDisagreement] = field(default_factory=list)
    copies: list[dict[str, Any]] = field(default_factory=list)  # {"article", "kind", "of", "detail"}

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlets": {k: list(v) for k, v in self.outlets.items()},
            "single_source": [f.to_dict() for f in self.single_source],
            "disagreements": [d.to_dict() for d in self.disagreements],
            "copies": list(self.copies),
        }


@dataclass(slots=True)
class StoryBrief:
    id: str
    headline: str
    topic: str | None
    articles: list[str]
    summary: list[SummarySentence] = field(default_factory=list)
    quotes: list[KeyQuote] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    comparison: Comparison = field(default_factory=Comparison)
    undated: UndatedTimeline | None = None  # set when no article of the story has a publication date

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline": self.headline,
            "topic": self.topic,
            "articles": list(self.articles),
            "summary": [s.to_dict() for s in self.summary],
            "quotes": [q.to_dict() for q in self.quotes],
            "timeline": [t.to_dict() for t in self.timeline],
            "timeline_undated": self.undated.to_dict() if self.undated else None,
            "comparison": self.comparison.to_dict(),
        }


@dataclass(slots=True)
class TopicBrief:
    id: str
    label: str
    stories: list[str]
    timeline: list[TimelineEntry] = field(default_factory=list)
    # numbers that disagree between articles of different stories of the topic (each story lists its own)
    disagreements: list[NumberDisagreement] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "stories": list(self.stories),
            "timeline": [t.to_dict() for t in self.timeline],
            "disagreements": [d.to_dict() for d in self.disagreements],
        }


@dataclass(slots=True)
class Report:
    """Everything ``storybrief brief`` produces: the articles, one brief per story, topics, errors."""

    articles: list[Article]
    stories: list[StoryBrief]
    topics: list[TopicBrief]
    errors: list[InputError]

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [a.to_dict() for a in self.articles],
            "stories": [s.to_dict() for s in self.stories],
            "topics": [t.to_dict() for t in self.topics],
            "errors": [e.to_dict() for e in self.errors],
        }
