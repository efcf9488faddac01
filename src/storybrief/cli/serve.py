"""``storybrief serve``: the library as a local web app and JSON API (see :mod:`storybrief.serve`)."""

from __future__ import annotations

from typing import Annotated

import typer

from .add import DbOpt
from .common import Interrupted, parse_size, say

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (only this machine by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help="Hide Add and refuse every change.")] = False,
    max_upload: Annotated[str, typer.Option("--max-upload", help="Size limit of one upload, e.g. 25MB.")] = "25MB",
) -> None:
    """Serve the library in a browser (topics, stories, articles, quotes, search, add) and as a JSON API."""
    from ..store import default_db
    from ..store.library import Library, LibraryError

    path = db or default_db()
    limit = parse_size(max_upload)
    try:
        with Library(path, create=not read_only):  # a new library is made unless nothing may be written
            pass
    except LibraryError as problem:
        say("error", str(problem))
        raise typer.Exit(code=2) from None
    import uvicorn

    from ..serve import create_app

    if host not in LOOPBACK:
        say("warning", f"listening on {host}: anyone who can reach it can read the library"
            + ("" if read_only else " and add to it (use --read-only to prevent that)"))  # fmt: skip
    say(
        "serve",
        f"http://{'[' + host + ']' if ':' in host else host}:{port}/ ({path}{', read-only' if read_only else ''})",
    )
    # on this machine only: answer only to its own names (no DNS rebinding of another site onto the app)
    local = ["127.0.0.1", "localhost", "::1", "[::1]"] if host in LOOPBACK else None
    app = create_app(path, read_only=read_only, max_upload_bytes=limit, allowed_hosts=local)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except Interrupted:  # uvicorn passes Ctrl-C on once it has shut down: for a server, the normal way to stop
        say("serve", "stopped")
