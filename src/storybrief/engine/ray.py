"""The Ray engine: reading, cleaning and annotation as Ray Data ``map_batches`` stages.

The stages are the local engine's own functions; only where they run changes:

1. Reading: the input files (listed here, as the local engine lists them) are read by Ray tasks, each
   file by :func:`~storybrief.ingest.read_one`. A bad input becomes the same one-line error it would
   locally. Standard input is read here.
2. Corpus-wide cleaning evidence (lines that recur across the input, :mod:`storybrief.clean.boilerplate`)
   is two distributed counts: how many documents hold each line (by a 64-bit hash of its key; per outlet
   too), then, among the documents that are not mostly copies, how many hold each candidate line. The
   lines past both bars are the same set the local engine finds, given to every cleaner.
3. Cleaning, spaCy and date tagging run in an actor pool: each actor loads spaCy once (the model is never
   sent through the object store) and returns clean articles with their parses and dates.
4. Here, in this process: ids made distinct across the input, then the steps that need every article
   (canonical names, quotes, linked quotes). Grouping and briefs run after the engine: batch stories by
   blocks on Ray (:mod:`.ray_group`), briefs per story on Ray tasks (:func:`brief_stories`).

Records cross process boundaries pickled. The output is the local engine's, article for article.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import os
import pickle
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, cast

import pyarrow as pa
import pyarrow.compute as pc
import ray
import ray.data

from ..annotate.annotator import ANNOTATE_CHARS, annotation_end, tag_dates_of
from ..annotate.nlp import Parsed, load_nlp, parse_texts
from ..annotate.published import apply_user_dates
from ..clean.article import clean_document, distinct_ids
from ..clean.boilerplate import (
    MAX_COPY_SHARE,
    MIN_DOCUMENTS,
    MIN_OUTLET_DOCUMENTS,
    OUTLET_LINE_MAX_WORDS,
    line_keys,
)
from ..errors import Msg, SetupProblem
from ..group.dedup import EXACT_BELOW, Candidates, band_keys
from ..ingest import DEFAULT_MAX_BYTES, MAX_CONTAINER_BYTES, PathsLike, as_paths, read_one
from ..ingest.sources import expand_paths
from ..model import Article, Corpus, InputError, RawDocument, StoryBrief, TimeMention
from ..synthesize.brief import BriefTask
from . import RayOptions
from .local import annotate, keep_articles

BATCH = 32  # documents per batch of the cleaning and annotation actors (spaCy's own batch)
READ_BATCH = 8  # files per batch of the reading tasks
GLOBAL = ""  # the scope of lines counted across the whole input; an outlet's scope is "o:" + its name
# Faults: Ray Data restarts an actor that dies (a node lost, a process killed) and runs its batches
# again, and retries a task whose process dies (its defaults: max_restarts, max_task_retries and
# max_retries -1, i.e. always). An exception raised by storybrief itself is not retried: it is a bug,
# reported as locally. Ray Data keeps one result per batch, so no article is lost or duplicated.

_ROWS = pa.schema([("seq", pa.int64()), ("sub", pa.int64()), ("doc", pa.bool_()), ("blob", pa.binary())])


@dataclass(slots=True)
class _Done:
    """What an actor returns for one document: its clean article and, when it has text, its parse and
    dates, and the user's date keys that matched it."""

    article: Article
    parsed: Parsed | None
    tagged: list[TimeMention] | None
    used_dates: list[str]


def _table(rows: Sequence[tuple[int, int, bool, bytes]]) -> pa.Table:
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True)) if rows else [[], [], [], []]
    return pa.table([pa.array(c, type=f.type) for c, f in zip(columns, _ROWS, strict=True)], schema=_ROWS)


def _blobs(batch: pa.Table) -> list[Any]:
    return [pickle.loads(b) for b in batch.column("blob").to_pylist()]


def _read_files(batch: pa.Table, cwd: str, max_bytes: int, max_container_bytes: int) -> pa.Table:
    """Read a batch of files (each by :func:`read_one`, as the local engine does) into documents and errors."""
    if os.path.isdir(cwd) and os.getcwd() != cwd:
        os.chdir(cwd)  # relative input names stay as the user gave them (a cluster shares the folder)
    rows: list[tuple[int, int, bool, bytes]] = []
    for seq, path in zip(batch.column("seq").to_pylist(), batch.column("path").to_pylist(), strict=True):
        for sub, item in enumerate(read_one(path, max_bytes, max_container_bytes)):
            rows.append((seq, sub, isinstance(item, RawDocument), pickle.dumps(item)))
    return _table(rows)


