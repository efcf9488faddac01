"""Story grouping on Ray: the local batch grouper's answer, computed by blocks.

The steps are those of :func:`storybrief.group.stories.group_stories`, each where it scales:

1. Features (:func:`~storybrief.group.features.extract`) per article, in Ray Data batches; document
   frequencies as partial counts per batch, summed here; then each article's weighed vectors and blocking
   keys, by tasks that fetch the counts once per worker.
2. Candidate keys: one row per (blocking key, article), shuffled by buckets of keys (a distributed group-by;
   a key held by more than ``max_postings`` articles proposes nothing, as locally), then by buckets of
   articles, where each article's candidates are ranked from what its keys met with the local ranking
   (:func:`~storybrief.group.candidates.best_candidates`).
3. Time windows: the candidate pairs are scored by Ray tasks per pair of time windows (``window_days``
   wide; undated articles form a window of their own), each task sent the features of its pairs' articles.
4. Final linkage per block: the articles split into blocks no story can reach beyond
   (:func:`~storybrief.group.stories.story_blocks`), each clustered by a Ray task with the local
   :func:`~storybrief.group.stories.link_block`.
5. The merge step, here: the blocks' clusters become stories (:func:`~storybrief.group.stories.stories_of`).

Every step gives what the local grouper gives, so the stories are the same (a test holds this on 2,000
articles of MMDS and Multi-News).
"""

from __future__ import annotations

import pickle
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import pyarrow as pa
import ray
import ray.data

from ..group.candidates import (
    MAX_CANDIDATES,
    MAX_POSTINGS,
    Weights,
    best_candidates,
    blocking_keys,
    event_similarity,
    similarity,
)
from ..group.features import ArticleFeatures, DocFreq, extract
from ..group.stories import (
    BATCH_STORY_THRESHOLD,
    Block,
    link_block,
    quote_groups_by_article,
    stories_of,
    story_blocks,
)
from ..model import Article, QuoteGroup, Story
from . import RayOptions
from .ray import _blobs, _Clock, _grouped, _hash, _table, _workers

FEATURE_BATCH = 256  # articles per batch of the feature stages
PAIRS_PER_TASK = 20_000  # scored pairs per similarity task
NO_DAY = -(2**62)  # an unknown bound of a publication span, in the int64 columns
UNDATED = -1  # the time block of articles with no known first day

_DirectedPairs = set[tuple[int, int]]


def _span(lo: int | None, hi: int | None) -> tuple[int | None, int | None]:
    return (None if lo == NO_DAY else lo, None if hi == NO_DAY else hi)


def _extract_batch(batch: pa.Table) -> pa.Table:
    """Unweighted features of a batch of pickled (article, its shared quotes' ids)."""
    rows = []
    for node, (article, groups) in zip(batch.column("seq").to_pylist(), _blobs(batch), strict=True):
        rows.append((node, 0, True, pickle.dumps(extract(article, node, {article.id: groups}))))
    return _table(rows)


def _counts_batch(batch: pa.Table) -> pa.Table:
    """The batch's share of the document frequencies: one row of three pickled :class:`DocFreq`."""
    dfs = (DocFreq(), DocFreq(), DocFreq())
    for f in _blobs(batch):
        dfs[0].add(f.term_counts)
        dfs[1].add(f.entity_counts)
        dfs[2].add(f.anchor_counts)
    return _table([(0, 0, True, pickle.dumps(dfs))])


def _total(parts: Sequence[tuple[DocFreq, DocFreq, DocFreq]]) -> tuple[DocFreq, DocFreq, DocFreq]:
    """The document frequencies of the whole input, from the batches' partial counts."""
    total = (DocFreq(), DocFreq(), DocFreq())
    for part in parts:
        for mine, theirs in zip(total, part, strict=True):
            mine.merge(theirs)
    return total


_HELD: dict[str, Any] = {}  # a worker's copy of the last object it was given by reference


def _held(ref: Any) -> Any:
    """The value of ``ref``, fetched once per worker process (Ray reuses a worker for many tasks)."""
    key = ref.hex()
    if key not in _HELD:
        _HELD.clear()
        _HELD[key] = ray.get(ref)
    return _HELD[key]


def _weigh(batch: pa.Table, dfs_ref: Any) -> pa.Table:
    """Weigh a batch of features with the document frequencies of the whole input; their blocking keys and
    publication spans as columns."""
    dfs: tuple[DocFreq, DocFreq, DocFreq] = _held(dfs_ref)
    nodes, feats = batch.column("seq").to_pylist(), _blobs(batch)
    keys, lows, highs = [], [], []
    for f in feats:
        f.weigh(*dfs)
        keys.append(blocking_keys(f))
        lows.append(NO_DAY if f.span[0] is None else f.span[0])
        highs.append(NO_DAY if f.span[1] is None else f.span[1])
    table = _table([(n, 0, True, pickle.dumps(f)) for n, f in zip(nodes, feats, strict=True)])
    table = table.append_column("keys", pa.array(keys, pa.list_(pa.string())))
    table = table.append_column("lo", pa.array(lows, pa.int64()))
    return table.append_column("hi", pa.array(highs, pa.int64()))


