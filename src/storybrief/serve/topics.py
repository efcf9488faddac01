"""The topics page: the latest (or biggest) topics with their stories, and the search box."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..store.library import LibraryReads, StoryCard
from .common import library, page, page_links, settings

router = APIRouter()
TOPICS_PER_PAGE = 20


@dataclass(slots=True)
class TopicCard:
    id: str | None  # None: the stories that belong to no topic
    label: str
    stories: list[StoryCard]

    @property
    def articles(self) -> int:
        return sum(s.articles for s in self.stories)

    @property
    def first(self) -> str | None:
        return min((s.first for s in self.stories if s.first), default=None)

    @property
    def last(self) -> str | None:
        return max((s.last for s in self.stories if s.last), default=None)

    @property
    def languages(self) -> list[str]:
        return sorted({la for s in self.stories for la in s.languages})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "articles": self.articles,
            "first": self.first,
            "last": self.last,
            "languages": self.languages,
            "stories": [story_dict(s) for s in self.stories],
        }


def story_dict(card: StoryCard) -> dict[str, Any]:
    return {
        "id": card.id,
        "title": card.title,
        "topic": card.topic,
        "articles": card.articles,
        "first": card.first,
        "last": card.last,
        "languages": card.languages,
        "changed_at": card.changed_at,
    }


def topic_cards(request: Request, lib: LibraryReads, order: str = "latest") -> list[TopicCard]:
    """Every topic with its stories' cards, latest (newest article) or biggest (most articles) first;
    kept in memory until the library changes."""
    cache = settings(request).pages
    with lib.read():
        key = ("topics", str(lib.generation()), order)
        found: list[TopicCard] | None = cache.get(key)
        if found is not None:
            return found
        cards = {c.id: c for c in lib.story_cards()}
        topics = [TopicCard(t.id, t.label, [cards[s] for s in t.stories if s in cards]) for t, _ in lib.topics()]
    placed = {s.id for t in topics for s in t.stories}
    loose = [c for c in cards.values() if c.id not in placed]
    if loose:
        topics.append(TopicCard(None, "Stories without a topic", loose))
    if order == "biggest":
        topics.sort(key=lambda t: -t.articles)
    else:
        topics.sort(key=lambda t: t.last or "", reverse=True)
    for t in topics:
        t.stories.sort(key=lambda s: (s.last or "", s.articles), reverse=True)
    cache.put(key, topics)
    return topics


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def topics_page(
    request: Request,
    lib: Annotated[LibraryReads, Depends(library)],
    order: Literal["latest", "biggest"] = "latest",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    topics = topic_cards(request, lib, order)
    outlets, languages = lib.facets()
    shown = topics[offset : offset + TOPICS_PER_PAGE]
    return page(
        request,
        "topics.html",
        topics=shown,
        order=order,
        total=len(topics),
        offset=offset,
        limit=TOPICS_PER_PAGE,
        links=page_links(request, offset, TOPICS_PER_PAGE, len(topics)),
        articles=lib.article_count(),
        outlets=outlets,
        languages=languages,
    )
