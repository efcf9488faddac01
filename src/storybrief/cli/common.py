"""Helpers shared by the commands: size options, error reporting, progress, reading the input.

The commands import the stages inside their functions, after :func:`start_parsers`: spaCy's workers
then load the model while this process imports the rest and reads the input (see
:mod:`storybrief.annotate.workers`).
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..annotate.workers import ParserPool
from ..defaults import MAX_BYTES
from ..errors import InputProblem, Msg, SetupProblem
from ..render.safe import terminal_text

if TYPE_CHECKING:
    from ..engine import RayOptions
    from ..group.dedup import Candidates
    from ..model import Corpus, InputError, Report
    from ..synthesize.brief import BriefMap

err_console = Console(stderr=True, highlight=False)

# article flags that also get a warning line on stderr: the user should know without reading the output
WARNED_FLAGS = ("truncated_annotation", "metadata", "decoding")
DEFAULT_MAX_SIZE = f"{MAX_BYTES // (1024 * 1024)}MB"
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or - for standard input.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", readable=False, help="Write to this file instead of stdout.")
]
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

FollowLinksOpt = Annotated[
    bool,
    typer.Option(
        "--follow-links", help="Follow symbolic links that lead out of an input folder (else reported, not read)."
    ),
]
EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        help="Where reading, cleaning and annotation run: local (processes here) or ray (Ray Data; needs "
        "storybrief\\[ray]).",  # the backslash: Rich would read [ray] as markup
    ),
]
RayAddressOpt = Annotated[
    str | None,
    typer.Option(
        "--ray-address",
        help="With --engine ray: the cluster to join ('auto': the one started here by `ray start --head`); "
        "default: start a local Ray with --processes CPUs.",
    ),
]

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
MAX_SIZE_LIMIT = 1024**4  # --max-size above 1 TB is a typo, not a plan


def parse_size(value: str) -> int:
    """'20MB', '512k', '1048576' -> bytes; from 1 byte to 1 TB (exact arithmetic: no float overflow)."""
    from decimal import Decimal

    m = _SIZE_RE.match(value)
    if not m:
        raise typer.BadParameter(f"'{value}' is not a size; use bytes or a unit such as 512KB, 20MB, 1GB")
    unit = (m.group(2) or "").lower()[:1]
    number = Decimal(m.group(1))
    if number > MAX_SIZE_LIMIT:  # before multiplying: no need to build a huge number
        raise typer.BadParameter(f"'{value}' is too large; the size limit can be at most 1TB")
    size = int(number * _UNITS[unit])
    if size > MAX_SIZE_LIMIT:
        raise typer.BadParameter(f"'{value}' is too large; the size limit can be at most 1TB")
    if size < 1:
        raise typer.BadParameter(f"'{value}' is too small; the size limit must be at least 1 byte")
    return size


class Interrupted(BaseException):
    """Raised by the SIGINT handler instead of KeyboardInterrupt, which click would turn into "Aborted!"
    and exit code 1. A BaseException, so that no handler of bad input (``except Exception``) mistakes it
    for a broken file and goes on."""


def say(label: str, text: str, style: str = "bold red") -> None:
    """One line on stderr: ``label: text``, with ``text`` shown literally.

    ``text`` (file names, record contents, messages quoting them) is never read as Rich markup, and its
    newlines, escape sequences and bidi controls are written as escapes: one message is one line.
    """
    err_console.print(Text.assemble((label, style), ": ", terminal_text(text)), soft_wrap=True)


def report_errors(errors: Sequence[InputError]) -> None:
    for error in errors:
        say("error", str(error))


def finish(errors: Sequence[InputError], summary: str) -> None:
    """Report every input that failed, print the run's summary line, and exit 1 if anything failed."""
    report_errors(errors)
    err_console.print(Text(terminal_text(summary), style="dim"), soft_wrap=True)
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
    meanwhile: Callable[[Corpus, Candidates | None], object] | None = None,
    follow_links: bool = False,
    ray: RayOptions | None = None,
) -> Corpus:
    """Load, clean and (optionally) annotate ``paths`` with progress bars; user errors exit cleanly.

    Annotation runs in ``parsers`` (from :func:`start_parsers`), which are closed when this returns;
    ``meanwhile`` is given the clean corpus while they parse (work that needs no annotation), and the
    near-duplicate candidates when an engine found them (see :func:`storybrief.engine.ray.run`). With
    ``ray``, all of it runs on the Ray engine instead (and ``annotate`` is ignored: it always annotates).
    """
    if annotate and parsers is None and ray is None:
        parsers = start_parsers(paths, processes)
    try:
        return _read(
            paths, max_size, corpus_evidence, annotate, date, dates_file, parsers, meanwhile, follow_links, ray
        )
    finally:
        if parsers is not None:
            parsers.close()