def _only(batch: pa.Table, docs: bool) -> pa.Table:
    mask = batch.column("doc")
    return batch.filter(mask if docs else pc.invert(mask))


def _scopes(doc: RawDocument) -> list[str]:
    return [GLOBAL, f"o:{doc.meta.outlet.casefold()}"] if doc.meta.outlet else [GLOBAL]


def _hash(key: str) -> int:
    """A 64-bit hash of a line key, the same in every process (Python's ``hash`` of a string is not)."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _line_counts(batch: pa.Table) -> pa.Table:
    """Pass 1 of the evidence: in how many documents of this batch each line (scope, hash) occurs."""
    counts: Counter[tuple[str, int]] = Counter()
    for doc in _blobs(batch):
        hashes = {_hash(k) for k in line_keys(doc.text)}
        for scope in _scopes(doc):
            counts.update((scope, h) for h in hashes)
    return pa.table(
        {
            "scope": pa.array([s for s, _ in counts], pa.string()),
            "h": pa.array([h for _, h in counts], pa.int64()),
            "n": pa.array(list(counts.values()), pa.int64()),
        }
    )


def _threshold(scope: str) -> int:
    return MIN_DOCUMENTS if scope == GLOBAL else MIN_OUTLET_DOCUMENTS


def _past_bar(batch: pa.Table) -> pa.Table:
    scopes, counts = batch.column("scope").to_pylist(), batch.column("n").to_pylist()
    keep = [n >= _threshold(s) for s, n in zip(scopes, counts, strict=True)]
    return batch.filter(pa.array(keep, pa.bool_()))


def _evidence(batch: pa.Table, candidates: frozenset[tuple[str, int]]) -> pa.Table:
    """Pass 2: per scope, the candidate lines of each document that is not mostly a copy of others."""
    counts: Counter[tuple[str, str]] = Counter()
    for doc in _blobs(batch):
        keys = line_keys(doc.text)
        hashed = [(k, _hash(k)) for k in keys]
        for scope in _scopes(doc):
            shared = [k for k, h in hashed if (scope, h) in candidates]
            if shared and len(shared) / len(keys) <= MAX_COPY_SHARE:
                counts.update((scope, k) for k in shared)
    return pa.table(
        {
            "scope": pa.array([s for s, _ in counts], pa.string()),
            "key": pa.array([k for _, k in counts], pa.string()),
            "n": pa.array(list(counts.values()), pa.int64()),
        }
    )


def _grouped(ds: ray.data.Dataset, keys: list[str], partitions: int) -> Any:
    """``ds`` grouped by ``keys``, shuffled into ``partitions`` parts (Ray's default of 200 costs a minute
    of start-up on a small machine)."""
    # Ray before 2.4x has neither the hash shuffle nor this parameter
    sized = "num_partitions" in inspect.signature(ds.groupby).parameters
    return ds.groupby(keys, num_partitions=partitions) if sized else ds.groupby(keys)


def _summed(ds: ray.data.Dataset, keys: list[str], partitions: int) -> ray.data.Dataset:
    """``n`` summed per ``keys``, as column ``n``."""
    summed: ray.data.Dataset = _grouped(ds, keys, partitions).sum("n")
    return cast("ray.data.Dataset", summed.rename_columns({"sum(n)": "n"}))


def recurring_evidence(docs: ray.data.Dataset, partitions: int = 1) -> frozenset[str]:
    """The corpus-wide boilerplate lines of ``docs`` (rows of pickled documents), as
    :func:`~storybrief.clean.corpus_boilerplate` finds them, in two distributed counts."""
    firsts = _summed(docs.map_batches(_line_counts, batch_format="pyarrow"), ["scope", "h"], partitions)
    rows = firsts.map_batches(_past_bar, batch_format="pyarrow").take_all()
    candidates = frozenset((str(r["scope"]), int(r["h"])) for r in rows)
    if not candidates:
        return frozenset()
    seconds = docs.map_batches(partial(_evidence, candidates=candidates), batch_format="pyarrow")
    found: set[str] = set()
    for r in _summed(seconds, ["scope", "key"], partitions).map_batches(_past_bar, batch_format="pyarrow").take_all():
        key = str(r["key"])
        if r["scope"] == GLOBAL or len(key.split()) <= OUTLET_LINE_MAX_WORDS:
            found.add(key)
    return frozenset(found)


_PAIRS = pa.schema([("seq_a", pa.int64()), ("sub_a", pa.int64()), ("seq_b", pa.int64()), ("sub_b", pa.int64())])


def _band_rows(batch: pa.Table) -> pa.Table:
    """One row per (band key, document) of a batch of annotated documents."""
    seqs, subs = batch.column("seq").to_pylist(), batch.column("sub").to_pylist()
    out: dict[str, list[int]] = {"band": [], "seq": [], "sub": []}
    for seq, sub, keys in zip(seqs, subs, batch.column("bands").to_pylist(), strict=True):
        for key in keys or ():
            out["band"].append(key)
            out["seq"].append(seq)
            out["sub"].append(sub)
    return pa.table({name: pa.array(values, pa.int64()) for name, values in out.items()})


def _bucket_pairs(bucket: pa.Table) -> pa.Table:
    """Every pair of the documents that share one band key."""
    members = sorted(set(zip(bucket.column("seq").to_pylist(), bucket.column("sub").to_pylist(), strict=True)))
    pairs = [(a[0], a[1], b[0], b[1]) for n, b in enumerate(members) for a in members[:n]]
    columns: list[Sequence[int]] = list(zip(*pairs, strict=True)) if pairs else [[], [], [], []]
    return pa.table([pa.array(c, pa.int64()) for c in columns], schema=_PAIRS)


def candidate_pairs(annotated: ray.data.Dataset, partitions: int = 1) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    """The near-duplicate candidates of the annotated documents: pairs of (file, place in the file) that
    share an LSH band key (:func:`~storybrief.group.dedup.band_keys`), by a distributed group-by on the
    key. The same pairs the local LSH index proposes; exact Jaccard then decides, in this process."""
    rows = annotated.select_columns(["seq", "sub", "bands"]).map_batches(_band_rows, batch_format="pyarrow")
    pairs = _grouped(rows, ["band"], partitions).map_groups(_bucket_pairs, batch_format="pyarrow")
    found: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for batch in pairs.iter_batches(batch_format="pyarrow", batch_size=None):
        columns = [batch.column(name).to_pylist() for name in _PAIRS.names]
        found.update(((a, b), (c, d)) for a, b, c, d in zip(*columns, strict=True))
    return found


class CleanAnnotate:
    """An actor of the cleaning and annotation pool: loads spaCy once, then cleans, parses and tags
    the dates of each batch of documents."""

    def __init__(self) -> None:
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        threadpool_limits(limits=1)  # one BLAS thread per actor: the actors already fill every CPU
        load_nlp()

    def __call__(self, batch: pa.Table, recurring: frozenset[str], user_dates: Mapping[str, datetime]) -> pa.Table:
        """Clean, parse and tag ``batch``. The corpus evidence and the user's dates come with each call
        (Ray Data sends them once per task), so that the actor itself holds only the model."""
        cpu = time.process_time()
        articles = [clean_document(doc, recurring) for doc in _blobs(batch)]
        live = [a for a in articles if a.text.strip()]
        used: dict[int, list[str]] = {}
        for article in live:
            if user_dates:
                unused = set(apply_user_dates([article], user_dates))
                used[id(article)] = [k for k in user_dates if k not in unused]
        texts = [a.text[: annotation_end(a.text, ANNOTATE_CHARS)] for a in live]
        costs = {"clean": time.process_time() - cpu}
        parses = iter(parse_texts(texts))
        costs["spacy"] = time.process_time() - cpu - costs["clean"]
        dates = iter(tag_dates_of(live, texts))
        costs["dates"] = time.process_time() - cpu - costs["clean"] - costs["spacy"]
        bands = [band_keys(a.text) if a.text.strip() else [] for a in articles]  # for the duplicates' LSH
        costs["bands"] = time.process_time() - cpu - costs["clean"] - costs["spacy"] - costs["dates"]
        rows: list[tuple[int, int, bool, bytes]] = []
        seqs, subs = batch.column("seq").to_pylist(), batch.column("sub").to_pylist()
        for seq, sub, article in zip(seqs, subs, articles, strict=True):
            has_text = bool(article.text.strip())
            done = _Done(
                article,
                next(parses) if has_text else None,
                next(dates) if has_text else None,
                used.get(id(article), []),
            )
            rows.append((seq, sub, True, pickle.dumps(done)))
        table = _table(rows).append_column("bands", pa.array(bands, pa.list_(pa.int64())))
        for name, seconds in costs.items():  # CPU seconds of the batch, on its first row (for the benchmark)
            table = table.append_column(f"cpu_{name}", pa.array([seconds] + [0.0] * (len(rows) - 1), pa.float64()))
        return table


def _settings() -> dict[str, Any]:
    """Ray Data settings for a run: no progress bars or start-up chatter on the command line's stderr,
    and sort-based shuffles for the evidence counts (Ray's hash shuffle starts aggregator actors that cost
    20 s more on 60 articles on two cores; the sort shuffle is as distributed)."""
    settings: dict[str, Any] = {"enable_progress_bars": False, "print_on_execution_start": False}
    try:
        from ray.data.context import ShuffleStrategy
    except ImportError:  # an older Ray: its only shuffle is sort-based
        return settings
    settings["shuffle_strategy"] = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
    return settings


def _apply(settings: dict[str, Any]) -> dict[str, Any]:
    """Set ``settings`` on Ray Data's context; returns the values they replace."""
    ctx = ray.data.DataContext.get_current()
    before = {name: getattr(ctx, name) for name in settings if hasattr(ctx, name)}
    for name, value in settings.items():
        setattr(ctx, name, value)
    return before


