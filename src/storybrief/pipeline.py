"""The library calls the CLI (and later the web app and the distributed runner) are thin shells over."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .clean import clean_documents
from .errors import Msg
from .ingest import DEFAULT_MAX_BYTES, read_inputs
from .model import Article, InputError, RawDocument


@dataclass(slots=True)
class Corpus:
    """Clean articles plus every input that could not become one: each input is accounted for."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def load(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    corpus_evidence: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Corpus:
    """Ingest and clean ``paths`` (files, folders, ``-``): the foundation of every storybrief command."""
    docs: list[RawDocument] = []
    corpus = Corpus()
    for item in read_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            corpus.errors.append(item)
        else:
            docs.append(item)
        if progress is not None:
            progress(item.input)
    for article in clean_documents(docs, corpus_evidence=corpus_evidence):
        if article.text.strip():
            corpus.articles.append(article)
        else:
            corpus.errors.append(InputError(article.input, Msg.NO_TEXT_LEFT))
    return corpus