def read_grouped(
    paths: list[str],
    *,
    max_size: str,
    date: list[str] | None,
    dates_file: Path | None,
    parsers: ParserPool | None,
    single_story: bool = False,
    streaming: bool = False,
    follow_links: bool = False,
    ray: RayOptions | None = None,
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
        meanwhile=lambda c, pairs: found.append(find_duplicates(c.articles, candidates=pairs)),
        follow_links=follow_links,
        ray=ray,
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
    meanwhile: Callable[[Corpus, Candidates | None], object] | None,
    follow_links: bool = False,
    ray: RayOptions | None = None,
) -> Corpus:
    from ..annotate.published import parse_date_options, read_dates_file
    from ..pipeline import annotate_corpus, load

    limit = parse_size(max_size)
    try:
        user_dates = read_dates_file(str(dates_file)) if dates_file else {}
        user_dates.update(parse_date_options(date or []))
    except InputProblem as problem:
        raise typer.BadParameter(problem.message) from None
    if ray is not None:
        corpus = _read_on_ray(paths, limit, corpus_evidence, user_dates, meanwhile, follow_links, ray)
    else:
        with progress_bar(None, "reading", enabled=True) as tick:
            corpus = load(
                paths, max_bytes=limit, corpus_evidence=corpus_evidence, progress=tick, follow_links=follow_links
            )
    if annotate and corpus.articles and ray is None:
        try:
            with progress_bar(len(corpus.articles), "annotating", enabled=True) as tick:
                annotate_corpus(
                    corpus,
                    user_dates=user_dates,
                    parsers=parsers,
                    progress=lambda a: tick(a.input),
                    meanwhile=None if meanwhile is None else lambda: meanwhile(corpus, None),
                )
        except SetupProblem as problem:
            say("error", str(problem))
            raise typer.Exit(code=2) from None
        for key in corpus.unused_dates:
            say("warning", f"--date/--dates: '{key}' matches no input", style="yellow")
    for article in corpus.articles:  # one line for each article annotated only in part or with a bad field
        for flag in article.flags:
            if flag.kind in WARNED_FLAGS:
                say("warning", f"{article.input}: {flag.detail}", style="yellow")
    return corpus


def ray_options(engine: str, address: str | None, processes: int) -> RayOptions | None:
    """The Ray engine's options for ``--engine ray`` (None for the local engine); a bad choice is a usage error."""
    from ..engine import ENGINES, RayOptions

    if engine not in ENGINES:
        raise typer.BadParameter(f"--engine must be one of {', '.join(ENGINES)}, not '{engine}'")
    if engine != "ray":
        if address is not None:
            raise typer.BadParameter("--ray-address needs --engine ray")
        return None
    # a local Ray gets --processes CPUs; on a cluster, 0 (the default) means every CPU of the cluster
    return RayOptions(address=address, workers=processes if address is not None else worker_count(processes))


@contextmanager
def ray_session(ray: RayOptions | None) -> Iterator[BriefMap | None]:
    """With ``ray``: Ray started or joined for the whole command (reading, then briefs), and the map that
    briefs stories there; without, nothing. A missing Ray or an unreachable cluster exits with 2."""
    if ray is None:
        yield None
        return
    from ..engine import ray_engine

    with ExitStack() as stack:
        try:
            engine = ray_engine()
            stack.enter_context(engine.session(ray))
        except SetupProblem as problem:
            say("error", str(problem))
            raise typer.Exit(code=2) from None
        yield partial(engine.brief_stories, options=ray)


