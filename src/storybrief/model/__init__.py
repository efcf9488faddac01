"""The typed records every stage of storybrief reads and returns.

Data flows ``ingest -> clean -> annotate -> group -> synthesize -> render``. Ingest turns files into
:class:`RawDocument` records (plus :class:`InputError` for what could not be read); cleaning turns each raw
document into an :class:`Article`. Later stages add to these records; they never re-read files.

All records are plain dataclasses so that they are cheap to build in bulk and easy to test; ``to_dict``
gives the JSON shape used by the renderers and the JSON Schema.
"""

from __future__ import annotations

from .articles import (
    Article,
    Block,
    DateSource,
    DateWindow,
    DuplicateOf,
    Entity,
    Flag,
    InputError,
    InputFormat,
    Metadata,
    Quote,
    QuoteGroup,
    QuoteVariant,
    RawDocument,
    Removal,
    RewriteOf,
    Sentence,
    Story,
    Syndication,
    TimeMention,
    Topic,
    content_id,
)
from .brief import (
    Comparison,
    KeyQuote,
    NumberDisagreement,
    QuotePart,
    Report,
    SingleSourceFact,
    StoryBrief,
    SummarySentence,
    Support,
    TimelineEntry,
    TopicBrief,
    UndatedTimeline,
    Wording,
)
from .corpus import Corpus

__all__ = [
    "Article",
    "Block",
    "Comparison",
    "Corpus",
    "DateSource",
    "DateWindow",
    "DuplicateOf",
    "Entity",
    "Flag",
    "InputError",
    "InputFormat",
    "KeyQuote",
    "Metadata",
    "NumberDisagreement",
    "Quote",
    "QuoteGroup",
    "QuotePart",
    "QuoteVariant",
    "RawDocument",
    "Removal",
    "Report",
    "RewriteOf",
    "Sentence",
    "SingleSourceFact",
    "Story",
    "StoryBrief",
    "SummarySentence",
    "Support",
    "Syndication",
    "TimeMention",
    "TimelineEntry",
    "Topic",
    "TopicBrief",
    "UndatedTimeline",
    "Wording",
    "content_id",
]
