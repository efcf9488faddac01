"""``storybrief reindex``: annotate and place the library's articles again after a pipeline upgrade."""

from __future__ import annotations

import typer

from .add import DbOpt
from .common import ProcessesOpt, finish, progress_bar, say, worker_count


def reindex(db: DbOpt = None, processes: ProcessesOpt = 0) -> None:
    """Recompute derived data (annotations, quote groups, copies, placement state) from the stored clean text.

    Resumable: stopped at any moment, a rerun continues where it stopped. Stories keep their articles and ids.
    """
    from ..store import default_db
    from ..store.library import LibraryError
    from ..store.reindex import pending
    from ..store.reindex import reindex as run

    path = db or default_db()
    try:
        annotate, place = pending(path)
        with progress_bar(annotate + place, "reindexing", enabled=True) as tick:
            summary = run(path, processes=worker_count(processes), progress=tick)
    except LibraryError as problem:
        say("error", str(problem))
        raise typer.Exit(code=2) from None
    finish([], summary.line())
