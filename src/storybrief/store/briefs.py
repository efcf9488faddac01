"""Briefs from the library: no reading, no annotation; each story's brief is cached with its content version.

A story's brief is rebuilt only when the story changed since it was cached (its version is a hash of its
articles, their quote groups and its membership) or the brief's parameters or storybrief's pipeline
changed. Briefs are made by the same :func:`~storybrief.synthesize.brief.brief_story` as a brief from
files, and rendered by the same renderers.
"""

from __future__ import annotations

import io
import json
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import Msg
from ..model import Article, Report, Story, StoryBrief, TopicBrief
from .library import Library


class Selection(Exception):
    """A story or topic that is not in the library: one line for the user."""


@dataclass(slots=True)
class BriefOptions:
    words: int
    timeline_dates: int
    timeline_sentences: int

    def key(self) -> str:
        return json.dumps([self.words, self.timeline_dates, self.timeline_sentences])


def _day(article: Article) -> date | None:
    if article.published is not None:
        return article.published.date()
    window = article.published_window
    return window.latest if window is not None else None


def _size_order(stories: Sequence[Story], number: dict[str, int]) -> list[Story]:
    return sorted(stories, key=lambda s: (-len(s.articles), number[s.id]))


def report_from_store(
    db: str,
    options: BriefOptions,
    *,
    story: str | None = None,
    topic: str | None = None,
    since: datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Report, int]:
    """The report of the whole library or of one story, topic or period; also how many briefs were rebuilt."""
    with Library(db, create=False) as lib:
        with lib.read():  # one snapshot: never half of a batch another add is writing
            stored = lib.stories()
            topics = [t for t, _ in lib.topics()]
            whole = story is None and topic is None and since is None
            errors = lib.input_errors() if whole else []
            by_id = {s.story.id: s.story for s in stored}
            if story is not None:
                current = lib.resolve_story(story)
                if current is None:
                    raise Selection(Msg.STORY_NOT_FOUND.format(story=story))
                chosen = [by_id[current]]
                topics = []
            elif topic is not None:
                topics = [t for t in topics if t.id == topic]
                if not topics:
                    raise Selection(Msg.TOPIC_NOT_FOUND.format(topic=topic))
                chosen = [by_id[sid] for sid in topics[0].stories]
            else:
                chosen = list(by_id.values())
            articles = {a.id: a for a in lib.articles([aid for s in chosen for aid in s.articles])}
            groups = lib.quote_groups(articles)
            version = {s.story.id: s.version for s in stored}
            key = options.key()
            cached = {s.id: lib.cached_brief(s.id, key, version[s.id]) for s in chosen}
        number = {s.story.id: s.number for s in stored}
        if since is not None:
            cutoff = since.date()
            chosen = [
                s for s in chosen if any((d := _day(articles[a])) is not None and d >= cutoff for a in s.articles)
            ]
            kept = {s.id for s in chosen}
            topics = [t for t in topics if set(t.stories) <= kept]
        chosen = _size_order(chosen, number)
        groups_of: dict[str, list[int]] = {}
        for n, group in enumerate(groups):
            for aid in group.articles:
                groups_of.setdefault(aid, []).append(n)
        briefs: list[StoryBrief] = []
        rebuilt: list[tuple[str, bytes]] = []
        for s in chosen:
            data = cached[s.id]
            brief = _unpickle(data) if data is not None else None
            if brief is None:
                from ..synthesize.brief import brief_story  # imported only when a brief must be made

                own = sorted({n for aid in s.articles for n in groups_of.get(aid, [])})
                brief = brief_story(
                    s,
                    [articles[a] for a in s.articles],
                    [groups[n] for n in own],
                    words=options.words,
                    timeline_dates=options.timeline_dates,
                    timeline_sentences=options.timeline_sentences,
                )
                rebuilt.append((s.id, pickle.dumps(brief)))
            briefs.append(brief)
            if progress is not None:
                progress(s.id)
        if rebuilt:
            with lib.write():
                for sid, data in rebuilt:
                    lib.store_brief(sid, key, version[sid], data)
        by_story = {b.id: b for b in briefs}
        topic_briefs = []
        for t in topics:
            if len(t.stories) == 1:
                timeline = list(by_story[t.stories[0]].timeline)
            else:
                from ..synthesize.timeline import build_timeline

                members = [articles[a] for sid in t.stories for a in by_id[sid].articles]
                story_of = {a: sid for sid in t.stories for a in by_id[sid].articles}
                timeline = build_timeline(
                    members, dates=options.timeline_dates, sentences=options.timeline_sentences, story_of=story_of
                )
            topic_briefs.append(TopicBrief(t.id, t.label, list(t.stories), timeline))
            if len(t.stories) > 1:  # numbers that disagree between the topic's stories
                from ..synthesize.compare import topic_disagreements

                topic_briefs[-1].disagreements = topic_disagreements(members, story_of)
    shown = [articles[a] for s in chosen for a in s.articles]
    return Report(shown, briefs, topic_briefs, errors), len(rebuilt)


class _BriefUnpickler(pickle.Unpickler):
    """Reads back only what this module writes: storybrief's own records and a few standard value types.

    A library may come from somebody else (a shared folder, a download); a pickle that names any other
    class or function (``os.system``, ``builtins.eval``) is refused instead of run, and the brief rebuilt.
    """

    _ALLOWED = frozenset({("datetime", "datetime"), ("datetime", "date"), ("datetime", "timezone"),
                          ("datetime", "timedelta"), ("builtins", "frozenset"), ("builtins", "set")})  # fmt: skip

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("storybrief.model") or (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"a cached brief may not name {module}.{name}")


def _unpickle(data: bytes) -> StoryBrief | None:
    """A cached brief, or None when it cannot be read back or names anything but storybrief's records
    (then it is rebuilt)."""
    try:
        brief = _BriefUnpickler(io.BytesIO(data)).load()
    except Exception:
        return None
    return brief if isinstance(brief, StoryBrief) else None
