"""One brief per story, and timelines per topic: the synthesize stage over a grouped corpus."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..model import Article, QuoteGroup, Report, Story, StoryBrief, TopicBrief
from .compare import compare_sources
from .quotes import key_quotes
from .sentences import build_matrix, story_units
from .summary import DEFAULT_WORDS, headline, summarize
from .timeline import DEFAULT_DATES, DEFAULT_SENTENCES, build_timeline

if TYPE_CHECKING:
    from ..pipeline import Corpus


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
    return StoryBrief(
        id=story.id,
        headline=headline(articles, matrix),
        topic=story.topic,
        articles=[a.id for a in articles],
        summary=summarize(articles, words, units=units, matrix=matrix),
        quotes=key_quotes(articles, quote_groups),
        timeline=build_timeline(
            articles, dates=timeline_dates, sentences=timeline_sentences, story_of=story_of, units=units, matrix=matrix
        ),
        comparison=compare_sources(articles, units, matrix),
    )


def build_report(
    corpus: Corpus,
    *,
    words: int = DEFAULT_WORDS,
    timeline_dates: int = DEFAULT_DATES,
    timeline_sentences: int = DEFAULT_SENTENCES,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Briefs for every story of a grouped corpus, and a timeline per topic across its stories."""
    by_id = {a.id: a for a in corpus.articles}
    groups_of: dict[str, list[QuoteGroup]] = {}
    for group in corpus.quote_groups:  # each story looks only at the quote groups of its own articles
        for aid in group.articles:
            groups_of.setdefault(aid, []).append(group)
    briefs = []
    for story in corpus.stories:
        members = [by_id[i] for i in story.articles]
        own = {id(g): g for aid in story.articles for g in groups_of.get(aid, [])}
        briefs.append(
            brief_story(
                story,
                members,
                list(own.values()),
                words=words,
                timeline_dates=timeline_dates,
                timeline_sentences=timeline_sentences,
            )
        )
        if progress is not None:
            progress(story.id)
    stories = {s.id: s for s in corpus.stories}
    topics = []
    for topic in corpus.topics:
        members = [by_id[a] for sid in topic.stories for a in stories[sid].articles]
        story_of = {a: sid for sid in topic.stories for a in stories[sid].articles}
        timeline = build_timeline(members, dates=timeline_dates, sentences=timeline_sentences, story_of=story_of)
        topics.append(TopicBrief(topic.id, topic.label, list(topic.stories), timeline))
    return Report(list(corpus.articles), briefs, topics, list(corpus.errors))
