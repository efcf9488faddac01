"""The ``storybrief`` command.

Exit codes: 0 every input became an article; 1 some inputs were reported as errors (the rest was
processed); 2 the command could not run as asked (bad options, an output that cannot be written, a
missing language model); 3 an internal error, a bug in storybrief (the traceback is shown with
``--debug`` or ``STORYBRIEF_DEBUG=1``); 130 interrupted by Ctrl-C (SIGINT), 143 stopped by SIGTERM, as
shells count them.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback

import typer

from .. import __version__
from ..errors import Msg
from .add import add
from .brief import brief
from .clean import clean
from .common import Interrupted, say
from .export import export
from .group import group
from .reindex import reindex
from .search import search
from .serve import serve

INTERNAL_ERROR = 3


app = typer.Typer(
    name="storybrief",
    help="Turn many raw news articles into clean articles, stories and cited briefs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("brief")(brief)
app.command("clean")(clean)
app.command("group")(group)
app.command("add")(add)
app.command("search")(search)
app.command("export")(export)
app.command("serve")(serve)
app.command("reindex")(reindex)


class _Settings:
    debug = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storybrief {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error (a bug)."),
) -> None:
    """storybrief: many raw articles in, clean articles and cited briefs out."""
    _Settings.debug = debug


def debugging() -> bool:
    """``--debug`` was given, or STORYBRIEF_DEBUG is set to something other than 0 / empty."""
    return _Settings.debug or os.environ.get("STORYBRIEF_DEBUG", "") not in ("", "0")


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def main() -> None:
    """Run the command; an unexpected exception becomes one line and exit code 3, Ctrl-C one line and
    exit code 130, SIGTERM the same with 143 (see the module doc). Both signals unwind the stack, so
    the spaCy workers are shut down rather than left running without a parent."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        app()
    except Interrupted as stop:
        if debugging():
            traceback.print_exc()
        say("storybrief", Msg.INTERRUPTED)
        sys.exit(128 + (stop.args[0] if stop.args else signal.SIGINT))
    except Exception as exc:  # a bug: user errors are reported by the commands and never get here
        if debugging():
            traceback.print_exc()
        reason = Msg.INTERNAL_ERROR.format(kind=type(exc).__name__, reason=exc)
        say("storybrief", reason)
        sys.exit(INTERNAL_ERROR)
