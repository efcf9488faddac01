"""The library calls the CLI (and later the web app and the distributed runner) are thin shells over."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import ExitStack, nullcontext
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from .ingest import DEFAULT_MAX_BYTES, MAX_CONTAINER_BYTES, PathsLike, as_paths
from .model import Article, Corpus, Report, Story

if TYPE_CHECKING:
    from .annotate.workers import ParserPool
    from .group import DuplicateGroup
    from .group.features import ArticleFeatures
    from .model import QuoteGroup
    from .store.grow import AddSummary

# groups a corpus's articles into batch stories elsewhere: (articles, quote groups, threshold) -> (stories,
# the articles' weighed features)
StoriesBy = Callable[[list[Article], list["QuoteGroup"], float], tuple[list[Story], list["ArticleFeatures"]]]
GROUP_ELSEWHERE_FROM = 2000  # articles; below this, starting the distributed group-bys costs more than it saves


def load(
    paths: PathsLike,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    corpus_evidence: bool = True,
    progress: Callable[[str], None] | None = None,
    follow_links: bool = False,
    max_container_bytes: int = MAX_CONTAINER_BYTES,
) -> Corpus:
    """Ingest and clean ``paths`` (files, folders, ``-``; one path or several): the foundation of every
    storybrief command.

    ``max_bytes`` limits each document (each record of a JSONL, JSON or WARC file, which are limited as a
    whole by ``max_container_bytes``); ``follow_links`` follows symbolic links out of input folders.
    """
    from .engine.local import load as load_here

    return load_here(
        paths,
        max_bytes=max_bytes,
        corpus_evidence=corpus_evidence,
        progress=progress,
        follow_links=follow_links,
        max_container_bytes=max_container_bytes,
    )


def annotate_corpus(
    corpus: Corpus,
    *,
    user_dates: Mapping[str, datetime] | None = None,
    n_process: int = 1,
    parsers: ParserPool | None = None,
    progress: Callable[[Article], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Corpus:
    """Sentences, entities, dates and quotes for every article; quotes shared across articles linked.

    ``user_dates`` maps inputs (paths, ``path:line``, file names) to publication dates given by the
    user; they win over dates found in the text. Undated articles get an inferred publication window.
    spaCy runs in ``parsers`` when given (started before reading, so that loading the model overlaps
    with it), else in ``n_process`` processes. ``meanwhile`` is run while the workers parse: work of
    the caller's that needs no annotation.
    """
    from .engine.local import annotate

    return annotate(
        corpus, user_dates=user_dates, n_process=n_process, parsers=parsers, progress=progress, meanwhile=meanwhile
    )


def group_corpus(
    corpus: Corpus,
    *,
    streaming: bool = False,
    single_story: bool = False,
    story_threshold: float | None = None,
    topic_threshold: float | None = None,
    duplicates: list[DuplicateGroup] | None = None,
    stories_by: StoriesBy | None = None,
) -> Corpus:
    """Duplicates, syndication groups, rewrites, stories and topics of an annotated corpus.

    ``streaming`` places articles one by one in publication order (what the store does) instead of
    clustering all at once; ``single_story`` puts every article in one story. ``duplicates`` are those
    :func:`~storybrief.group.find_duplicates` already found on these very articles (they need no
    annotation, so :func:`brief` finds them while spaCy's workers parse). ``stories_by`` groups the batch
    stories elsewhere (the Ray engine's :func:`~storybrief.engine.ray_group.group_stories`) and returns
    them with the articles' features.
    """
    from .group import find_duplicates, find_rewrites, group_stories, group_topics, syndication_groups
    from .group.stories import BATCH_STORY_THRESHOLD, STORY_THRESHOLD, article_features, stream_stories
    from .group.topics import TOPIC_THRESHOLD

    articles = corpus.articles
    if duplicates is None:
        duplicates = find_duplicates(articles)
    corpus.syndications = syndication_groups(articles, duplicates)
    threshold = STORY_THRESHOLD if story_threshold is None else story_threshold
    if stories_by is not None and not single_story and not streaming and len(articles) >= GROUP_ELSEWHERE_FROM:
        batch = BATCH_STORY_THRESHOLD if story_threshold is None else story_threshold
        corpus.stories, features = stories_by(articles, corpus.quote_groups, batch)
    else:
        features = article_features(articles, corpus.quote_groups)
        if single_story:
            corpus.stories = [Story(id="s1", articles=[a.id for a in articles])] if articles else []
        elif streaming:
            corpus.stories = stream_stories(articles, corpus.quote_groups, threshold=threshold)
        else:
            corpus.stories = group_stories(articles, corpus.quote_groups, threshold=story_threshold, features=features)
    story_of = {aid: story for story in corpus.stories for aid in story.articles}
    for article in articles:
        article.story = story_of[article.id].id
    candidates = {aid: [b for b in story.articles if b != aid][:50] for aid, story in story_of.items()}
    find_rewrites(articles, candidates)
    corpus.topics = group_topics(
        corpus.stories, features, articles, threshold=TOPIC_THRESHOLD if topic_threshold is None else topic_threshold
    )
    return corpus


def brief(
    paths: PathsLike | Corpus,
    *,
    words: int | None = None,
    single_story: bool = False,
    streaming: bool = False,
    timeline_dates: int | None = None,
    timeline_sentences: int | None = None,
    user_dates: Mapping[str, datetime] | None = None,
    n_process: int = 1,
    progress: Callable[[str, str], None] | None = None,
    engine: str = "local",
    ray_address: str | None = None,
) -> Report:
    """The whole pipeline: read, clean, annotate, group and brief ``paths`` (or an already loaded corpus).

    Returns the typed :class:`~storybrief.model.Report`: one brief per story (cited summary, headline,
    key quotes, timeline, source comparison), topics with their timelines, and every unreadable input.
    ``progress`` is called with a stage name and an item name as work advances. ``engine="ray"`` reads,
    cleans and annotates on Ray Data (``pip install 'storybrief[ray]'``), and briefs the stories there when
    there are many: a local Ray with ``n_process`` CPUs, or the cluster at ``ray_address`` (``"auto"``: the
    one running on this machine); the report is the local engine's.
    """
    from .engine import check_engine

    check_engine(engine)
    from .synthesize.brief import build_report
    from .synthesize.summary import DEFAULT_WORDS
    from .synthesize.timeline import DEFAULT_DATES, DEFAULT_SENTENCES

    def tick(stage: str) -> Callable[[str], None]:
        return lambda name: progress(stage, name) if progress is not None else None

    found: list[list[DuplicateGroup]] = []  # duplicates need no annotation: found while the workers parse
    with ExitStack() as stack:
        elsewhere = None
        stories_by: StoriesBy | None = None
        if isinstance(paths, Corpus):
            corpus = paths
        elif engine == "ray":
            from .engine import RayOptions, ray_engine
            from .group import find_duplicates

            ray = ray_engine()
            options = RayOptions(address=ray_address, workers=n_process)
            stack.enter_context(ray.session(options))  # one Ray for the reading and the briefs
            corpus = ray.run(
                paths,
                options,
                user_dates=user_dates,
                progress=tick("annotating"),
                meanwhile=lambda c, pairs: found.append(find_duplicates(c.articles, candidates=pairs)),
            )
            elsewhere = partial(ray.brief_stories, options=options)
            from .engine import ray_group

            stories_by = partial(ray_group.group_stories, options=options)
        else:
            from .annotate.workers import ParserPool
            from .group import find_duplicates

            paths = as_paths(paths)
            with ParserPool.for_inputs(paths, n_process) if n_process > 1 else nullcontext() as parsers:
                corpus = load(paths, progress=tick("reading"))
                annotate_corpus(
                    corpus,
                    user_dates=user_dates,
                    parsers=parsers,
                    progress=lambda a: tick("annotating")(a.id),
                    meanwhile=lambda: found.append(find_duplicates(corpus.articles)),
                )
        group_corpus(
            corpus,
            single_story=single_story,
            streaming=streaming,
            duplicates=found[0] if found else None,
            stories_by=stories_by,
        )
        return build_report(
            corpus,
            words=DEFAULT_WORDS if words is None else words,
            timeline_dates=DEFAULT_DATES if timeline_dates is None else timeline_dates,
            timeline_sentences=DEFAULT_SENTENCES if timeline_sentences is None else timeline_sentences,
            n_process=n_process,
            progress=tick("briefing"),
            elsewhere=elsewhere,
        )


def add(
    paths: PathsLike,
    db: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_links: bool = False,
    n_process: int = 1,
    batch_files: int = 50,
    progress: Callable[[str], None] | None = None,
    engine: str = "local",
    ray_address: str | None = None,
) -> AddSummary:
    """Add what is new among ``paths`` to the library ``db`` (default: ``STORYBRIEF_DB`` or
    ``storybrief.db``): read, clean and annotate only new inputs and place their articles into the stored
    stories, ``batch_files`` inputs per transaction. See :mod:`storybrief.store.grow`. ``engine="ray"``
    reads, cleans and annotates each batch on Ray Data, as :func:`brief` does (give it larger batches:
    each batch is one Ray job); the library is the local engine's with the same ``batch_files``."""
    from .engine import RayOptions, check_engine
    from .store import default_db
    from .store.grow import add as grow

    check_engine(engine)
    ray = RayOptions(address=ray_address, workers=n_process) if engine == "ray" else None
    return grow(
        paths,
        db or default_db(),
        max_bytes=max_bytes,
        follow_links=follow_links,
        processes=n_process,
        batch_files=batch_files,
        progress=progress,
        ray=ray,
    )


def brief_from_store(
    db: str | None = None,
    *,
    story: str | None = None,
    topic: str | None = None,
    since: datetime | None = None,
    words: int | None = None,
    timeline_dates: int | None = None,
    timeline_sentences: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """The brief of a library (or one ``story``, ``topic``, or the stories with articles ``since`` a day),
    without reading or annotating anything; unchanged stories' briefs come from the library's cache."""
    from .defaults import SUMMARY_WORDS, TIMELINE_DATES, TIMELINE_SENTENCES
    from .store import default_db
    from .store.briefs import BriefOptions, report_from_store

    options = BriefOptions(
        SUMMARY_WORDS if words is None else words,
        TIMELINE_DATES if timeline_dates is None else timeline_dates,
        TIMELINE_SENTENCES if timeline_sentences is None else timeline_sentences,
    )
    report, _ = report_from_store(db or default_db(), options, story=story, topic=topic, since=since, progress=progress)
    return report
