"""``storybrief clean``: print cleaned articles with their metadata, quotes and dates."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..annotate.published import parse_date_options, read_dates_file
from ..errors import InputProblem, SetupProblem
from ..ingest import DEFAULT_MAX_BYTES
from ..pipeline import annotate_corpus, load
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
    annotate_: Annotated[
        bool,
        typer.Option("--annotate/--no-annotate", help="Find sentences, entities, dates and quotes (uses spaCy)."),
    ] = True,
    date: Annotated[
        list[str] | None,
        typer.Option("--date", help="Publication date of an input, INPUT=DATE (repeatable): a.txt=2021-10-01."),
    ] = None,
    dates_file: Annotated[
        Path | None, typer.Option("--dates", help="JSON file mapping inputs to publication dates.")
    ] = None,
    processes: Annotated[
        int, typer.Option("--processes", "-j", min=0, help="Processes for annotation (0: one per CPU core).")
    ] = 0,
) -> None:
    """Read article files of any supported format and print them cleaned, with their metadata."""
    limit = parse_size(max_size)
    processes = processes or min(4, os.cpu_count() or 1)
    try:
        user_dates = read_dates_file(str(dates_file)) if dates_file else {}
        user_dates.update(parse_date_options(date or []))
    except InputProblem as problem:
        raise typer.BadParameter(problem.message) from None
    with progress_bar(None, "reading", enabled=True) as tick:
        corpus = load(paths, max_bytes=limit, corpus_evidence=corpus_evidence, progress=tick)
    if annotate_ and corpus.articles:
        try:
            with progress_bar(len(corpus.articles), "annotating", enabled=True) as tick:
                annotate_corpus(corpus, user_dates=user_dates, n_process=processes, progress=lambda a: tick(a.input))
        except SetupProblem as problem:
            err_console.print(f"[bold red]error[/]: {problem}")
            raise typer.Exit(code=2) from None
        for key in corpus.unused_dates:
            err_console.print(f"[yellow]warning[/]: --date/--dates: '{key}' matches no input")
    if format is CleanFormat.json:
        rendered = articles_json(corpus.articles, corpus.errors, corpus.quote_groups)
    else:
        rendered = articles_markdown(corpus.articles, corpus.errors, explain=explain, quote_groups=corpus.quote_groups)
    if output is not None:
        output.write_text(rendered + "\n", encoding="utf-8")
    else:
        typer.echo(rendered)
    report_errors(corpus.errors)
    n_ok, n_bad = len(corpus.articles), len(corpus.errors)
    err_console.print(f"{n_ok} article(s) cleaned, {n_bad} input(s) failed", style="dim")
    if n_bad:
        raise typer.Exit(code=1)