def _key_rows(batch: pa.Table, buckets: int) -> pa.Table:
    """One row per blocking key of each article, with the key's place in the article's list and the bucket
    of keys it is shuffled to."""
    out: dict[str, list[Any]] = {"bucket": [], "key": [], "node": [], "pos": []}
    for node, keys in zip(batch.column("seq").to_pylist(), batch.column("keys").to_pylist(), strict=True):
        for pos, key in enumerate(keys):
            out["bucket"].append(_hash(key) % buckets)
            out["key"].append(key)
            out["node"].append(node)
            out["pos"].append(pos)
    columns = {k: pa.array(v, pa.string() if k == "key" else pa.int64()) for k, v in out.items()}
    return pa.table(columns)


def _postings(group: pa.Table, max_postings: int, buckets: int) -> pa.Table:
    """The postings of one bucket of keys: for each article holding a key, the articles it meets there (in
    posting order), with the bucket of articles the row is shuffled to next. A key held more than
    ``max_postings`` times proposes nothing, as in the local index."""
    by_key: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for key, node, pos in zip(*(group.column(c).to_pylist() for c in ("key", "node", "pos")), strict=True):
        by_key[key].append((node, pos))
    out: dict[str, list[Any]] = {"bucket": [], "node": [], "pos": [], "met": []}
    for rows in by_key.values():
        if len(rows) > max_postings:
            continue
        rows.sort()
        posting = [node for node, _ in rows]
        for node, pos in rows:
            out["bucket"].append(node % buckets)
            out["node"].append(node)
            out["pos"].append(pos)
            out["met"].append(posting)
    columns = {k: pa.array(v, pa.list_(pa.int64()) if k == "met" else pa.int64()) for k, v in out.items()}
    return pa.table(columns)


def _choose(group: pa.Table, spans_ref: Any, window_days: int, max_candidates: int) -> pa.Table:
    """The candidates of one bucket of articles, each ranked from what its keys met as the local index
    ranks them."""
    spans = _held(spans_ref)
    parts: dict[int, list[tuple[int, list[int]]]] = defaultdict(list)
    for node, pos, met in zip(*(group.column(c).to_pylist() for c in ("node", "pos", "met")), strict=True):
        parts[node].append((pos, met))
    a: list[int] = []
    b: list[int] = []
    for node, found in parts.items():
        found.sort()
        chosen = best_candidates(
            node,
            _span(*spans[node].tolist()),
            (other for _, posting in found for other in posting),
            lambda o: _span(*spans[o].tolist()),
            window_days,
            max_candidates,
        )
        a.extend([node] * len(chosen))
        b.extend(chosen)
    return pa.table({"a": pa.array(a, pa.int64()), "b": pa.array(b, pa.int64())})


@ray.remote
def _similarities(
    pairs: list[tuple[int, int]], pickled: dict[int, bytes], weights: Weights
) -> list[tuple[float, float | None]]:
    """Scores and event similarities of ``pairs``, each (the article that proposed it, its candidate), given
    the pickled features of the articles in them (and no others)."""
    f = {node: pickle.loads(blob) for node, blob in pickled.items()}
    # the event similarity from the lower number's side, as the local grouper computes it
    return [(similarity(f[a], f[b], weights), event_similarity(f[min(a, b)], f[max(a, b)])) for a, b in pairs]


@ray.remote
def _link(blocks: list[Block], threshold: float) -> list[list[int]]:
    return [cluster for block in blocks for cluster in link_block(block, threshold)]


def _time_block(f: ArticleFeatures, window_days: int) -> int:
    return UNDATED if f.span[0] is None else f.span[0] // window_days


