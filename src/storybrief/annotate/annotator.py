"""Annotating clean articles: sentences, entities, dates and quotes, in one pass over the input.

spaCy runs once per article (tokens, sentences, entities) through ``nlp.pipe``; everything else is
rules over its output, so the cost per article stays low. Canonical names need the whole input (a
surname in one article may only be spelled out in another), so entities are resolved after all
articles have been read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Article, Block, Sentence
from .entities import EntityIndex, Mention, article_mentions, people_lookup, resolve_article
from .nlp import load_nlp
from .quotes import find_quotes


def _sentences(article: Article, doc_sents: Sequence[tuple[int, int]]) -> list[Sentence]:
    """spaCy's sentence boundaries, trimmed of white space and never crossing a paragraph."""
    out: list[Sentence] = []
    text = article.text
    blocks = article.blocks or [Block("paragraph", 0, len(text))]
    for start, end in doc_sents:
        for b in blocks:
            lo, hi = max(start, b.start), min(end, b.end)
            if lo >= hi:
                continue
            piece = text[lo:hi]
            stripped = piece.strip()
            if stripped:
                lo += len(piece) - len(piece.lstrip())
                out.append(Sentence(lo, lo + len(stripped)))
    return out


def annotate_articles(
    articles: Sequence[Article],
    *,
    dates: bool = True,
    batch_size: int = 32,
    n_process: int = 1,
    progress: Callable[[Article], None] | None = None,
) -> list[Article]:
    """Fill ``sentences``, ``entities``, ``dates`` and ``quotes`` of every article (in place; returned too)."""
    nlp = load_nlp()
    mentions: list[list[Mention]] = []
    for article, doc in zip(
        articles, nlp.pipe((a.text for a in articles), batch_size=batch_size, n_process=n_process), strict=True
    ):
        article.sentences = _sentences(article, [(s.start_char, s.end_char) for s in doc.sents])
        ents = [(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]
        mentions.append(article_mentions(article.text, ents))
        if progress is not None:
            progress(article)
    index = EntityIndex(mentions)
    for article, found in zip(articles, mentions, strict=True):
        article.entities = resolve_article(article.text, found, index)
        people = people_lookup(article.entities, index)
        article.quotes = find_quotes(article.text, article.blocks, article.sentences, article.entities, people)
        if dates:
            from .dates import tag_dates

            anchor = article.published.date() if article.published else None
            article.dates = tag_dates(article.text, anchor)
    return list(articles)
