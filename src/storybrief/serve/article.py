"""The article page: clean text with its quotes and dates marked, metadata, flags, removed pieces, copies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from ..model import Article
from ..store.library import LibraryReads
from ..synthesize.labels import article_headline, outlet_name
from .common import library, page
from .highlight import article_html

router = APIRouter()


def load_article(lib: LibraryReads, article_id: str) -> Article:
    found = lib.articles([article_id])
    if not found:
        raise HTTPException(404, f"no article '{article_id}' in the library")
    return found[0]


@router.get("/article", response_class=HTMLResponse, include_in_schema=False)
def article_page(
    request: Request,
    lib: Annotated[LibraryReads, Depends(library)],
    id: Annotated[str, Query(min_length=1, max_length=2000)],
    s: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    with lib.read():
        article = load_article(lib, id)
        story = lib.story_of(article.id)
        copies = lib.copies_of(article.id)
        syndications = lib.syndications_of(article.id)
        related = {c for pair in copies for c in pair[:2]} | {a for g in syndications for a in g.articles}
        titles = {c.id: c.title for c in lib.article_cards(sorted(related))}
    return page(
        request,
        "article.html",
        a=article,
        headline=article_headline(article) or article.input,
        outlet=outlet_name(article),
        story=story,
        body=article_html(article, s),
        copies=copies,
        syndications=syndications,
        titles=titles,
    )
