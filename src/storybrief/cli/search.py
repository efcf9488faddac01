"""``storybrief search``: articles, sentences and quotes of the library that match words, best first."""

from __future__ import annotations

from typing import Annotated

import typer

from .add import DbOpt
from .common import say


def search(
    query: Annotated[str, typer.Argument(help="Words to look for (all must occur).")],
    db: DbOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results to show.")] = 20,
) -> None:
    """Search the library's articles, sentences and quotes (ranked by BM25, with snippets)."""
    from ..render.safe import terminal_text
    from ..store import default_db
    from ..store.library import Library, LibraryError

    try:
        with Library(db or default_db(), create=False) as lib:
            hits = lib.search(query, limit)
    except LibraryError as problem:
        say("error", str(problem))
        raise typer.Exit(code=2) from None
    for hit in hits:
        title = f" — {hit.title}" if hit.title else ""
        typer.echo(terminal_text(f"{hit.article} [{hit.kind}]{title}: {' '.join(hit.snippet.split())}"))
    say("search", f"{len(hits)} result(s)", style="dim")
