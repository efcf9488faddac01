"""The same quote across outlets: linking quotes that are one utterance, and showing how wordings differ.

Two outlets rarely transcribe an interview identically ("North Korea trying to get attention" against
"the North Korea trying to get trying to get attention"), and one may quote only part of what the other
has. Quotes are linked when a large share of the shorter one's word trigrams appears in the longer one
and their speakers agree; a group is one statement (one speaker, words shared by every two members).
Candidates come from an inverted index on trigrams, so the cost grows with the number of quotes that
share wording, not with the square of all quotes.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from ...clean.garble import GARBLED_PAGE, garbled_passages
from ...model import Article, QuoteGroup, QuoteVariant, content_id
from ...unionfind import UnionFind

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


def same_speaker(a: str | None, b: str | None) -> bool:
    """Speakers that may be one person: either unknown, the same name, or one name within the other
    ("Marsh" and "Elena Marsh", "Health Ministry" and "Ministry of Health")."""
    if a is None or b is None or a == b:
        return True
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _name_words(name: str) -> set[str]:
    return {w.strip(".,’'") for w in name.lower().split()} - {"of", "the", "for", "and"}


def repeated_words(text: str) -> int:
    """Runs of words said twice in a row ("trying to get trying to get"): a disfluent transcription."""
    words = [w.lower() for w in text.split()]
    found = 0
    for k in range(1, 6):
        found += sum(1 for i in range(len(words) - 2 * k + 1) if words[i : i + k] == words[i + k : i + 2 * k])
    return found


def garbled(article: Article) -> bool:
    """A page whose wording may not be the reporter's: a rewrite (or likely one), or with garbled passages
    enough to make the whole page suspect (one stray symbol does not)."""
    return article.rewrite_of is not None or garbled_passages(article.flags) >= GARBLED_PAGE


def reference_key(
    quotes: Sequence[tuple[Article, int]], root: Callable[[Article], str]
) -> Callable[[str], tuple[int, int, int, int, str]]:
    """How good a wording is as the reference: carried by a page that is not rewritten or garbled, by more
    independent sources (copies of one article count once), without repeated words, then the longest."""
    carriers: dict[tuple[str, ...], list[Article]] = defaultdict(list)
    for a, q in quotes:
        carriers[tuple(_words(a.quotes[q].text))].append(a)

    def key(text: str) -> tuple[int, int, int, int, str]:
        by = carriers.get(tuple(_words(text)), [])
        clean = any(not garbled(a) for a in by)
        sources = len({root(a) for a in by if not garbled(a)})
        return (int(clean), sources, -repeated_words(text), len(_words(text)), text)

    return key


_MIN_COMMON = 0.25  # every two quotes of one group share this much of the shorter one's trigrams


def link_quotes(articles: Sequence[Article]) -> list[QuoteGroup]:
    """Groups of quotes from different articles that are the same utterance (two or more articles each).

    A group is one statement: pairs are linked strongest first, and two groups are joined only when their
    speakers can be one person and every two of their quotes share words, so a chain of partial overlaps
    (or an unattributed copy between two speakers) never puts two statements in one group.
    """
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

    def common(n: int, m: int) -> float:
        g1, g2 = items[n][2], items[m][2]
        return len(g1 & g2) / max(1, min(len(g1), len(g2)))

    edges: list[tuple[float, int, int]] = []
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
            if not same_speaker(q1.speaker, q2.speaker):
                continue
            share = count / max(1, min(len(grams), len(other)))
            if share >= MIN_SHARED or (
                count >= 2
                and q1.speaker is not None
                and same_speaker(q1.speaker, q2.speaker)
                and _aligned_share(q1.text, q2.text) >= MIN_ALIGNED
            ):
                edges.append((share, n, m))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    linked = UnionFind(len(items))
    members_of: dict[int, list[int]] = {n: [n] for n in range(len(items))}
    for _, n, m in edges:
        rn, rm = linked.find(n), linked.find(m)
        if rn == rm:
            continue
        one, two = members_of[rn], members_of[rm]
        speakers = {articles[items[k][0]].quotes[items[k][1]].speaker for k in one + two} - {None}
        if any(not same_speaker(x, y) for x in speakers for y in speakers):
            continue
        if any(common(x, y) < _MIN_COMMON for x in one for y in two):
            continue
        linked.union(n, m)
        root = linked.find(n)
        members_of[root] = one + two
    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        clusters[linked.find(n)].append(n)
    groups: list[QuoteGroup] = []
    for members in clusters.values():
        if len({items[n][0] for n in members}) < 2:
            continue
        quotes = [(articles[items[n][0]], items[n][1]) for n in members]
        reference = max((a.quotes[q].text for a, q in quotes), key=reference_key(quotes, lambda a: a.id))
        named = sorted({s for a, q in quotes if (s := a.quotes[q].speaker)}, key=lambda s: (-len(s), s))
        speaker = named[0] if named else None
        variants = tuple(
            QuoteVariant(a.id, q, a.quotes[q].text, word_diff(reference, a.quotes[q].text)) for a, q in quotes
        )
        # the speaker is part of the id: two people who say the same words are two statements, two groups
        groups.append(QuoteGroup("q" + content_id(f"{speaker or ''}\n{reference}")[:10], speaker, reference, variants))
    groups.sort(key=lambda g: (-len(g.variants), g.id))
    return groups
