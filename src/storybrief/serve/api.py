"""The JSON API under ``/api/``: topics, stories, briefs, articles, quotes, search and add, each list paged
(``offset``, ``limit``; answers carry ``total`` and ``next``/``prev`` links). Records are the JSON of the
brief's schema (``Article.to_dict``, ``StoryBrief.to_dict``...). ``/api/openapi.json`` describes it all."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from ..render.brief_json import report_json
from ..store.library import LibraryReads
from .add import add_uploads, read_uploads
from .article import load_article
from .common import DEFAULT_LIMIT, MAX_LIMIT, library, page, paged, settings
from .search import Filters, filters, run_search
from .story import story_report, story_state
from .topics import story_dict, topic_cards

router = APIRouter(tags=["library"])
Offset = Annotated[int, Query(ge=0, description="How many items to skip.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most items to return.")]
Lib = Annotated[LibraryReads, Depends(library)]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def api_index(request: Request) -> HTMLResponse:
    """The API's endpoints, listed from its own OpenAPI description (no scripts from elsewhere)."""
    spec = request.app.openapi()
    endpoints = [
        (method.upper(), path, op.get("summary", ""), op.get("description", ""))
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
    ]
    return page(request, "api.html", endpoints=endpoints)


@router.get("/library")
def library_counts(lib: Lib) -> dict[str, int]:
    """How many articles, stories and topics the library holds, and its generation (all from one snapshot)."""
    with lib.read():
        stories = lib.story_cards()
        return {
            "articles": lib.article_count(),
            "articles_in_stories": sum(s.articles for s in stories),
            "stories": len(stories),
            "topics": len(lib.topics()),
            "generation": lib.generation(),
        }


@router.get("/topics")
def topics(request: Request, lib: Lib, offset: Offset = 0, limit: Limit = DEFAULT_LIMIT) -> dict[str, Any]:
    """Topics, latest first, each with its stories' cards (size, date span, languages)."""
    cards = topic_cards(request, lib)
    return paged(request, [t.to_dict() for t in cards[offset : offset + limit]], offset, limit, len(cards))


@router.get("/stories")
def stories(
    request: Request, lib: Lib, topic: str | None = None, offset: Offset = 0, limit: Limit = DEFAULT_LIMIT
) -> dict[str, Any]:
    """Stories in the order they were made (optionally those of one topic)."""
    cards = [c for c in lib.story_cards() if topic is None or c.topic == topic]
    return paged(request, [story_dict(c) for c in cards[offset : offset + limit]], offset, limit, len(cards))


@router.get("/stories/{story_id}")
def story(lib: Lib, story_id: str) -> dict[str, Any]:
    """One story: its card and its articles' ids in order (a merged story's old id answers with the new one)."""
    current, version = story_state(lib, story_id)
    with lib.read():
        card = lib.story_cards([current])[0]
        members = lib.story_article_ids(current)
    return {**story_dict(card), "version": version, "article_ids": members}


@router.get("/stories/{story_id}/brief")
def brief(request: Request, lib: Lib, story_id: str) -> Response:
    """The story's brief as the command line's JSON (``storybrief brief --format json --story ID``)."""
    current, _ = story_state(lib, story_id)
    return Response(report_json(story_report(settings(request), current)), media_type="application/json")


@router.get("/articles")
def articles(request: Request, lib: Lib, offset: Offset = 0, limit: Limit = DEFAULT_LIMIT) -> dict[str, Any]:
    """Articles in the order they were added: id, title, outlet, address, publication, language, story."""
    with lib.read():
        total = lib.article_count()
        cards = lib.article_cards(limit=limit, offset=offset)
    items = [
        {"id": c.id, "title": c.title, "outlet": c.outlet, "url": c.url, "published": c.published,
         "language": c.language, "story": c.story}
        for c in cards
    ]  # fmt: skip
    return paged(request, items, offset, limit, total)


@router.get("/articles/{article_id:path}")
def article(lib: Lib, article_id: str) -> dict[str, Any]:
    """One clean, annotated article as the brief's JSON has it (text, removed pieces, flags, quotes, dates)."""
    found: dict[str, Any] = load_article(lib, article_id).to_dict()
    return found


@router.get("/quotes")
def quotes(
    request: Request, lib: Lib, speaker: str | None = None, offset: Offset = 0, limit: Limit = DEFAULT_LIMIT
) -> dict[str, Any]:
    """Without ``speaker``: the people quoted, most quoted first. With it: that person's statements (quote
    groups with every wording, then quotes only one article carries)."""
    with lib.read():
        if speaker is None:
            total = lib.speaker_count()
            items: list[Any] = [{"speaker": s, "quotes": n} for s, n in lib.speakers(limit=limit, offset=offset)]
            return paged(request, items, offset, limit, total)
        groups, singles = lib.quotes_of(speaker)
    statements: list[dict[str, Any]] = [g.to_dict() for g in groups]
    statements += [
        {"id": None, "speaker": speaker, "text": q.text, "articles": [q.article],
         "variants": [{"article": q.article, "quote": q.index, "text": q.text, "diff": []}]}
        for q in singles
    ]  # fmt: skip
    return paged(request, statements[offset : offset + limit], offset, limit, len(statements))


@router.get("/search")
def search(
    request: Request,
    lib: Lib,
    f: Annotated[Filters, Depends(filters)],
    offset: Offset = 0,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Articles, sentences and quotes matching every word of ``q`` (BM25), with snippets (matches in
    ``[...]``); filters: kind, outlet, language, publication days ``since``/``until`` (YYYY-MM-DD)."""
    if not f.q.strip():
        raise HTTPException(400, "q: give words to search for")
    hits, total = run_search(lib, f, offset, limit)
    items = [{"kind": h.kind, "article": h.article, "title": h.title, "snippet": h.snippet} for h in hits]
    return paged(request, items, offset, limit, total)


@router.post("/add")
async def add(request: Request) -> dict[str, Any]:
    """Add files (multipart field ``files``, repeatable) and/or pasted text (field ``text``) to the library,
    as ``storybrief add`` does; answers with the summary, the errors and the stories the new articles are in."""
    config = settings(request)
    uploads = await read_uploads(request, config, check_token=False)  # browsers' cross-site POSTs are refused
    if not uploads:
        raise HTTPException(400, "send at least one file (field 'files') or some text (field 'text')")
    result = await run_in_threadpool(add_uploads, config, uploads)
    return result.to_dict()
