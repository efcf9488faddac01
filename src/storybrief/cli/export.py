"""``storybrief export``: the whole library as JSON Lines, one article a line, that ``add`` reads back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import typer

from .add import DbOpt
from .common import OutputOpt, check_output, say, write_output


def export_record(data: dict[str, Any]) -> dict[str, Any]:
    """The fields of a stored article that ``add`` reads back as a JSONL record."""
    return {
        "id": data["id"],
        "title": data["title"],
        "text": data["text"],
        "url": data["url"],
        "published": data["published"],
        "outlet": data["outlet"],
        "author": list(data["byline"]),
    }


def export(db: DbOpt = None, output: OutputOpt = None) -> None:
    """Write every article of the library as JSON Lines (id, title, text, url, published, outlet, author)."""
    from ..store import default_db
    from ..store.library import Library, LibraryError

    check_output(output)
    try:
        lib = Library(db or default_db(), create=False)
    except LibraryError as problem:
        say("error", str(problem))
        raise typer.Exit(code=2) from None
    count = [0]

    def lines() -> Iterator[str]:
        for n, record in enumerate(lib.export_records(), start=1):
            count[0] = n
            yield json.dumps(export_record(record), ensure_ascii=False)

    with lib, lib.read():
        write_output(_newline_between(lines()), output)
    say("export", f"{count[0]} article(s)", style="dim")


def _newline_between(pieces: Iterator[str]) -> Iterator[str]:
    """JSON lines joined by newlines; ``write_output`` adds the last one."""
    first = True
    for piece in pieces:
        yield piece if first else "\n" + piece
        first = False
