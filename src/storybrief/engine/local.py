"""The local engine: read and clean in this process, spaCy in worker processes on this machine
(:class:`~storybrief.annotate.workers.ParserPool`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from ..clean import clean_documents
from ..errors import Msg
from ..ingest import DEFAULT_MAX_BYTES, MAX_CONTAINER_BYTES, PathsLike, as_paths, error_for, read_inputs
from ..model import Article, Corpus, InputError, RawDocument, TimeMention

if TYPE_CHECKING:
    from ..annotate.nlp import Parsed
    from ..annotate.workers import ParserPool


def load(
    paths: PathsLike,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    corpus_evidence: bool = True,
    progress: Callable[[str], None] | None = None,
    follow_links: bool = False,
    max_container_bytes: int = MAX_CONTAINER_BYTES,
) -> Corpus:
    """Read and clean ``paths`` in this process (see :func:`storybrief.pipeline.load`)."""
    paths = as_paths(paths)
    docs: list[RawDocument] = []
    corpus = Corpus()
    items = read_inputs(paths, max_bytes=max_bytes, follow_links=follow_links, max_container_bytes=max_container_bytes)
    for item in items:
        if isinstance(item, InputError):
            corpus.errors.append(item)
        else:
            docs.append(item)
        if progress is not None:
            progress(item.input)
    return keep_articles(corpus, clean_documents(docs, corpus_evidence=corpus_evidence))


def keep_articles(corpus: Corpus, articles: Sequence[Article]) -> Corpus:
    """Clean articles into ``corpus``; one with no text left is an input error (after the read errors)."""
    for article in articles:
        if article.text.strip():
            corpus.articles.append(article)
        else:
            corpus.errors.append(error_for(article.input, article.format, Msg.NO_TEXT_LEFT))
    return corpus


def annotate(
    corpus: Corpus,
    *,
    user_dates: Mapping[str, datetime] | None = None,
    n_process: int = 1,
    parsers: ParserPool | None = None,
    progress: Callable[[Article], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
    parses: Sequence[Parsed] | None = None,
    tags: Sequence[list[TimeMention]] | None = None,
) -> Corpus:
    """Annotate ``corpus`` (see :func:`storybrief.pipeline.annotate_corpus`); with ``parses`` (and
    ``tags``) from an engine that parsed elsewhere, only the steps that need the whole input run here."""
    from ..annotate.annotator import annotate_articles
    from ..annotate.published import apply_user_dates, infer_window
    from ..annotate.quotes import link_quotes

    if user_dates:
        corpus.unused_dates = apply_user_dates(corpus.articles, user_dates)
    annotate_articles(
        corpus.articles,
        n_process=n_process,
        parsers=parsers,
        progress=progress,
        meanwhile=meanwhile,
        parses=parses,
        tags=tags,
    )
    for article in corpus.articles:
        if article.published is None:
            article.published_window = infer_window(article.dates, article.captured, article.text, article.language)
    corpus.quote_groups = link_quotes(corpus.articles)
    return corpus
