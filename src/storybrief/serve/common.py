"""What every page and API route shares: settings, the library per request, templates, paging, safe links."""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..defaults import SUMMARY_WORDS, TIMELINE_DATES, TIMELINE_SENTENCES
from ..render.safe import visible_controls
from ..store.briefs import BriefOptions
from ..store.library import LibraryReads

CSRF_COOKIE = "storybrief_csrf"
CSRF_FIELD = "csrf"
DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_UPLOAD_BYTES = 25 * 1024 * 1024  # a whole upload request (all files and pasted text)


@dataclass
class Settings:
    """One app's configuration and its in-memory caches (each keyed so that a change in the library
    makes them miss, never serve something stale)."""

    db: str
    read_only: bool = False
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    options: BriefOptions = field(
        default_factory=lambda: BriefOptions(SUMMARY_WORDS, TIMELINE_DATES, TIMELINE_SENTENCES)
    )
    adding: threading.Lock = field(default_factory=threading.Lock)  # one upload is annotated at a time
    pages: PageCache = field(default_factory=lambda: PageCache(256))
    jobs: PageCache = field(default_factory=lambda: PageCache(100))  # uploads being added, and recent results


class PageCache:
    """A small thread-safe LRU of rendered pieces, keyed by what they were rendered from."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, ...], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: tuple[str, ...], value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


def library(request: Request) -> Iterator[LibraryReads]:
    """The library for one request (a FastAPI dependency): opened for the request, closed after it."""
    with LibraryReads(settings(request).db, create=False) as lib:
        yield lib


def safe_url(url: str | None) -> str | None:
    """``url`` when it may become a link (http or https with a host), else None: ``javascript:``, ``data:``
    and anything else an article may claim as its address is shown as text only."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\n\r\t "):
        return None
    return url


def shown(text: object) -> str:
    """Article text for a template: bidi overrides and control characters made visible (autoescape does the rest)."""
    return visible_controls(str(text)) if text is not None else ""


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("storybrief.serve", "templates"),
        autoescape=True,  # every value is escaped unless a route hands over Markup it escaped itself
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["shown"] = shown
    env.globals["safe_url"] = safe_url
    return env


TEMPLATES = _templates()


def csrf_token(request: Request) -> str:
    """The request's CSRF token: the cookie's, or a new one that :func:`page` sets as the cookie."""
    token = request.cookies.get(CSRF_COOKIE, "")
    if len(token) != 43 or not token.replace("-", "").replace("_", "").isalnum():
        token = getattr(request.state, "new_csrf", "") or secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from a template, with the read-only flag, the CSRF token and the navigation."""
    token = csrf_token(request)
    html = TEMPLATES.get_template(template).render(
        read_only=settings(request).read_only, csrf=token, path=request.url.path, **context
    )
    response = HTMLResponse(html, status_code=status)
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


def page_links(request: Request, offset: int, limit: int, total: int) -> dict[str, str | None]:
    """Links to the previous and next page of a list, keeping the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "limit")}

    def at(start: int) -> str:
        return f"{request.url.path}?{urlencode({**params, 'offset': start, 'limit': limit})}"

    return {
        "prev": at(max(0, offset - limit)) if offset > 0 else None,
        "next": at(offset + limit) if offset + limit < total else None,
    }


def paged(request: Request, items: list[Any], offset: int, limit: int, total: int) -> dict[str, Any]:
    """The JSON shape of every API list: the items, the total, and links to the neighbouring pages."""
    links = page_links(request, offset, limit, total)
    return {"items": items, "total": total, "offset": offset, "limit": limit, **links}


def marked(snippet: str, marks: tuple[str, str]) -> Markup:
    """A search snippet with its matched words in ``<mark>``: everything else escaped."""
    out = []
    rest = snippet
    while marks[0] in rest:
        before, _, after = rest.partition(marks[0])
        inside, _, rest = after.partition(marks[1])
        out.append(Markup.escape(shown(before)) + Markup("<mark>") + Markup.escape(shown(inside)) + Markup("</mark>"))
    out.append(Markup.escape(shown(rest)))
    return Markup("").join(out)
