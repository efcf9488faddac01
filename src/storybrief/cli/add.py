"""``storybrief add``: put what is new among the inputs into the library, and into its stories."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    DEFAULT_MAX_SIZE,
    WARNED_FLAGS,
    EngineOpt,
    FollowLinksOpt,
    MaxSizeOpt,
    PathsArg,
    ProcessesOpt,
    RayAddressOpt,
    finish,
    parse_size,
    progress_bar,
    ray_options,
    say,
    worker_count,
)

DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="The library file (default: $STORYBRIEF_DB, else storybrief.db here)."),
]


def add(
    paths: PathsArg,
    db: DbOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    processes: ProcessesOpt = 0,
    follow_links: FollowLinksOpt = False,
    batch: Annotated[
        int | None,
        typer.Option(
            "--batch",
            min=1,
            help="Inputs stored per transaction, and per Ray job with --engine ray (default 50; 500 on Ray).",
        ),
    ] = None,
    engine: EngineOpt = "local",
    ray_address: RayAddressOpt = None,
) -> None:
    """Add new articles in PATHs to the library: inputs already stored are skipped, changed ones stored anew."""
    from ..errors import SetupProblem
    from ..store import default_db
    from ..store.grow import add as grow
    from ..store.library import LibraryError

    limit = parse_size(max_size)
    ray = ray_options(engine, ray_address, processes)
    try:
        with progress_bar(None, "adding", enabled=True) as tick:
            summary = grow(
                paths,
                db or default_db(),
                max_bytes=limit,
                follow_links=follow_links,
                processes=worker_count(processes),
                batch_files=batch,
                progress=tick,
                ray=ray,
            )
    except (LibraryError, SetupProblem) as problem:
        say("error", str(problem))
        raise typer.Exit(code=2) from None
    for source, kind, detail in summary.flagged:  # the same lines as `brief` gives for these inputs
        if kind in WARNED_FLAGS:
            say("warning", f"{source}: {detail}", style="yellow")
    finish(summary.errors, summary.line())
