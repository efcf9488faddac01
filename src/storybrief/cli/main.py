"""The ``storybrief`` command."""

from __future__ import annotations

import typer

from .. import __version__
from .brief import brief
from .clean import clean
from .group import group

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storybrief {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """storybrief: many raw articles in, clean articles and cited briefs out."""


def main() -> None:
    app()