def connect(options: RayOptions) -> bool:
    """Start or join Ray; True when this call started it (and so must shut it down)."""
    if ray.is_initialized():
        return False
    kwargs: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.ERROR, "log_to_driver": False}
    try:
        if options.address is None:
            ray.init(num_cpus=max(1, options.workers), **kwargs)
        else:
            ray.init(address=options.address, **kwargs)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SetupProblem(Msg.RAY_UNREACHABLE.format(address=options.address or "local", reason=reason)) from None
    return True


def _workers(options: RayOptions) -> int:
    if options.workers > 0 and options.address is None:
        return options.workers
    cpus = int(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
    return max(1, min(options.workers, cpus) if options.workers > 0 else cpus)


class _Clock:
    def __init__(self, laps: dict[str, float]) -> None:
        self.laps = laps
        self.last = time.perf_counter()

    def add(self, name: str, seconds: float) -> None:
        self.laps[name] = self.laps.get(name, 0.0) + seconds

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self.last
        self.last = now


def _listed(paths: Sequence[str], follow_links: bool) -> tuple[list[tuple[int, str]], list[tuple[int, InputError]]]:
    """The files to read, numbered in reading order, and the errors of listing them (missing, not a file)."""
    files: list[tuple[int, str]] = []
    errors: list[tuple[int, InputError]] = []
    for seq, item in enumerate(expand_paths(paths, follow_links=follow_links)):
        if isinstance(item, InputError):
            errors.append((seq, item))
        else:
            files.append((seq, item))
    return files, errors


@contextmanager
def session(options: RayOptions) -> Iterator[None]:
    """Ray started or joined for one or more runs, with Ray Data's start-up chatter and progress bars off;
    a Ray started here is shut down at the end."""
    started = connect(options)
    before = _apply(_settings())
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # "progress bars disabled" and such
    try:
        with warnings.catch_warnings():
            # Ray Data's advice on pool sizes for a small input is no concern of the command line's user
            warnings.filterwarnings("ignore", category=UserWarning, module=r"ray\.")
            yield
    finally:
        _apply(before)
        if started:
            ray.shutdown()


def run(
    paths: PathsLike,
    options: RayOptions,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    corpus_evidence: bool = True,
    follow_links: bool = False,
    max_container_bytes: int = MAX_CONTAINER_BYTES,
    user_dates: Mapping[str, datetime] | None = None,
    progress: Callable[[str], None] | None = None,
    meanwhile: Callable[[Corpus, Candidates | None], object] | None = None,
    timings: dict[str, float] | None = None,
) -> Corpus:
    """Read, clean and annotate ``paths`` on Ray: the corpus the local engine's
    :func:`~storybrief.engine.local.load` and :func:`~storybrief.engine.local.annotate` give.

    ``progress`` is called with each article's input as its annotation comes back; ``meanwhile`` is
    given the clean corpus before the whole-input annotation steps, with the near-duplicate candidates
    found on Ray (indices into the corpus's articles, for :func:`~storybrief.group.find_duplicates`; None
    when the corpus is too small for LSH).
    ``timings`` is filled with the wall-clock seconds of each step (for the benchmark).
    """
    clock = _Clock(timings if timings is not None else {})
    with session(options):
        clock.lap("start")
        dates = dict(user_dates or {})
        files, listing_errors = _listed(as_paths(paths), follow_links)
        pairs: set[tuple[tuple[int, int], tuple[int, int]]] | None = set() if meanwhile is not None else None
        errors, done = _clean_annotate(
            files, options, max_bytes, corpus_evidence, max_container_bytes, dates, progress, clock, pairs
        )
        errors.extend((seq, 0, e) for seq, e in listing_errors)
        cpu = time.process_time()
        corpus = _assemble(errors, done, dates, meanwhile, pairs)
        clock.add("driver CPU whole-input", time.process_time() - cpu)
        clock.lap("whole-input")
        return corpus


def annotate_files(
    files: Sequence[str],
    options: RayOptions,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_container_bytes: int = MAX_CONTAINER_BYTES,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[Article], list[int], list[tuple[int, InputError]]]:
    """Read, clean and annotate a batch of ``files`` (each one file, not a folder) on Ray, inside a
    :func:`session`: the annotated articles with text, the index in ``files`` each came from, and the errors
    with the index of their file (the read errors, then the articles with no text left, as the local engine
    lists them). The batch is one input to the cleaner's corpus evidence and to the whole-input steps (it
    is assembled as :func:`run` assembles its input), as a batch of ``storybrief add`` on the local engine is."""
    listed = list(enumerate(files))
    errors, done = _clean_annotate(listed, options, max_bytes, True, max_container_bytes, {}, progress, _Clock({}))
    read = len(errors)
    corpus = _assemble(errors, done, {}, None)  # both lists sorted in reading order in place
    kept = [seq for seq, _, d in done if d.parsed is not None]
    emptied = [seq for seq, _, d in done if d.parsed is None]
    # the corpus's errors: the read errors in reading order, then one per article with no text left
    by_file = [(seq, e) for (seq, _, _), e in zip(errors, corpus.errors[:read], strict=True)]
    by_file += zip(emptied, corpus.errors[read:], strict=True)
    return corpus.articles, kept, by_file


def _clean_annotate(
    files: list[tuple[int, str]],
    options: RayOptions,
    max_bytes: int,
    corpus_evidence: bool,
    max_container_bytes: int,
    user_dates: dict[str, datetime],
    progress: Callable[[str], None] | None,
    clock: _Clock,
    pairs: set[tuple[tuple[int, int], tuple[int, int]]] | None = None,
) -> tuple[list[tuple[int, int, InputError]], list[tuple[int, int, _Done]]]:
    """The distributed stages over numbered ``files``: read errors and cleaned, annotated documents, each
    with its file's number and its place in the file. ``pairs``, when given, is filled with the documents'
    near-duplicate candidates (:func:`candidate_pairs`)."""
    here = [(seq, p) for seq, p in files if p == "-"]  # standard input is this process's
    remote = [{"seq": seq, "path": p} for seq, p in files if p != "-"]
    local_rows = [
        (seq, sub, isinstance(item, RawDocument), pickle.dumps(item))
        for seq, p in here
        for sub, item in enumerate(read_one(p, max_bytes, max_container_bytes))
    ]
    parts: list[ray.data.Dataset] = []
    if remote:
        parts.append(
            ray.data.from_items(remote).map_batches(
                partial(_read_files, cwd=os.getcwd(), max_bytes=max_bytes, max_container_bytes=max_container_bytes),
                batch_size=READ_BATCH,
                batch_format="pyarrow",
            )
        )
    if local_rows:
        parts.append(ray.data.from_arrow(_table(local_rows)))
    errors: list[tuple[int, int, InputError]] = []
    done: list[tuple[int, int, _Done]] = []
    if not parts:
        return errors, done
    read = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    read = read.materialize()
    clock.lap("read")
    for r in read.map_batches(partial(_only, docs=False), batch_format="pyarrow").take_all():
        errors.append((int(r["seq"]), int(r["sub"]), pickle.loads(r["blob"])))
    # materialized, so that no upstream task waits for a CPU the actors hold
    docs = read.map_batches(partial(_only, docs=True), batch_format="pyarrow").materialize()
    if docs.count() == 0:  # nothing but errors: no evidence to count, nothing to annotate
        return errors, done
    workers = _workers(options)
    recurring = recurring_evidence(docs, workers) if corpus_evidence else frozenset()
    clock.lap("evidence")
    annotated = docs.map_batches(
        CleanAnnotate,
        batch_size=BATCH,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=workers),
        fn_kwargs={"recurring": recurring, "user_dates": user_dates},
        num_cpus=1,
    )
    if pairs is not None:
        annotated = annotated.materialize()  # read twice: the records, then the band keys
    for batch in annotated.iter_batches(batch_format="pyarrow", batch_size=None):
        for name in ("clean", "spacy", "dates", "bands"):
            clock.add(f"actor CPU {name}", pc.sum(batch.column(f"cpu_{name}")).as_py() or 0.0)
        clock.add("bytes back", pc.sum(pc.binary_length(batch.column("blob"))).as_py() or 0)
        for seq, sub, item in zip(
            batch.column("seq").to_pylist(), batch.column("sub").to_pylist(), _blobs(batch), strict=True
        ):
            done.append((seq, sub, item))
            if progress is not None:
                progress(item.article.input)
    clock.lap("clean+annotate")
    if pairs is not None:
        pairs.update(candidate_pairs(annotated, workers))
        clock.lap("duplicate candidates")
    return errors, done


