"""Clean: raw documents in, clean :class:`~storybrief.model.Article` records out."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, InputFormat, RawDocument
from .article import clean_document, distinct_ids
from .boilerplate import corpus_boilerplate, recurring_lines

__all__ = ["clean_document", "clean_documents", "clean_text", "corpus_boilerplate", "recurring_lines"]


def clean_documents(docs: Sequence[RawDocument], corpus_evidence: bool = True) -> list[Article]:
    """Clean many documents, using lines that recur across the input as boilerplate evidence."""
    recurring = corpus_boilerplate(docs) if corpus_evidence else frozenset()
    return distinct_ids([clean_document(d, recurring) for d in docs])


def clean_text(text: str, input: str = "<text>", page_text: bool | None = None) -> Article:
    """Clean one plain-text article (or whole-page text) given as a string."""
    return clean_document(RawDocument(input=input, format=InputFormat.TEXT, text=text, page_text=page_text))
