"""storybrief: many raw news articles in; clean articles, stories and cited briefs out.

The public API::

    import storybrief
    corpus = storybrief.load(["articles/"])      # ingest + clean, every input accounted for
    for article in corpus.articles: ...
    for error in corpus.errors: print(error)
    report = storybrief.brief(["articles/"])     # the whole pipeline: one cited brief per story
    for story in report.stories: print(story.headline, [s.text for s in story.summary])

Stages can also be used one by one: :mod:`storybrief.ingest`, :mod:`storybrief.clean`.
"""

from __future__ import annotations

from .clean import clean_document, clean_documents, clean_text
from .ingest import read_inputs
from .model import (
    Article,
    Block,
    DateSource,
    Flag,
    InputError,
    InputFormat,
    Metadata,
    RawDocument,
    Removal,
    Report,
    StoryBrief,
)
from .pipeline import Corpus, annotate_corpus, brief, group_corpus, load

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "Corpus",
    "DateSource",
    "Flag",
    "InputError",
    "InputFormat",
    "Metadata",
    "RawDocument",
    "Removal",
    "Report",
    "StoryBrief",
    "__version__",
    "annotate_corpus",
    "brief",
    "clean_document",
    "clean_documents",
    "clean_text",
    "group_corpus",
    "load",
    "read_inputs",
]