def _brief_batch(batch: pa.Table) -> pa.Table:
    """Brief a batch of pickled :class:`~storybrief.synthesize.brief.BriefTask`: one pickled brief each."""
    briefs = [pickle.dumps(task.run()) for task in _blobs(batch)]
    return pa.table({"seq": batch.column("seq"), "blob": pa.array(briefs, pa.binary())})


def brief_stories(tasks: Sequence[BriefTask], options: RayOptions) -> Iterator[StoryBrief]:
    """Brief stories on Ray, inside a :func:`session`: each task (a story with its articles and quote
    groups) is briefed by a Ray task; the briefs come back in the order of ``tasks``."""
    if not tasks:
        return iter(())
    rows = [(n, 0, True, pickle.dumps(task)) for n, task in enumerate(tasks)]
    size = max(1, min(50, len(tasks) // (4 * _workers(options))))
    blocks = [_table(rows[start : start + size]) for start in range(0, len(rows), size)]  # a block is one task
    briefed = ray.data.from_arrow(blocks).map_batches(_brief_batch, batch_size=size, batch_format="pyarrow")
    done: list[tuple[int, StoryBrief]] = []
    for batch in briefed.iter_batches(batch_format="pyarrow", batch_size=None):
        table = cast("pa.Table", batch)
        done.extend(zip(table.column("seq").to_pylist(), _blobs(table), strict=True))
    done.sort(key=lambda d: d[0])
    return iter([b for _, b in done])


def _assemble(
    errors: list[tuple[int, int, InputError]],
    done: list[tuple[int, int, _Done]],
    user_dates: Mapping[str, datetime],
    meanwhile: Callable[[Corpus, Candidates | None], object] | None,
    pairs: set[tuple[tuple[int, int], tuple[int, int]]] | None = None,
) -> Corpus:
    """The corpus in reading order, ids made distinct over the whole input, whole-input annotation run."""
    errors.sort(key=lambda e: (e[0], e[1]))
    done.sort(key=lambda d: (d[0], d[1]))
    corpus = Corpus(errors=[e for _, _, e in errors])
    keep_articles(corpus, distinct_ids([d.article for _, _, d in done]))
    live = [d for _, _, d in done if d.parsed is not None]
    at = {(seq, sub): n for n, (seq, sub) in enumerate((seq, sub) for seq, sub, d in done if d.parsed is not None)}
    candidates = None
    if pairs is not None and len(corpus.articles) >= EXACT_BELOW:
        candidates = sorted((at[a], at[b]) for a, b in pairs if a in at and b in at)
    used = {k for d in live for k in d.used_dates}
    corpus.unused_dates = [k for k in user_dates if k not in used]
    annotate(
        corpus,
        parses=[d.parsed for d in live if d.parsed is not None],
        tags=[d.tagged or [] for d in live],
        meanwhile=None if meanwhile is None else lambda: meanwhile(corpus, candidates),
    )
    return corpus
