"""The search page: FTS5 over articles, sentences and quotes, with snippets and filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..store.library import LibraryReads, SearchHit
from .common import DEFAULT_LIMIT, MAX_LIMIT, library, page, page_links

router = APIRouter()
MARKS = ("\x02", "\x03")  # snippet marks: control characters never survive ingest, so never article text


@dataclass(slots=True)
class Filters:
    q: str = ""
    kind: Literal["article", "sentence", "quote"] | None = None
    outlet: str | None = None
    language: str | None = None
    since: date | None = None
    until: date | None = None


def filters(
    q: Annotated[str, Query(max_length=500)] = "",
    kind: Annotated[Literal["article", "sentence", "quote", ""], Query()] = "",
    outlet: Annotated[str, Query(max_length=500)] = "",
    language: Annotated[str, Query(max_length=20)] = "",
    since: Annotated[date | Literal[""], Query()] = "",
    until: Annotated[date | Literal[""], Query()] = "",
) -> Filters:
    """The search parameters; empty ones (as a form sends them) mean no filter."""
    return Filters(q, kind or None, outlet or None, language or None, since or None, until or None)


def run_search(
    lib: LibraryReads, f: Filters, offset: int, limit: int, marks: tuple[str, str] = ("[", "]")
) -> tuple[list[SearchHit], int]:
    return lib.search_filtered(
        f.q,
        kind=f.kind,
        outlet=f.outlet,
        language=f.language,
        since=f.since.isoformat() if f.since else None,
        until=f.until.isoformat() if f.until else None,
        limit=limit,
        offset=offset,
        marks=marks,
    )


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(
    request: Request,
    lib: Annotated[LibraryReads, Depends(library)],
    f: Annotated[Filters, Depends(filters)],
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> HTMLResponse:
    from .common import marked

    hits, total = run_search(lib, f, offset, limit, MARKS) if f.q.strip() else ([], 0)
    outlets, languages = lib.facets()
    shown_hits = [(h, marked(h.snippet, MARKS)) for h in hits]
    return page(
        request,
        "search.html",
        q=f.q,
        kind=f.kind or "",
        outlet=f.outlet or "",
        language=f.language or "",
        since=f.since.isoformat() if f.since else "",
        until=f.until.isoformat() if f.until else "",
        filters_open=any((f.kind, f.outlet, f.language, f.since, f.until)),
        hits=shown_hits,
        total=total,
        offset=offset,
        limit=limit,
        links=page_links(request, offset, limit, total),
        outlets=outlets,
        languages=languages,
    )
