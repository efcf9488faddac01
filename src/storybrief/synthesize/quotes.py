"""Key quotes of a story: each utterance once, with its speaker, the articles carrying it and its wordings.

What a brief prints of a quote is always the article's own words: the pieces of a quote split around its
attribution stay pieces (joined by " … "), and the comma of the sentence a quote was cut from becomes its
full stop. Of several wordings across outlets the reference is the one carried by more independent
sources, from pages that are not rewritten or garbled, without repeated words; the others are kept with
their word differences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..annotate.quotes import garbled, reference_key, word_diff
from ..lang import word_count
from ..model import Article, KeyQuote, Quote, QuoteGroup, QuotePart, QuoteVariant, Wording
from .sentences import brief_language

MAX_QUOTES = 6
MIN_WORDS = 8
_CUT = ",;:"  # what a piece ends with when the reporter's sentence, not the speaker's, went on
_GAP_RE = re.compile(r"[\s“”\"«»„‘’']*")
_WORD_RE = re.compile(r"[\w’']+")


def copy_source(article: Article) -> str:
    """What an article is a copy of (duplicate, syndicated wire story, rewrite), else itself."""
    if article.duplicate_of is not None:
        return article.duplicate_of.article
    if article.syndication is not None:
        return "syndication:" + article.syndication
    if article.rewrite_of is not None and article.rewrite_of.article:
        return article.rewrite_of.article
    return article.id


def quote_parts(article: Article, quote: Quote) -> tuple[QuotePart, ...]:
    """The pieces of ``quote`` as verbatim slices of the article, without surrounding space or a cut comma."""
    parts = []
    for a, b in quote.parts or ((quote.start, quote.end),):
        piece = article.text[a:b]
        a += len(piece) - len(piece.lstrip())
        piece = piece.strip()
        trimmed = piece.rstrip(_CUT).rstrip()
        if trimmed:
            parts.append(QuotePart(trimmed, a, a + len(trimmed)))
    return tuple(parts)


def shown_text(article: Article, quote: Quote, parts: Sequence[QuotePart]) -> str:
    """The pieces as printed: a space between paragraphs of one quote, " … " where words were cut out, and
    a full stop where the quote ended on the comma of the reporter's sentence."""
    out = ""
    for n, p in enumerate(parts):
        if out:
            gap = article.text[parts[n - 1].end : p.start]
            out += " " if _GAP_RE.fullmatch(gap.lstrip(_CUT)) else " … "
        out += p.text
    last = quote.parts[-1] if quote.parts else (quote.start, quote.end)
    if article.text[last[0] : last[1]].rstrip()[-1:] in _CUT and out and out[-1] not in ".!?…":
        out += "."
    return out


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD_RE.findall(text))


def _key_quote(speaker: str | None, variants: Sequence[QuoteVariant], by_id: dict[str, Article]) -> KeyQuote:
    quotes = [(by_id[v.article], v.quote) for v in variants]
    best = reference_key(quotes, copy_source)
    order = {v.article: n for n, v in enumerate(variants)}
    # the wording's own article: an independent, clean page first, then the order of the story
    ranked = sorted(
        variants,
        key=lambda v: (garbled(by_id[v.article]), by_id[v.article].duplicate_of is not None, order[v.article]),
    )
    wordings: dict[tuple[str, ...], list[QuoteVariant]] = {}
    for v in ranked:
        wordings.setdefault(_words(by_id[v.article].quotes[v.quote].text), []).append(v)
    keys = sorted(wordings, key=lambda k: best(by_id[wordings[k][0].article].quotes[wordings[k][0].quote].text))
    keys.reverse()
    reference_text = ""
    built: list[Wording] = []
    for k in keys:
        first = wordings[k][0]
        article = by_id[first.article]
        quote = article.quotes[first.quote]
        parts = quote_parts(article, quote)
        text = shown_text(article, quote, parts)
        diff = word_diff(reference_text, text) if built else ()
        reference_text = reference_text or text
        carriers = tuple(dict.fromkeys(v.article for v in wordings[k]))
        rewritten = all(garbled(by_id[a]) for a in carriers)
        built.append(Wording(text, first.article, parts, carriers, diff, rewritten))
    carriers = tuple(dict.fromkeys(a for w in built for a in w.articles))  # the reference's first
    kept = tuple(QuoteVariant(v.article, v.quote, v.text, word_diff(reference_text, v.text)) for v in variants)
    return KeyQuote(
        built[0].text,
        speaker,
        carriers,
        kept if len(kept) > 1 else (),
        tuple(built),
        all(garbled(by_id[a]) for a in carriers),
    )


def key_quotes(
    articles: Sequence[Article], quote_groups: Sequence[QuoteGroup], limit: int = MAX_QUOTES
) -> list[KeyQuote]:
    """Rank by the number of independent sources carrying the quote, then by attribution and length.

    Only quotes in the brief's language are key quotes (:func:`.sentences.brief_language`): in a mixed
    story, the articles in other languages are coverage, listed with the sources."""
    language = brief_language(articles)
    by_id = {a.id: a for a in articles if language is None or a.language in (language, None)}
    grouped: set[tuple[str, int]] = set()
    found: list[KeyQuote] = []
    for group in quote_groups:
        variants = tuple(v for v in group.variants if v.article in by_id)
        if not variants:
            continue
        grouped.update((v.article, v.quote) for v in variants)
        found.append(_key_quote(group.speaker, variants, by_id))
    for article in articles:
        if article.id not in by_id:
            continue
        for n, quote in enumerate(article.quotes):
            if (article.id, n) in grouped or quote.kind != "full" or word_count(quote.text) < MIN_WORDS:
                continue
            found.append(_key_quote(quote.speaker, (QuoteVariant(article.id, n, quote.text),), by_id))

    def rank(q: KeyQuote) -> tuple[int, int, int, int]:
        sources = len({copy_source(by_id[a]) for a in q.articles if not garbled(by_id[a])})
        return (int(q.rewritten_only), -sources, 0 if q.speaker else 1, -min(word_count(q.text), 40))

    found = [q for q in found if word_count(q.text) >= MIN_WORDS]
    found.sort(key=rank)
    return found[:limit]
