"""The same quote across outlets: linking quotes that are one utterance, and showing how wordings differ.

Two outlets rarely transcribe an interview identically ("North Korea trying to get attention" against
"the North Korea trying to get trying to get attention"), and one may quote only part of what the other
has. Quotes are linked when a large share of the shorter one's word trigrams appears in the longer one
and their speakers agree. Candidates come from an inverted index on trigrams, so the cost grows with
the number of quotes that share wording, not with the square of all quotes.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence

from ..model import Article, QuoteGroup, QuoteVariant, content_id
from ..unionfind import UnionFind

MIN_WORDS = 5
MIN_SHARED = 0.5  # share of the shorter quote's trigrams found in the other
MIN_ALIGNED = 0.6  # or: share of the shorter quote's words that align in order, for the same speaker
MAX_POSTINGS = 200  # a trigram in more quotes than this is too common to propose candidates
_WORD_RE = re.compile(r"[\w’']+")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]


def _trigrams(words: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _aligned_share(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(1, min(len(wa), len(wb)))


def word_diff(reference: str, variant: str) -> tuple[tuple[str, str], ...]:
    """Word-by-word differences of ``variant`` against ``reference``, as runs of ``=``, ``-`` and ``+``."""
    a, b = reference.split(), variant.split()
    ops: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=[w.lower().strip(".,;:!?“”\"'‘’") for w in a],
                                      b=[w.lower().strip(".,;:!?“”\"'‘’") for w in b], autojunk=False)  # fmt: skip
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            ops.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("+", " ".join(b[j1:j2])))
    return tuple(ops)


def _clean_source(quotes: Sequence[tuple[Article, int]], text: str) -> bool:
    return any(a.quotes[q].text == text and not any(f.kind == "garbled" for f in a.flags) for a, q in quotes)


def link_quotes(articles: Sequence[Article]) -> list[QuoteGroup]:
    """Groups of quotes from different articles that are the same utterance (two or more articles each)."""
    items: list[tuple[int, int, set[tuple[str, ...]]]] = []  # (article index, quote index, trigrams)
    for ai, article in enumerate(articles):
        for qi, quote in enumerate(article.quotes):
            words = _words(quote.text)
            if len(words) >= MIN_WORDS:
                items.append((ai, qi, _trigrams(words)))
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, (_, _, grams) in enumerate(items):
        for g in grams:
            postings[g].append(n)
    linked = UnionFind(len(items))

    for n, (ai, qi, grams) in enumerate(items):
        shared: dict[int, int] = defaultdict(int)
        for g in grams:
            posting = postings[g]
            if len(posting) <= MAX_POSTINGS:
                for m in posting:
                    if m > n:
                        shared[m] += 1
        for m, count in shared.items():
            aj, qj, other = items[m]
            if aj == ai:
                continue
            q1, q2 = articles[ai].quotes[qi], articles[aj].quotes[qj]
            if q1.speaker and q2.speaker and q1.speaker != q2.speaker:
                continue
            if count / max(1, min(len(grams), len(other))) >= MIN_SHARED or (
                count >= 2
                and q1.speaker is not None
                and q1.speaker == q2.speaker
                and _aligned_share(q1.text, q2.text) >= MIN_ALIGNED
            ):
                linked.union(m, n)
    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        clusters[linked.find(n)].append(n)
    groups: list[QuoteGroup] = []
    for members in clusters.values():
        if len({items[n][0] for n in members}) < 2:
            continue
        quotes = [(articles[items[n][0]], items[n][1]) for n in members]
        # the reference wording: the longest from an article not flagged as garbled rewriting
        reference = max((a.quotes[q].text for a, q in quotes), key=lambda t: (_clean_source(quotes, t), len(t)))
        speaker = next((a.quotes[q].speaker for a, q in quotes if a.quotes[q].speaker), None)
        variants = tuple(
            QuoteVariant(a.id, q, a.quotes[q].text, word_diff(reference, a.quotes[q].text)) for a, q in quotes
        )
        groups.append(QuoteGroup("q" + content_id(reference)[:10], speaker, reference, variants))
    groups.sort(key=lambda g: (-len(g.variants), g.id))
    return groups
