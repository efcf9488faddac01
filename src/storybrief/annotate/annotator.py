"""Annotating clean articles: sentences, entities, dates and quotes, in one pass over the input.

spaCy runs once per article (tokens, sentences, entities) through ``nlp.pipe``; everything else is
rules over its output, so the cost per article stays low. Canonical names need the whole input (a
surname in one article may only be spelled out in another), so entities are resolved after all
articles have been read.
"""

from __future__ import annotations

import multiprocessing as mp
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

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
    return _move_opening_quotes(text, out)


_OPENING_QUOTE_RE = re.compile(r"\s+[\"“‘']$")


def _move_opening_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """spaCy leaves the opening mark of a quote that starts the next sentence at the end of this one
    ('… on Monday. "' + 'We will win," she said.'); give it back to the sentence it opens."""
    out = list(sentences)
    for i in range(len(out) - 1):
        s, nxt = out[i], out[i + 1]
        m = _OPENING_QUOTE_RE.search(text, s.start, s.end)
        if m and text[s.end - 1] in "\"“‘'" and m.end() == s.end and text[s.end : nxt.start].strip() == "":
            out[i] = Sentence(s.start, m.start())
            out[i + 1] = Sentence(s.end - 1, nxt.end)
    return out


Parsed = tuple[list[tuple[int, int]], list[tuple[str, int, int, str]]]  # sentence spans, (text, start, end, label)


def _parse_texts(texts: Sequence[str], batch_size: int = 32) -> list[Parsed]:
    """spaCy over texts, keeping only what annotation uses: cheap to send back from a worker process."""
    nlp = load_nlp()
    out: list[Parsed] = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        out.append((sents, [(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]))
    return out


def _parse(articles: Sequence[Article], batch_size: int, n_process: int) -> Iterator[Parsed]:
    """Parse in this process, or in ``n_process`` forked workers that share the loaded model.

    Workers return plain tuples rather than spaCy ``Doc`` objects, so little is copied between processes.
    """
    texts = [a.text for a in articles]
    if n_process <= 1 or len(texts) < 2 * batch_size or "fork" not in mp.get_all_start_methods():
        yield from _parse_texts(texts, batch_size)
        return
    load_nlp()  # loaded once here; forked workers inherit it
    chunks = [texts[i : i + batch_size] for i in range(0, len(texts), batch_size)]
    with ProcessPoolExecutor(max_workers=n_process, mp_context=mp.get_context("fork")) as pool:
        for parsed in pool.map(_parse_texts, chunks):
            yield from parsed


def annotate_articles(
    articles: Sequence[Article],
    *,
    dates: bool = True,
    batch_size: int = 32,
    n_process: int = 1,
    progress: Callable[[Article], None] | None = None,
) -> list[Article]:
    """Fill ``sentences``, ``entities``, ``dates`` and ``quotes`` of every article (in place; returned too)."""
    mentions: list[list[Mention]] = []
    for article, (sents, ents) in zip(articles, _parse(articles, batch_size, n_process), strict=True):
        article.sentences = _sentences(article, sents)
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
