"""``storybrief brief --db``: briefs from the library, without reading or annotating anything."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import typer

from ..errors import Msg
from .common import finish, progress_bar, rendered_report, say, write_output


def brief_store(
    db: str | None,
    output: Path | None,
    format: str,
    words: int,
    timeline_dates: int,
    timeline_sentences: int,
    story: str | None,
    topic: str | None,
    since: str | None,
) -> None:
    from ..store import default_db
    from ..store.briefs import BriefOptions, Selection, report_from_store
    from ..store.library import LibraryError

    when = None
    if since is not None:
        try:
            when = datetime.fromisoformat(since)
        except ValueError:
            raise typer.BadParameter(f"'{since}' is not a date; use YYYY-MM-DD", param_hint="--since") from None
    path = db or default_db()
    if db is None and not os.path.exists(path):  # `storybrief brief` alone: the default library, if any
        say("error", Msg.NO_DEFAULT_LIBRARY.format(path=path))
        raise typer.Exit(code=2)
    options = BriefOptions(words, timeline_dates, timeline_sentences)
    try:
        with progress_bar(None, "briefing", enabled=True) as tick:
            report, rebuilt = report_from_store(path, options, story=story, topic=topic, since=when, progress=tick)
    except (LibraryError, Selection) as problem:
        say("error", str(problem))
        raise typer.Exit(code=2) from None
    write_output(rendered_report(report, format), output)
    finish(
        report.errors,
        f"{len(report.articles)} article(s), {len(report.stories)} story(ies) ({rebuilt} rebuilt, the rest cached),"
        f" {len(report.topics)} topic(s)",
    )
