"""spaCy in worker processes, started before the input is read.

Importing spaCy and loading its English model takes about two seconds, longer than reading and cleaning
a handful of articles, and the main process does not need spaCy itself: it only needs the sentence
spans and entities spaCy finds (:data:`~storybrief.annotate.nlp.Parsed`, plain tuples that cost little
to send between processes). So the command line starts a :class:`ParserPool` first; its workers load
the model while the main process imports the rest of storybrief and reads the input, and the main
process tags dates while the workers parse. On a few articles this takes about a second off a cold
start; on many, every core parses.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext

from .nlp import Parsed, load_nlp, parse_texts

BATCH = 32  # texts per task: large enough to amortize sending, small enough to keep every worker busy
SMALL_BYTES = 256 * 1024  # inputs smaller than this (about 40 articles of text) get one worker


def _context() -> BaseContext:
    """Fork where it is available: workers then start without re-importing anything."""
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    return mp.get_context(method)


def _init_worker() -> None:
    """One BLAS thread per worker. The workers already keep every core busy; BLAS threads of their own
    only make them compete, which cost 15 % of parsing time on two cores.

    Workers ignore Ctrl-C: the terminal sends it to the whole process group, and the main process alone
    decides what an interruption means (one line, exit code 130), instead of every worker printing a
    traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")  # for a BLAS not loaded yet (the usual case after a fork)
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    threadpool_limits(limits=1)  # and for one already loaded


def _warm() -> None:
    load_nlp()


def input_bytes(paths: Iterable[str], enough: int = SMALL_BYTES) -> int:
    """Bytes in ``paths`` (folders expanded as reading will), counted only up to ``enough``; standard
    input counts as ``enough`` since its size is unknown. Bad paths count nothing: reading reports them."""
    from ..ingest.sources import expand_paths

    total = 0
    for item in expand_paths(paths):
        if item == "-":
            return enough
        if isinstance(item, str):
            try:
                total += os.path.getsize(item)
            except OSError:
                continue
            if total >= enough:
                break
    return total


class ParserPool:
    """Worker processes that run spaCy; each loads the model as soon as the pool is created.

    Use it as a context manager, or call :meth:`close`. :meth:`submit` queues every batch at once and
    returns at once, so the caller can do other work (dates) while the workers parse.
    """

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(), initializer=_init_worker)
        # One warm-up task per worker: the pool starts its processes now and each loads the model.
        self._warming = [self._executor.submit(_warm) for _ in range(self.workers)]

    @classmethod
    def for_inputs(cls, paths: Sequence[str], processes: int) -> ParserPool:
        """One worker for a small input (more would only compete for the CPU while loading the model);
        ``processes`` workers otherwise."""
        small = input_bytes(paths) < SMALL_BYTES
        return cls(1 if small else processes)

    def submit(self, texts: Sequence[str]) -> list[Future[list[Parsed]]]:
        """Queue ``texts`` in batches; the futures give each batch's results, in order."""
        return [self._executor.submit(parse_texts, texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]

    def parse(self, texts: Sequence[str]) -> Iterator[Parsed]:
        """Every text's parse, in order."""
        for future in self.submit(texts):
            yield from future.result()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ParserPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