def group_stories(
    articles: Sequence[Article],
    quote_groups: Sequence[QuoteGroup],
    threshold: float = BATCH_STORY_THRESHOLD,
    *,
    options: RayOptions,
    weights: Weights | None = None,
    timings: dict[str, float] | None = None,
) -> tuple[list[Story], list[ArticleFeatures]]:
    """Batch stories of ``articles`` on Ray, inside a :func:`~storybrief.engine.ray.session`: the stories
    :func:`~storybrief.group.stories.group_stories` gives, and the weighed features of every article (in
    article order; the topics are grouped from them). ``timings`` gets the wall seconds of each step."""
    weights = weights or Weights()
    clock = _Clock(timings if timings is not None else {})
    workers = _workers(options)
    by_article = quote_groups_by_article(quote_groups)
    rows = [(n, 0, True, pickle.dumps((a, by_article.get(a.id, frozenset())))) for n, a in enumerate(articles)]
    if not rows:
        return [], []
    blocks = [_table(rows[start : start + FEATURE_BATCH]) for start in range(0, len(rows), FEATURE_BATCH)]
    extracted = (
        ray.data.from_arrow(blocks)  # one block per batch: one arrow table would be one task
        .map_batches(_extract_batch, batch_size=FEATURE_BATCH, batch_format="pyarrow")
        .materialize()
    )
    parts = extracted.map_batches(_counts_batch, batch_size=FEATURE_BATCH, batch_format="pyarrow").take_all()
    dfs = _total([pickle.loads(r["blob"]) for r in parts])
    clock.lap("features and counts")
    weighed = extracted.map_batches(
        _weigh, batch_size=FEATURE_BATCH, batch_format="pyarrow", fn_kwargs={"dfs_ref": ray.put(dfs)}
    ).materialize()
    features: list[ArticleFeatures | None] = [None] * len(rows)
    pickled: list[bytes] = [b""] * len(rows)
    lows, highs = [NO_DAY] * len(rows), [NO_DAY] * len(rows)
    columns = ["seq", "blob", "lo", "hi"]
    for batch in weighed.select_columns(columns).iter_batches(batch_format="pyarrow", batch_size=None):
        for node, blob, lo, hi in zip(*(batch.column(c).to_pylist() for c in columns), strict=True):
            features[node], pickled[node], lows[node], highs[node] = pickle.loads(blob), blob, lo, hi
    feats = [f for f in features if f is not None]
    clock.lap("weights")
    # shuffled by buckets of keys, then of articles: a group-by per key or per article would be one call each
    buckets = max(2 * workers, len(rows) // 500)
    keyed = weighed.select_columns(["seq", "keys"]).map_batches(
        _key_rows, batch_format="pyarrow", fn_kwargs={"buckets": buckets}
    )
    postings = _grouped(keyed, ["bucket"], workers).map_groups(
        _postings, batch_format="pyarrow", fn_kwargs={"max_postings": MAX_POSTINGS, "buckets": buckets}
    )
    if timings is not None:  # what the two group-bys shuffle (for the benchmark's estimates)
        keyed, postings = keyed.materialize(), postings.materialize()
        clock.add("bytes shuffled by key", keyed.size_bytes())
        clock.add("bytes shuffled by article", postings.size_bytes())
    spans_ref = ray.put(np.array([lows, highs], dtype=np.int64).T.copy())
    chosen = _grouped(postings, ["bucket"], workers).map_groups(
        _choose,
        batch_format="pyarrow",
        fn_kwargs={"spans_ref": spans_ref, "window_days": weights.window_days, "max_candidates": MAX_CANDIDATES},
    )
    directed: _DirectedPairs = set()
    for batch in chosen.iter_batches(batch_format="pyarrow", batch_size=None):
        directed.update(zip(batch.column("a").to_pylist(), batch.column("b").to_pylist(), strict=True))
    clock.lap("candidates")
    pairs, events = _scored(directed, feats, pickled, weights)
    clock.lap("pairs scored")
    parts_of = story_blocks(len(feats), pairs, threshold, events)
    clusters = [block.nodes for block in parts_of if len(block.nodes) == 1]
    linked = _chunks([block for block in parts_of if len(block.nodes) > 1], 4 * workers)
    for found in ray.get([_link.remote(chunk, threshold) for chunk in linked]):
        clusters.extend(found)
    clock.lap("linkage per block")
    stories = stories_of(articles, feats, clusters, weights)
    clock.lap("merge")
    return stories, feats


def _scored(
    directed: _DirectedPairs, feats: list[ArticleFeatures], pickled: list[bytes], weights: Weights
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], float]]:
    """Each candidate pair scored once, as the local grouper scores it (from the side of the article with
    the lower number when it proposed the pair), with their event similarities, by tasks per pair of time
    windows, each sent the features of its own pairs' articles only."""
    window = [_time_block(f, weights.window_days) for f in feats]
    by_blocks: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for a, b in sorted(directed):
        if a > b and (b, a) in directed:
            continue  # scored from b's side
        by_blocks[(window[a], window[b])].append((a, b))
    jobs = []
    for _, todo in sorted(by_blocks.items()):
        for start in range(0, len(todo), PAIRS_PER_TASK):
            part = todo[start : start + PAIRS_PER_TASK]
            needed = {node: pickled[node] for pair in part for node in pair}
            jobs.append((part, _similarities.remote(part, needed, weights)))
    pairs: dict[tuple[int, int], float] = {}
    events: dict[tuple[int, int], float] = {}
    for part, ref in jobs:
        for (a, b), (value, event) in zip(part, ray.get(cast(Any, ref)), strict=True):
            key = (a, b) if a < b else (b, a)
            pairs[key] = value
            if event is not None:
                events[key] = event
    return pairs, events


def _chunks(blocks: list[Block], n: int) -> list[list[Block]]:
    """``blocks`` dealt into about ``n`` chunks of similar work (pairs), largest first."""
    chunks: list[list[Block]] = [[] for _ in range(max(1, n))]
    load = [0] * len(chunks)
    for block in sorted(blocks, key=lambda b: (-len(b.pairs), b.nodes[0])):
        k = load.index(min(load))
        chunks[k].append(block)
        load[k] += len(block.pairs) + 1
    return [c for c in chunks if c]


__all__ = ["group_stories"]
