"""The story page (the brief, its citations opening the cited sentence in its article) and its downloads."""

from __future__ import annotations

import re
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.exceptions import HTTPException

from ..errors import Msg
from ..model import Article, Report
from ..render.brief_html import story_html
from ..store.briefs import report_from_store
from ..store.library import LibraryReads
from .common import Settings, library, page, settings

router = APIRouter()
_FILE_SAFE_RE = re.compile(r"[^A-Za-z0-9_.-]")


def sentence_index(article: Article, sentence: str) -> int | None:
    """The index of the article's sentence holding ``sentence`` (a citation's supporting sentence)."""
    at = article.text.find(sentence.strip()) if sentence.strip() else -1
    if at < 0:
        return None
    for n, s in enumerate(article.sentences):
        if s.start <= at < s.end:
            return n
    return None


def article_url(article_id: str, sentence: int | None = None) -> str:
    """The article page's URL; with ``sentence``, that sentence is highlighted and scrolled to."""
    if sentence is None:
        return f"/article?{urlencode({'id': article_id})}"
    return f"/article?{urlencode({'id': article_id, 's': sentence})}#s{sentence}"


def story_report(config: Settings, story_id: str) -> Report:
    """The one-story report from the library's brief cache (rebuilt only when the story changed)."""
    report, _ = report_from_store(config.db, config.options, story=story_id)
    return report


def story_state(lib: LibraryReads, story_id: str) -> tuple[str, str]:
    state = lib.story_state(story_id)
    if state is None:
        raise HTTPException(404, Msg.STORY_NOT_FOUND.format(story=story_id))
    return state


@router.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, story_id: str, lib: Annotated[LibraryReads, Depends(library)]) -> Response:
    current, version = story_state(lib, story_id)
    if current != story_id:  # merged into another story: its old address keeps working
        return RedirectResponse(f"/story/{current}", status_code=301)
    config = settings(request)
    whole = ("story-page", current, version, str(lib.generation()))  # the topic's label may change with any add
    html = config.pages.get(whole)
    if html is not None:
        return HTMLResponse(html)
    key = ("story", current, version)
    cached = config.pages.get(key)
    if cached is None:
        report = story_report(config, current)
        brief = report.stories[0]
        articles = {a.id: a for a in report.articles}

        def link(aid: str, sentence: str) -> str:
            return article_url(aid, sentence_index(articles[aid], sentence) if sentence else None)

        cached = (brief.headline, Markup(story_html(brief, articles, link)))
        config.pages.put(key, cached)
    headline, body = cached
    with lib.read():
        cards = lib.story_cards([current])
        topic = cards[0].topic if cards else None
        label = next((t.label for t, _ in lib.topics() if t.id == topic), None) if topic else None
        members = lib.article_cards(lib.story_article_ids(current))
    members.sort(key=lambda c: (c.published or "", c.id))
    response = page(
        request,
        "story.html",
        story=current,
        headline=headline,
        body=body,
        topic=topic,
        label=label,
        members=members,
        article_url=article_url,
    )
    config.pages.put(whole, bytes(response.body))
    return response


@router.get("/story/{story_id}/brief.{fmt}", include_in_schema=False)
def story_download(
    request: Request, story_id: str, fmt: Literal["md", "html", "json"], lib: Annotated[LibraryReads, Depends(library)]
) -> Response:
    """The story's brief as a file: the same Markdown, HTML and JSON renderers as ``storybrief brief``."""
    from ..render.brief_html import report_html
    from ..render.brief_json import report_json
    from ..render.brief_md import report_markdown

    current, _ = story_state(lib, story_id)
    report = story_report(settings(request), current)
    name = _FILE_SAFE_RE.sub("_", current) or "story"
    disposition = {"content-disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "json":
        return Response(report_json(report), media_type="application/json", headers=disposition)
    if fmt == "html":
        return Response(report_html(report), media_type="text/html; charset=utf-8", headers=disposition)
    return Response(report_markdown(report), media_type="text/markdown; charset=utf-8", headers=disposition)
