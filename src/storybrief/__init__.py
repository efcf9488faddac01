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

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clean import clean_document, clean_documents, clean_text
    from .ingest import read_inputs
    from .model import (
        Article,
        Block,
        Corpus,
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
    from .pipeline import annotate_corpus, brief, group_corpus, load

# Where each public name lives. Importing the package stays cheap (the command line starts spaCy's
# workers before it imports the stages); a name's module is imported when the name is first used.
_HOME = {
    **dict.fromkeys(["clean_document", "clean_documents", "clean_text"], ".clean"),
    "read_inputs": ".ingest",
    **dict.fromkeys(
        [
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
        ],
        ".model",
    ),
    **dict.fromkeys(["annotate_corpus", "brief", "group_corpus", "load"], ".pipeline"),
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        value = getattr(import_module(_HOME[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def __dir__() -> list[str]:
    return sorted(__all__)
