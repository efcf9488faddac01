"""Exact and near-duplicate articles: MinHash LSH over word shingles, verified by exact Jaccard.

LSH proposes pairs whose estimated Jaccard similarity is likely above ``threshold`` without comparing all
pairs; each proposal is then checked on the real shingle sets, so the estimate never decides alone.
Duplicates are grouped transitively; the canonical article of a group is the earliest published, then the
longest. Others get ``duplicate_of`` with their similarity to it. Nothing is dropped.

``SHINGLE`` and ``THRESHOLD`` were chosen on the near-duplicate benchmark (``benchmarks/group_dedup.py``),
where wire copies with a new headline, a trimmed tail, inserted boilerplate and light copy-editing must be
found and different articles on the same event must not: 4-word shingles at 0.4 give precision 1.000 and
recall 0.997, and the closest pair of different articles (two reports quoting one interview) is at 0.35.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import Article, DuplicateOf
from ..unionfind import UnionFind

SHINGLE = 4  # words per shingle
THRESHOLD = 0.4  # Jaccard similarity of shingle sets from which two articles are duplicates
NUM_PERM = 128
EXACT_BELOW = 64  # fewer articles than this are compared pair by pair: exact, and cheaper than hashing
_WORD_RE = re.compile(r"\w+")
Candidates = Sequence[tuple[int, int]]  # pairs of indices into a list of articles, to verify


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD_RE.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _lsh_threshold(threshold: float) -> float:
    # LSH recall is poor right at its threshold, so it proposes from a little below and Jaccard decides.
    return max(0.1, threshold - 0.1)


def _lsh_candidates(sets: Sequence[set[str]], threshold: float, num_perm: int) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), j < i, whose MinHash signatures collide in the LSH index."""
    from datasketch import MinHashLSH  # type: ignore[import-untyped]  # slow to import: only at scale

    lsh = MinHashLSH(threshold=_lsh_threshold(threshold), num_perm=num_perm)
    for i, items in enumerate(sets):
        if not items:
            continue
        mh = _minhash(items, num_perm)
        for key in lsh.query(mh):
            yield i, int(key)
        lsh.insert(str(i), mh)


def _minhash(items: set[str], num_perm: int) -> Any:
    """The MinHash signature of a shingle set (datasketch's seed: the same in every process)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=num_perm)
    mh.update_batch([s.encode("utf-8") for s in items])
    return mh


@cache
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) of the LSH index :func:`_lsh_candidates` builds."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=_lsh_threshold(threshold), num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def band_keys(
    text: str, *, shingle: int = SHINGLE, threshold: float = THRESHOLD, num_perm: int = NUM_PERM
) -> list[int]:
    """The LSH band keys of ``text``'s MinHash signature: two texts share a key exactly when the LSH index of
    :func:`find_duplicates` would propose them as a pair. For engines that find the candidates elsewhere
    (the Ray engine groups articles by band key) and give them to :func:`find_duplicates`."""
    items = shingles(text, shingle)
    if not items:
        return []
    mh = _minhash(items, num_perm)
    bands, rows = _bands(threshold, num_perm)
    keys = []
    for band in range(bands):
        part = mh.hashvalues[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(part, digest_size=8, person=band.to_bytes(8, "big")).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


@dataclass(slots=True)
class DuplicateGroup:
    canonical: str
    members: list[str]  # canonical first


def _canonical_key(article: Article) -> tuple[float, int, str]:
    when = article.published.timestamp() if article.published is not None else float("inf")
    return (when, -len(article.text), article.id)


def find_duplicates(
    articles: Sequence[Article],
    *,
    shingle: int = SHINGLE,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
    candidates: Candidates | None = None,
) -> list[DuplicateGroup]:
    """Group exact and near-duplicate articles; sets ``duplicate_of`` on all but each group's canonical.

    ``candidates``: the pairs (indices into ``articles``) that share a :func:`band_keys` key, when found
    elsewhere; they replace the LSH index built here (the result is the same)."""
    for article in articles:
        article.duplicate_of = None  # a rerun on a grown corpus starts afresh
    sets = [shingles(a.text, shingle) for a in articles]
    sets_of = UnionFind(len(articles))
    if len(articles) < EXACT_BELOW:
        pairs: Iterable[tuple[int, int]] = ((i, j) for i in range(len(sets)) for j in range(i) if sets[i] and sets[j])
    elif candidates is not None:
        pairs = candidates
    else:
        pairs = _lsh_candidates(sets, threshold, num_perm)
    for i, j in pairs:
        if sets_of.find(i) != sets_of.find(j) and jaccard(sets[i], sets[j]) >= threshold:
            sets_of.union(i, j)
    groups = sets_of.groups()
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: _canonical_key(articles[i]))
        head = members[0]
        for i in members[1:]:
            articles[i].duplicate_of = DuplicateOf(articles[head].id, jaccard(sets[i], sets[head]))
        out.append(DuplicateGroup(articles[head].id, [articles[i].id for i in members]))
    out.sort(key=lambda g: g.canonical)
    return out