def _read_on_ray(
    paths: list[str],
    limit: int,
    corpus_evidence: bool,
    user_dates: dict[str, datetime],
    meanwhile: Callable[[Corpus, Candidates | None], object] | None,
    follow_links: bool,
    ray: RayOptions,
) -> Corpus:
    """Read, clean and annotate on the Ray engine; a missing Ray or an unreachable cluster exits with 2."""
    from ..engine import ray_engine

    try:
        engine = ray_engine()
        with progress_bar(None, "annotating", enabled=True) as tick:
            corpus: Corpus = engine.run(
                paths,
                ray,
                max_bytes=limit,
                corpus_evidence=corpus_evidence,
                follow_links=follow_links,
                user_dates=user_dates,
                progress=tick,
                meanwhile=meanwhile,
            )
    except SetupProblem as problem:
        say("error", str(problem))
        raise typer.Exit(code=2) from None
    for key in corpus.unused_dates:
        say("warning", f"--date/--dates: '{key}' matches no input", style="yellow")
    return corpus


def output_problem(output: Path) -> str | None:
    """Why ``output`` cannot be written (a :class:`~storybrief.errors.Msg` line), or None."""
    if output.is_dir():
        return Msg.OUTPUT_IS_FOLDER
    folder = Path(os.path.realpath(output)).parent
    if not folder.exists():
        return Msg.OUTPUT_NO_FOLDER.format(folder=output.parent)
    if not folder.is_dir():
        return Msg.OUTPUT_PARENT_NOT_FOLDER.format(folder=output.parent)
    if output.exists():
        if not os.access(output, os.W_OK):
            return Msg.OUTPUT_NOT_WRITABLE
        if not output.is_file():  # a device or a pipe (-o /dev/null) is written in place
            return None
    if not os.access(folder, os.W_OK | os.X_OK):
        return Msg.OUTPUT_FOLDER_NOT_WRITABLE.format(folder=output.parent)
    return None


def check_output(output: Path | None) -> None:
    """Exit 2 with one line when ``-o`` cannot be written: called before any work is done."""
    problem = None if output is None else output_problem(output)
    if problem is not None:
        say("error", f"--output {output}: {problem}")
        raise typer.Exit(code=2)


def _batches(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """``chunks`` joined into pieces of about ``size`` characters (JSON comes in very small pieces)."""
    pending: list[str] = []
    length = 0
    for chunk in chunks:
        pending.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(pending)
            pending, length = [], 0
    if pending:
        yield "".join(pending)


def _write_file(chunks: Iterable[str], output: Path) -> None:
    """Write ``chunks`` to ``output`` through a temporary file in its folder, renamed over it at the end:
    a failed write (a full disk) leaves what was there before, never a truncated file."""
    try:
        old = os.stat(output)
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        with open(output, "w", encoding="utf-8") as device:
            for piece in _batches(chunks):
                device.write(piece)
            device.write("\n")
        return
    target = Path(os.path.realpath(output))  # through a symbolic link: replace its target, keep the link
    temp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            for piece in _batches(chunks):
                file.write(piece)
            file.write("\n")
            file.flush()
            os.fsync(file.fileno())
        if old is not None:
            os.chmod(temp, stat.S_IMODE(old.st_mode))
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def rendered_report(report: Report, format: str) -> str | Iterator[str]:
    """The brief in ``format`` (``md``, ``html`` or ``json``, the last written piece by piece), for
    :func:`write_output`; the renderer is imported only when it is used."""
    if format == "json":
        from ..render.brief_json import report_json_chunks

        return report_json_chunks(report)
    if format == "html":
        from ..render.brief_html import report_html

        return report_html(report)
    from ..render.brief_md import report_markdown

    return report_markdown(report)


def write_output(rendered: str | Iterable[str], output: Path | None) -> None:
    """Write ``rendered`` (a string, or pieces of one) and a final newline to ``output`` or stdout.

    A file is replaced only once it is completely written; if writing fails, one line says why and the
    command exits 2.
    """
    chunks: Iterable[str] = [rendered] if isinstance(rendered, str) else rendered
    if output is None:
        for piece in _batches(chunks):
            sys.stdout.write(piece)
        sys.stdout.write("\n")
        sys.stdout.flush()
        return
    try:
        _write_file(chunks, output)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        say("error", f"--output {output}: {Msg.OUTPUT_WRITE_FAILED.format(reason=reason)}")
        raise typer.Exit(code=2) from None
