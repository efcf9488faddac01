"""Helpers shared by the commands: size options, error reporting, progress, reading the input.

The commands import the stages inside their functions, after :func:`start_parsers`: spaCy's workers
then load the model while this process imports the rest and reads the input (see
:mod:`storybrief.annotate.workers`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..annotate.workers import ParserPool
from ..defaults import MAX_BYTES
from ..errors import InputProblem, SetupProblem

if TYPE_CHECKING:
    from ..model import InputError
    from ..pipeline import Corpus

err_console = Console(stderr=True, highlight=False)

DEFAULT_MAX_SIZE = f"{MAX_BYTES // (1024 * 1024)}MB"
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or - for standard input.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")]
MaxSizeOpt = Annotated[str, typer.Option("--max-size", help="Size limit per input file, e.g. 20MB.")]
CorpusEvidenceOpt = Annotated[
    bool,
    typer.Option(
        "--corpus-evidence/--no-corpus-evidence", help="Treat lines recurring across the input as boilerplate."
    ),
]
DateOpt = Annotated[
    list[str] | None,
    typer.Option("--date", help="Publication date of an input, INPUT=DATE (repeatable): a.txt=2021-10-01."),
]
DatesFileOpt = Annotated[Path | None, typer.Option("--dates", help="JSON file mapping inputs to publication dates.")]
ProcessesOpt = Annotated[
    int, typer.Option("--processes", "-j", min=0, help="Processes for annotation (0: one per CPU core).")
]

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """'20MB', '512k', '1048576' -> bytes."""
    m = _SIZE_RE.match(value)
    if not m:
        raise typer.BadParameter(f"'{value}' is not a size; use bytes or a unit such as 512KB, 20MB, 1GB")
    unit = (m.group(2) or "").lower()[:1]
    return int(float(m.group(1)) * _UNITS[unit])


def report_errors(errors: Sequence[InputError]) -> None:
    for error in errors:
        err_console.print(f"[bold red]error[/]: {error}", soft_wrap=True, markup=True)


def finish(errors: Sequence[InputError], summary: str) -> None:
    """Report every input that failed, print the run's summary line, and exit 1 if anything failed."""
    report_errors(errors)
    err_console.print(summary, style="dim")
    if errors:
        raise typer.Exit(code=1)


@contextmanager
def progress_bar(total: int | None, label: str, enabled: bool) -> Iterator[Callable[[str], None]]:
    """A Rich progress bar on stderr for long runs; a no-op callback when disabled or not a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield lambda _name: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda _name: progress.advance(task)


def worker_count(processes: int) -> int:
    """``--processes``, 0 meaning one per CPU core (at most 4)."""
    import os

    return processes or min(4, os.cpu_count() or 1)


def start_parsers(paths: Sequence[str], processes: int) -> ParserPool:
    """spaCy's worker processes for ``paths``, started now: call this before importing the stages."""
    return ParserPool.for_inputs(paths, worker_count(processes))


def read_corpus(
    paths: list[str],
    *,
    max_size: str,
    corpus_evidence: bool = True,
    annotate: bool = True,
    date: list[str] | None = None,
    dates_file: Path | None = None,
    processes: int = 0,
    parsers: ParserPool | None = None,
    meanwhile: Callable[[Corpus], object] | None = None,
) -> Corpus:
    """Load, clean and (optionally) annotate ``paths`` with progress bars; user errors exit cleanly.

    Annotation runs in ``parsers`` (from :func:`start_parsers`), which are closed when this returns;
    ``meanwhile`` is given the clean corpus while they parse (work that needs no annotation).
    """
    if annotate and parsers is None:
        parsers = start_parsers(paths, processes)
    try:
        return _read(paths, max_size, corpus_evidence, annotate, date, dates_file, parsers, meanwhile)
    finally:
        if parsers is not None:
            parsers.close()


def read_grouped(
    paths: list[str],
    *,
    max_size: str,
    date: list[str] | None,
    dates_file: Path | None,
    parsers: ParserPool,
    single_story: bool = False,
    streaming: bool = False,
) -> Corpus:
    """:func:`read_corpus`, then group; duplicates need no annotation, so they are found while the
    workers parse."""
    from ..group import DuplicateGroup, find_duplicates
    from ..pipeline import group_corpus

    found: list[list[DuplicateGroup]] = []
    corpus = read_corpus(
        paths,
        max_size=max_size,
        date=date,
        dates_file=dates_file,
        parsers=parsers,
        meanwhile=lambda c: found.append(find_duplicates(c.articles)),
    )
    duplicates = found[0] if found else None
    return group_corpus(corpus, duplicates=duplicates, single_story=single_story, streaming=streaming)


def _read(
    paths: list[str],
    max_size: str,
    corpus_evidence: bool,
    annotate: bool,
    date: list[str] | None,
    dates_file: Path | None,
    parsers: ParserPool | None,
    meanwhile: Callable[[Corpus], object] | None,
) -> Corpus:
    from ..annotate.published import parse_date_options, read_dates_file
    from ..pipeline import annotate_corpus, load

    limit = parse_size(max_size)
    try:
        user_dates = read_dates_file(str(dates_file)) if dates_file else {}
        user_dates.update(parse_date_options(date or []))
    except InputProblem as problem:
        raise typer.BadParameter(problem.message) from None
    with progress_bar(None, "reading", enabled=True) as tick:
        corpus = load(paths, max_bytes=limit, corpus_evidence=corpus_evidence, progress=tick)
    if annotate and corpus.articles:
        try:
            with progress_bar(len(corpus.articles), "annotating", enabled=True) as tick:
                annotate_corpus(
                    corpus,
                    user_dates=user_dates,
                    parsers=parsers,
                    progress=lambda a: tick(a.input),
                    meanwhile=None if meanwhile is None else lambda: meanwhile(corpus),
                )
        except SetupProblem as problem:
            err_console.print(f"[bold red]error[/]: {problem}")
            raise typer.Exit(code=2) from None
        for key in corpus.unused_dates:
            err_console.print(f"[yellow]warning[/]: --date/--dates: '{key}' matches no input")
        for article in corpus.articles:  # one line for each article annotated only in part
            for flag in article.flags:
                if flag.kind == "truncated_annotation":
                    where = escape(f"{article.input}: {flag.detail}")
                    err_console.print(f"[yellow]warning[/]: {where}", soft_wrap=True)
    return corpus


def write_output(rendered: str, output: Path | None) -> None:
    if output is not None:
        output.write_text(rendered + "\n", encoding="utf-8")
    else:
        typer.echo(rendered)
