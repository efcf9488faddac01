"""``storybrief clean``: print cleaned articles, optionally with everything that was removed."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..ingest import DEFAULT_MAX_BYTES
from ..pipeline import load
from ..render.articles import articles_json, articles_markdown
from .common import err_console, parse_size, progress_bar, report_errors


class CleanFormat(StrEnum):
    json = "json"
    md = "md"


def clean(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or - for standard input.")],
    format: Annotated[CleanFormat, typer.Option("--format", "-f", help="Output format.")] = CleanFormat.md,
    explain: Annotated[bool, typer.Option("--explain", help="Show every removed piece with its reason.")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    max_size: Annotated[
        str, typer.Option("--max-size", help="Size limit per input file, e.g. 20MB.", show_default=True)
    ] = f"{DEFAULT_MAX_BYTES // (1024 * 1024)}MB",
    corpus_evidence: Annotated[
        bool,
        typer.Option(
            "--corpus-evidence/--no-corpus-evidence", help="Treat lines recurring across the input as boilerplate."
        ),
    ] = True,
) -> None:
    """Read article files of any supported format and print them cleaned, with their metadata."""
    limit = parse_size(max_size)
    with progress_bar(None, "reading", enabled=True) as tick:
        corpus = load(paths, max_bytes=limit, corpus_evidence=corpus_evidence, progress=tick)
    if format is CleanFormat.json:
        rendered = articles_json(corpus.articles, corpus.errors)
    else:
        rendered = articles_markdown(corpus.articles, corpus.errors, explain=explain)
    if output is not None:
        output.write_text(rendered + "\n", encoding="utf-8")
    else:
        typer.echo(rendered)
    report_errors(corpus.errors)
    n_ok, n_bad = len(corpus.articles), len(corpus.errors)
    err_console.print(f"{n_ok} article(s) cleaned, {n_bad} input(s) failed", style="dim")
    if n_bad:
        raise typer.Exit(code=1)
