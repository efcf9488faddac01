"""``storybrief reindex``: derived data made again from the stored clean text, after a pipeline upgrade.

Two steps, each in batches of one transaction, so that a reindex killed at any moment continues where it
stopped when run again:

1. **annotate**: every article whose row names another pipeline version is annotated again from its stored
   clean text (sentences, entities, dates, quotes) and marked with this version;
2. **place**: the placement state (document frequencies, features, candidate keys, story sums), quote groups,
   copies, syndication, rewrites and topic centroids are rebuilt by replaying the articles in the order they
   were first placed. Stories keep their members and ids (a reindex never moves an article shown in a story);
   their content versions change, so their cached briefs are rebuilt when next asked for.

Until both are done the library refuses ``add`` (its placement state is half old, half new) but still briefs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import Msg
from ..model.serial import article_from_dict
from .library import Library, LibraryError

BATCH = 50  # articles per transaction
CURSOR = "reindex_cursor"  # the last article (seq) replayed by step 2


@dataclass(slots=True)
class ReindexSummary:
    annotated: int = 0
    placed: int = 0
    total: int = 0
    stories: int = 0

    def line(self) -> str:
        if not self.annotated and not self.placed:
            return f"nothing to reindex: all {self.total} article(s) are of this storybrief's pipeline"
        return (
            f"{self.annotated} article(s) annotated again, {self.placed} placed again (of {self.total});"
            f" {self.stories} story(ies) kept their articles"
        )


def pending(db: str) -> tuple[int, int]:
    """(articles to annotate again, articles to place again): what a reindex has to do."""
    with Library(db, create=False) as lib:
        annotate = lib.count_to_reindex()
        if not annotate and lib.reindex_needed() is None:
            return 0, 0
        cursor = lib.meta(CURSOR, "")
        return annotate, lib.count_placed_after(int(cursor or 0))


def reindex(
    db: str,
    *,
    processes: int = 1,
    batch: int = BATCH,
    progress: Callable[[str], None] | None = None,
) -> ReindexSummary:
    """Bring the library ``db`` to this storybrief's pipeline; see the module doc."""
    summary = ReindexSummary()
    with Library(db, create=False) as lib:
        summary.total = lib.article_count()
        if lib.count_to_reindex():
            from ..annotate.workers import ParserPool

            with ParserPool.for_inputs([db], processes) if processes > 1 else nullcontext() as parsers:
                while _annotate_batch(lib, batch, parsers, summary, progress):
                    pass
        if lib.reindex_needed() is None:
            return summary
        while _place_batch(lib, batch, summary, progress):
            pass
        summary.stories = len(lib.stories())
    return summary


def _annotate_batch(
    lib: Library,
    batch: int,
    parsers: object,
    summary: ReindexSummary,
    progress: Callable[[str], None] | None,
) -> bool:
    from ..model import Corpus
    from ..pipeline import annotate_corpus

    rows = lib.articles_to_reindex(batch)
    if not rows:
        return False
    articles = [article_from_dict(json.loads(data)) for _, data in rows]
    for article in articles:
        article.sentences, article.entities, article.dates, article.quotes = [], [], [], []
        if article.published is None:
            article.published_window = None
    annotate_corpus(Corpus(articles=articles), parsers=parsers)  # type: ignore[arg-type]
    with lib.write():
        lib.set_reindex_needed("annotations changed")  # placement must be replayed over the new annotations
        lib.set_meta(CURSOR, "")
        for article in articles:
            lib.set_article_annotation(article.id, json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True))
    summary.annotated += len(articles)
    if progress is not None:
        for article in articles:
            progress(article.id)
    return True


def _place_batch(lib: Library, batch: int, summary: ReindexSummary, progress: Callable[[str], None] | None) -> bool:
    from .grow import AddSummary, place_batch

    now = datetime.now(UTC).isoformat(timespec="seconds")
    with lib.write():
        cursor = lib.meta(CURSOR, "")
        if not cursor:  # the replay starts: forget the old placement state
            lib.clear_placement()
            cursor = "0"
        rows = lib.articles_after(int(cursor), batch)
        if not rows:
            lib.set_reindex_needed(None)
            lib.set_meta(CURSOR, "")
            lib.bump_generation()
            return False
        articles = [article_from_dict(json.loads(data)) for _, data, _ in rows]
        stories = lib.stories_of(a.id for a in articles)
        missing = [a.id for a in articles if a.id not in stories]
        if missing:
            raise LibraryError(Msg.LIBRARY_UNUSABLE.format(path=lib.path, reason=f"article {missing[0]} has no story"))
        place_batch(lib, [(a, 0) for a in articles], AddSummary(), now, placed=stories)
        lib.set_meta(CURSOR, str(rows[-1][0]))
        lib.bump_generation()
    summary.placed += len(articles)
    if progress is not None:
        for article in articles:
            progress(article.id)
    return True
