"""Helpers shared by the commands: size options, error reporting, progress."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..model import InputError

err_console = Console(stderr=True, highlight=False)

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
