"""One brief per story, and timelines per topic: the synthesize stage over a grouped corpus."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article, NumberDisagreement, QuoteGroup, Report, Story, StoryBrief, TimelineEntry, Topic, TopicBrief
from .compare import compare_sources, topic_disagreements
from .quotes import key_quotes
from .sentences import build_matrix, story_units
from .summary import DEFAULT_WORDS, headline, summarize
from .support import SupportIndex
from .timeline import DEFAULT_DATES, DEFAULT_SENTENCES, build_timeline, undated_story

if TYPE_CHECKING:
    from ..model import Corpus


def brief_story(
    story: Story,
    articles: Sequence[Article],
    quote_groups: Sequence[QuoteGroup] = (),
    *,
    words: int = DEFAULT_WORDS,
    timeline_dates: int = DEFAULT_DATES,
    timeline_sentences: int = DEFAULT_SENTENCES,
) -> StoryBrief:
    """The brief of one story; ``articles`` are the story's articles."""
    units = story_units(articles)
    matrix = build_matrix(units) if units else None
    story_of = {a.id: story.id for a in articles}
    support = SupportIndex(articles, units, matrix)
    return StoryBrief(
        id=story.id,
        headline=headline(articles, matrix),
        topic=story.topic,
        articles=[a.id for a in articles],
        summary=summarize(articles, words, units=units, matrix=matrix, support=support),
        quotes=key_quotes(articles, quote_groups),
        timeline=build_timeline(
            articles,
            dates=timeline_dates,
            sentences=timeline_sentences,
            story_of=story_of,
            units=units,
            matrix=matrix,
            support=support,
        ),
        comparison=compare_sources(articles, units, matrix, support),
        undated=undated_story(articles),
    )


@dataclass(slots=True)
class _Job:
    """What every story's brief needs; set before worker processes fork, so they inherit it unpickled."""

    corpus: Corpus
    by_id: dict[str, Article]
    groups_of: dict[str, list[QuoteGroup]]
    words: int
    timeline_dates: int
    timeline_sentences: int


_JOB: _Job | None = None
PARALLEL_FROM = 200  # stories; below this, starting processes costs more than it saves


@dataclass(slots=True)
class BriefTask:
    """Everything one story's brief needs, self-contained: what an engine sends to a worker elsewhere."""

    story: Story
    articles: list[Article]
    quote_groups: list[QuoteGroup]
    words: int
    timeline_dates: int
    timeline_sentences: int

    def run(self) -> StoryBrief:
        return brief_story(
            self.story,
            self.articles,
            self.quote_groups,
            words=self.words,
            timeline_dates=self.timeline_dates,
            timeline_sentences=self.timeline_sentences,
        )


# briefs a list of tasks elsewhere (the Ray engine's brief_stories), returning them in order
BriefMap = Callable[[Sequence[BriefTask]], Iterator[StoryBrief]]


def _task(story: Story) -> BriefTask:
    assert _JOB is not None
    job = _JOB
    own = {id(g): g for aid in story.articles for g in job.groups_of.get(aid, [])}
    articles = [job.by_id[i] for i in story.articles]
    return BriefTask(story, articles, list(own.values()), job.words, job.timeline_dates, job.timeline_sentences)


def _brief_one(story: Story) -> StoryBrief:
    return _task(story).run()


def _brief_many(stories: Sequence[Story]) -> list[StoryBrief]:
    return [_brief_one(story) for story in stories]


def _topic_timeline(topic: Topic, briefs: dict[str, StoryBrief]) -> list[TimelineEntry]:
    assert _JOB is not None
    job = _JOB
    if len(topic.stories) == 1:  # the topic's timeline is its one story's
        return list(briefs[topic.stories[0]].timeline)
    stories = {s.id: s for s in job.corpus.stories}
    members = [job.by_id[a] for sid in topic.stories for a in stories[sid].articles]
    story_of = {a: sid for sid in topic.stories for a in stories[sid].articles}
    return build_timeline(members, dates=job.timeline_dates, sentences=job.timeline_sentences, story_of=story_of)


def _topic_numbers(topic: Topic) -> list[NumberDisagreement]:
    """Numbers that disagree between the topic's stories (none for a topic of one story)."""
    assert _JOB is not None
    if len(topic.stories) < 2:
        return []
    stories = {s.id: s for s in _JOB.corpus.stories}
    members = [_JOB.by_id[a] for sid in topic.stories for a in stories[sid].articles]
    return topic_disagreements(members, {a: sid for sid in topic.stories for a in stories[sid].articles})


def _briefs(
    stories: Sequence[Story], n_process: int, progress: Callable[[str], None] | None, elsewhere: BriefMap | None = None
) -> Iterator[StoryBrief]:
    """Briefs in story order: here, in ``n_process`` forked processes for many stories, or ``elsewhere``."""
    if elsewhere is not None and len(stories) >= PARALLEL_FROM:
        for story, story_brief in zip(stories, elsewhere([_task(s) for s in stories]), strict=True):
            yield story_brief
            if progress is not None:
                progress(story.id)
        return
    if n_process <= 1 or len(stories) < PARALLEL_FROM or "fork" not in mp.get_all_start_methods():
        for story in stories:
            yield _brief_one(story)
            if progress is not None:
                progress(story.id)
        return
    size = max(1, min(50, len(stories) // (4 * n_process)))
    chunks = [stories[i : i + size] for i in range(0, len(stories), size)]
    with ProcessPoolExecutor(max_workers=n_process, mp_context=mp.get_context("fork")) as pool:
        for chunk, done in zip(chunks, pool.map(_brief_many, chunks), strict=True):
            for story, story_brief in zip(chunk, done, strict=True):
                yield story_brief
                if progress is not None:
                    progress(story.id)


def build_report(
    corpus: Corpus,
    *,
    words: int = DEFAULT_WORDS,
    timeline_dates: int = DEFAULT_DATES,
    timeline_sentences: int = DEFAULT_SENTENCES,
    n_process: int = 1,
    progress: Callable[[str], None] | None = None,
    elsewhere: BriefMap | None = None,
) -> Report:
    """Briefs for every story of a grouped corpus, and a timeline per topic across its stories.

    Stories are briefed independently of one another, so with ``n_process`` above one and many stories
    they are spread over forked processes; or, with ``elsewhere`` (an engine's map over
    :class:`BriefTask`), sent there.
    """
    global _JOB
    groups_of: dict[str, list[QuoteGroup]] = {}
    for group in corpus.quote_groups:  # each story looks only at the quote groups of its own articles
        for aid in group.articles:
            groups_of.setdefault(aid, []).append(group)
    _JOB = _Job(corpus, {a.id: a for a in corpus.articles}, groups_of, words, timeline_dates, timeline_sentences)
    try:
        briefs = list(_briefs(corpus.stories, n_process, progress, elsewhere))
        by_story = {b.id: b for b in briefs}
        topics = [
            TopicBrief(
                topic.id, topic.label, list(topic.stories), _topic_timeline(topic, by_story), _topic_numbers(topic)
            )
            for topic in corpus.topics
        ]
    finally:
        _JOB = None
    return Report(list(corpus.articles), briefs, topics, list(corpus.errors))
