"""The quotes page: the people quoted in the library, and every quote of one person grouped by statement."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..store.library import LibraryReads
from .common import DEFAULT_LIMIT, MAX_LIMIT, library, page, page_links

router = APIRouter()


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def quotes_page(
    request: Request,
    lib: Annotated[LibraryReads, Depends(library)],
    speaker: Annotated[str | None, Query(max_length=500)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> HTMLResponse:
    with lib.read():
        if speaker:
            groups, singles = lib.quotes_of(speaker)
            titles = {c.id: c.title for c in lib.article_cards(sorted({a for g in groups for a in g.articles}))}
            return page(request, "quotes.html", speaker=speaker, groups=groups, singles=singles, titles=titles)
        total = lib.speaker_count()
        people = lib.speakers(limit=limit, offset=offset)
    links = page_links(request, offset, limit, total)
    return page(
        request, "quotes.html", speaker=None, people=people, total=total, offset=offset, limit=limit, links=links
    )
