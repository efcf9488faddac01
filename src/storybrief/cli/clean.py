"""``storybrief clean``: print cleaned articles with their metadata, quotes and dates."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer

from .common import (
    DEFAULT_MAX_SIZE,
    CorpusEvidenceOpt,
    DateOpt,
    DatesFileOpt,
    FollowLinksOpt,
    MaxSizeOpt,
    OutputOpt,
    PathsArg,
    ProcessesOpt,
    check_output,
    finish,
    read_corpus,
    start_parsers,
    write_output,
)


class CleanFormat(StrEnum):
    json = "json"
    md = "md"


def clean(
    paths: PathsArg,
    format: Annotated[CleanFormat, typer.Option("--format", "-f", help="Output format.")] = CleanFormat.md,
    explain: Annotated[bool, typer.Option("--explain", help="Show every removed piece with its reason.")] = False,
    output: OutputOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    corpus_evidence: CorpusEvidenceOpt = True,
    annotate_: Annotated[
        bool,
        typer.Option("--annotate/--no-annotate", help="Find sentences, entities, dates and quotes (uses spaCy)."),
    ] = True,
    date: DateOpt = None,
    dates_file: DatesFileOpt = None,
    processes: ProcessesOpt = 0,
    follow_links: FollowLinksOpt = False,
) -> None:
    """Read article files of any supported format and print them cleaned, with their metadata."""
    check_output(output)
    parsers = start_parsers(paths, processes) if annotate_ else None
    from ..render.articles import articles_json_chunks, articles_markdown

    corpus = read_corpus(
        paths,
        max_size=max_size,
        corpus_evidence=corpus_evidence,
        annotate=annotate_,
        date=date,
        dates_file=dates_file,
        parsers=parsers,
        follow_links=follow_links,
    )
    rendered: str | Iterator[str]
    if format is CleanFormat.json:
        rendered = articles_json_chunks(corpus.articles, corpus.errors, corpus.quote_groups)
    else:
        rendered = articles_markdown(corpus.articles, corpus.errors, explain=explain, quote_groups=corpus.quote_groups)
    write_output(rendered, output)
    finish(corpus.errors, f"{len(corpus.articles)} article(s) cleaned, {len(corpus.errors)} input(s) failed")
