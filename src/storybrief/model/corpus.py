"""The corpus: what every stage after ingest reads and fills in, in one record."""

from __future__ import annotations

from dataclasses import dataclass, field

from .articles import Article, InputError, QuoteGroup, Story, Syndication, Topic


@dataclass(slots=True)
class Corpus:
    """Clean articles plus every input that could not become one: each input is accounted for."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    quote_groups: list[QuoteGroup] = field(default_factory=list)  # filled by annotate()
    unused_dates: list[str] = field(default_factory=list)  # user-given dates that matched no input
    stories: list[Story] = field(default_factory=list)  # filled by group_corpus()
    topics: list[Topic] = field(default_factory=list)
    syndications: list[Syndication] = field(default_factory=list)
