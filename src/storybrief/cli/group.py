"""``storybrief group``: duplicates, syndicated copies, rewrites, stories and topics."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .common import (
    DEFAULT_MAX_SIZE,
    DateOpt,
    DatesFileOpt,
    FollowLinksOpt,
    MaxSizeOpt,
    OutputOpt,
    PathsArg,
    ProcessesOpt,
    check_output,
    finish,
    read_grouped,
    start_parsers,
    write_output,
)


class GroupFormat(StrEnum):
    json = "json"
    md = "md"


def group(
    paths: PathsArg,
    format: Annotated[GroupFormat, typer.Option("--format", "-f", help="Output format.")] = GroupFormat.md,
    output: OutputOpt = None,
    streaming: Annotated[
        bool, typer.Option("--streaming", help="Place articles one by one in publication order, as the store does.")
    ] = False,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    date: DateOpt = None,
    dates_file: DatesFileOpt = None,
    processes: ProcessesOpt = 0,
    follow_links: FollowLinksOpt = False,
) -> None:
    """Group articles into stories and topics, marking duplicates, syndicated copies and rewrites."""
    check_output(output)
    parsers = start_parsers(paths, processes)
    from ..render.groups import groups_json_chunks, groups_markdown

    corpus = read_grouped(
        paths,
        max_size=max_size,
        date=date,
        dates_file=dates_file,
        parsers=parsers,
        streaming=streaming,
        follow_links=follow_links,
    )
    write_output(groups_json_chunks(corpus) if format is GroupFormat.json else groups_markdown(corpus), output)
    finish(
        corpus.errors,
        f"{len(corpus.articles)} article(s) in {len(corpus.stories)} story(ies) and {len(corpus.topics)} topic(s), "
        f"{len(corpus.errors)} input(s) failed",
    )
