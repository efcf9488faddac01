"""Key quotes of a story: each utterance once, with its speaker, the articles carrying it and its wordings."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, KeyQuote, QuoteGroup, QuoteVariant

MAX_QUOTES = 6
MIN_WORDS = 8


def key_quotes(
    articles: Sequence[Article], quote_groups: Sequence[QuoteGroup], limit: int = MAX_QUOTES
) -> list[KeyQuote]:
    """Rank by the number of independent articles carrying the quote, then by attribution and length."""
    ids = {a.id for a in articles}
    grouped: set[tuple[str, int]] = set()
    found: list[KeyQuote] = []
    for group in quote_groups:
        variants = tuple(v for v in group.variants if v.article in ids)
        if not variants:
            continue
        grouped.update((v.article, v.quote) for v in variants)
        carriers = tuple(dict.fromkeys(v.article for v in variants))
        found.append(KeyQuote(group.text, group.speaker, carriers, variants if len(variants) > 1 else ()))
    for article in articles:
        for n, quote in enumerate(article.quotes):
            if (article.id, n) in grouped or quote.kind != "full" or len(quote.text.split()) < MIN_WORDS:
                continue
            found.append(KeyQuote(quote.text, quote.speaker, (article.id,), (QuoteVariant(article.id, n, quote.text),)))
    copies = {a.id for a in articles if a.duplicate_of is not None}

    def rank(q: KeyQuote) -> tuple[int, int, int]:
        independent = len([a for a in q.articles if a not in copies]) or 1
        return (-independent, 0 if q.speaker else 1, -min(len(q.text.split()), 40))

    found = [q for q in found if len(q.text.split()) >= MIN_WORDS]
    found.sort(key=rank)
    return found[:limit]
