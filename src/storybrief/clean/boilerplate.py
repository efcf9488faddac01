"""Corpus-level evidence: a line that recurs across many different articles is boilerplate.

Copies of one story (syndicated wire copy) also share lines, and those lines are content. The two are
told apart by what else the documents share: a document most of whose lines recur elsewhere is a copy,
and its recurring lines are not evidence of boilerplate.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..model import RawDocument
from .article import normalize_line_key

MIN_DOCUMENTS = 3
MIN_OUTLET_DOCUMENTS = 2  # within one outlet, two articles sharing a short line is enough
OUTLET_LINE_MAX_WORDS = 15
MAX_COPY_SHARE = 0.5
MAX_LINE_CHARS = 400


def line_keys(text: str) -> set[str]:
    """The normalised keys of a document's lines that may count as evidence (not empty, not too long)."""
    keys = {normalize_line_key(line) for line in text.split("\n") if 0 < len(line.strip()) <= MAX_LINE_CHARS}
    keys.discard("")
    return keys


def recurring_lines(texts: Iterable[str], min_documents: int = MIN_DOCUMENTS) -> frozenset[str]:
    """Normalised keys of lines that recur in at least ``min_documents`` documents that are not copies."""
    docs = [line_keys(text) for text in texts]
    if len(docs) < min_documents:
        return frozenset()
    df = Counter(key for keys in docs for key in keys)
    candidates = {key for key, n in df.items() if n >= min_documents}
    if not candidates:
        return frozenset()
    evidence: Counter[str] = Counter()
    for keys in docs:
        shared = keys & candidates
        if shared and len(shared) / len(keys) <= MAX_COPY_SHARE:
            evidence.update(shared)
    return frozenset(key for key, n in evidence.items() if n >= min_documents)


def corpus_boilerplate(docs: Sequence[RawDocument]) -> frozenset[str]:
    """Recurring lines of the whole input, plus short lines recurring within one outlet's articles."""
    found = set(recurring_lines(d.text for d in docs))
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        if doc.meta.outlet:
            by_outlet[doc.meta.outlet.casefold()].append(doc.text)
    for texts in by_outlet.values():
        if len(texts) >= MIN_OUTLET_DOCUMENTS:
            keys = recurring_lines(texts, min_documents=MIN_OUTLET_DOCUMENTS)
            found.update(k for k in keys if len(k.split()) <= OUTLET_LINE_MAX_WORDS)
    return frozenset(found)
