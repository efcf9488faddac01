"""The library calls the CLI (and later the web app and the distributed runner) are thin shells over."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from .clean import clean_documents
from .errors import Msg
from .ingest import DEFAULT_MAX_BYTES, read_inputs
from .model import Article, InputError, QuoteGroup, RawDocument


@dataclass(slots=True)
class Corpus:
    """Clean articles plus every input that could not become one: each input is accounted for."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    quote_groups: list[QuoteGroup] = field(default_factory=list)  # filled by annotate()
    unused_dates: list[str] = field(default_factory=list)  # user-given dates that matched no input


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


def annotate_corpus(
    corpus: Corpus,
    *,
    user_dates: Mapping[str, datetime] | None = None,
    n_process: int = 1,
    progress: Callable[[Article], None] | None = None,
) -> Corpus:
    """Sentences, entities, dates and quotes for every article; quotes shared across articles linked.

    ``user_dates`` maps inputs (paths, ``path:line``, file names) to publication dates given by the
    user; they win over dates found in the text. Undated articles get an inferred publication window.
    """
    from .annotate.annotator import annotate_articles
    from .annotate.published import apply_user_dates, infer_window
    from .annotate.quote_links import link_quotes

    if user_dates:
        corpus.unused_dates = apply_user_dates(corpus.articles, user_dates)
    annotate_articles(corpus.articles, n_process=n_process, progress=progress)
    for article in corpus.articles:
        if article.published is None:
            article.published_window = infer_window(article.dates, article.captured, article.text)
    corpus.quote_groups = link_quotes(corpus.articles)
    return corpus
