"""The app factory: security headers, cross-site request checks, body size limit, error pages, static files.

Every response carries a Content-Security-Policy that allows scripts and style sheets only from the app
itself (no inline script, no other host). A POST is refused when the browser says it comes from another
site (``Sec-Fetch-Site``) or names another origin (``Origin``); the Add form also carries a per-session
token that must match its cookie. A request body over the upload limit is refused before it is read.
Errors are pages (JSON under ``/api/``), never tracebacks. Static files are held in memory: no part of a
request ever names a file.
"""

from __future__ import annotations

import logging
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store.briefs import Selection
from ..store.library import LibraryError
from .common import Settings, page

log = logging.getLogger("storybrief.serve")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make Chromium send "Origin: null"
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}


class BodyTooLarge(Exception):
    """A request body larger than the upload limit."""


class CrossSite(Exception):
    """A POST that another site's page made."""


class Guard:
    """ASGI middleware: security headers on every response, the cross-site check and the body limit."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            if cross_site(headers):
                scope.setdefault("state", {})["refused"] = "cross-site"
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > self.limit:
                scope.setdefault("state", {})["refused"] = "too-large"
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge()
            return message

        await self.app(scope, limited_receive, send_with_headers)


def cross_site(headers: dict[str, str]) -> bool:
    """The browser says this request comes from another site's page (or names another origin than the host)."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return True
    origin = headers.get("origin")
    if origin is not None:
        if origin == "null":
            return True
        return urlsplit(origin).netloc.lower() != headers.get("host", "").lower()
    return False


def _static_files() -> dict[str, tuple[bytes, str]]:
    folder = resources.files("storybrief.serve").joinpath("static")
    out = {}
    for entry in folder.iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in _STATIC_TYPES:
            out[entry.name] = (entry.read_bytes(), _STATIC_TYPES[suffix])
    return out


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, title: str, detail: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": title, "detail": detail}, status_code=status)
    return page(request, "error.html", status=status, title=title, detail=detail, status_code=status)


_TITLES = {400: "Bad request", 403: "Not allowed", 404: "Not found", 405: "Method not allowed", 413: "Too large"}


def create_app(
    db_path: str,
    read_only: bool = False,
    *,
    max_upload_bytes: int | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The web app over the library ``db_path`` (which must exist); ``read_only`` hides Add and refuses
    every POST; ``max_upload_bytes`` limits a request body (default :data:`~.common.MAX_UPLOAD_BYTES`);
    ``allowed_hosts``: the only ``Host`` names answered (``storybrief serve`` on 127.0.0.1 answers only
    local names, so that another site's address rebound to 127.0.0.1 cannot read or post to it)."""
    settings = Settings(db=db_path, read_only=read_only)
    if max_upload_bytes is not None:
        settings.max_upload_bytes = max_upload_bytes
    app = FastAPI(
        title="storybrief",
        version=__version__,
        description="The library of clean articles, stories, topics, briefs and quotes, and search over it.",
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN: /api/ lists the API from our own page
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    static = _static_files()

    @app.middleware("http")
    async def refuse(request: Request, call_next: Any) -> Response:
        refused = request.scope.get("state", {}).get("refused")
        if refused == "cross-site":
            return _error(request, 403, "Not allowed", "This form was sent from another site; it was ignored.")
        if refused == "too-large":
            return _too_large(request)
        if read_only and request.method not in ("GET", "HEAD", "OPTIONS"):
            return _error(request, 403, "Read-only", "This library is served read-only: nothing can be added.")
        try:
            response: Response = await call_next(request)
        except Exception:  # a bug: the user gets a page, the log gets the traceback
            log.exception("internal error on %s", request.url.path)
            return _error(
                request,
                500,
                "Something went wrong",
                "An internal error (a bug in storybrief); the server log has details.",
            )
        return response

    def _too_large(request: Request) -> Response:
        mb = settings.max_upload_bytes / (1024 * 1024)
        return _error(
            request, 413, "Too large", f"An upload may be at most {mb:g} MB in all; send fewer or smaller files."
        )

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        return _too_large(request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        title = _TITLES.get(exc.status_code, "Error")
        detail = str(exc.detail) if exc.detail and exc.detail != title.capitalize() else ""
        if exc.status_code == 404 and not detail:
            detail = "There is no such page."
        return _error(request, exc.status_code, title, detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
        return _error(request, 400, "Bad request", "; ".join(problems) or "The request is not valid.")

    @app.exception_handler(Selection)
    async def not_in_library(request: Request, exc: Selection) -> Response:
        return _error(request, 404, "Not found", str(exc))

    @app.exception_handler(LibraryError)
    async def library_error(request: Request, exc: LibraryError) -> Response:
        return _error(request, 503, "The library cannot be read", str(exc))

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        found = static.get(name)
        if found is None:
            raise StarletteHTTPException(404)
        data, media = found
        return Response(data, media_type=media, headers={"cache-control": "public, max-age=3600"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        data, media = static["favicon.svg"]
        return Response(data, media_type=media)

    from . import add, api, article, quotes, search, story, topics

    for module in (topics, story, article, quotes, search, add):
        app.include_router(module.router)
    app.include_router(api.router, prefix="/api")
    app.add_middleware(Guard, limit=settings.max_upload_bytes)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    return app
