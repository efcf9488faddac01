"""``storybrief brief``: one cited brief per story — the product's main command."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..defaults import SUMMARY_WORDS, TIMELINE_DATES, TIMELINE_SENTENCES
from .common import (
    DEFAULT_MAX_SIZE,
    DateOpt,
    DatesFileOpt,
    EngineOpt,
    FollowLinksOpt,
    MaxSizeOpt,
    OutputOpt,
    ProcessesOpt,
    RayAddressOpt,
    check_output,
    finish,
    progress_bar,
    ray_options,
    ray_session,
    read_grouped,
    rendered_report,
    start_parsers,
    worker_count,
    write_output,
)


class BriefFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


def brief(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (read recursively) or - for standard input; none with --db."),
    ] = None,
    output: OutputOpt = None,
    format: Annotated[BriefFormat, typer.Option("--format", "-f", help="Markdown, self-contained HTML or JSON.")] = (
        BriefFormat.md
    ),
    words: Annotated[int, typer.Option("--words", "-w", min=10, help="Word budget of each story's summary.")] = (
        SUMMARY_WORDS
    ),
    single_story: Annotated[
        bool, typer.Option("--single-story", help="Treat all input as one story (no grouping).")
    ] = False,
    timeline_dates: Annotated[
        int, typer.Option("--timeline-dates", min=1, help="Dates per timeline.")
    ] = TIMELINE_DATES,
    timeline_sentences: Annotated[
        int, typer.Option("--timeline-sentences", min=1, help="Sentences per timeline date.")
    ] = TIMELINE_SENTENCES,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    date: DateOpt = None,
    dates_file: DatesFileOpt = None,
    processes: ProcessesOpt = 0,
    follow_links: FollowLinksOpt = False,
    db: Annotated[
        str | None, typer.Option("--db", help="Brief from this library (see `storybrief add`) instead of PATHs.")
    ] = None,
    story: Annotated[str | None, typer.Option("--story", help="With --db: only this story.")] = None,
    topic: Annotated[str | None, typer.Option("--topic", help="With --db: only the stories of this topic.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="With --db: only stories with articles from this day on (YYYY-MM-DD).")
    ] = None,
    engine: EngineOpt = "local",
    ray_address: RayAddressOpt = None,
) -> None:
    """Brief the stories in PATHs: cited summary, key quotes, timeline and source comparison for each."""
    check_output(output)
    if db is not None or not paths:
        if paths:
            raise typer.BadParameter("give either PATHs or --db, not both")
        from .brief_store import brief_store

        brief_store(db, output, str(format), words, timeline_dates, timeline_sentences, story, topic, since)
        return
    if story is not None or topic is not None or since is not None:
        raise typer.BadParameter("--story, --topic and --since need --db")
    ray = ray_options(engine, ray_address, processes)
    parsers = None if ray is not None else start_parsers(paths, processes)
    from ..synthesize.brief import build_report

    with ray_session(ray) as elsewhere:  # one Ray for reading and briefs
        corpus = read_grouped(
            paths,
            max_size=max_size,
            date=date,
            dates_file=dates_file,
            parsers=parsers,
            single_story=single_story,
            follow_links=follow_links,
            ray=ray,
        )
        with progress_bar(len(corpus.stories), "briefing", enabled=True) as tick:
            report = build_report(
                corpus,
                words=words,
                timeline_dates=timeline_dates,
                timeline_sentences=timeline_sentences,
                n_process=worker_count(processes),
                progress=tick,
                elsewhere=elsewhere,
            )
    write_output(rendered_report(report, format), output)
    finish(
        corpus.errors,
        f"{len(corpus.articles)} article(s), {len(report.stories)} story(ies), {len(report.topics)} topic(s); "
        f"{len(corpus.errors)} input(s) failed",
    )
