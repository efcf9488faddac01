"""The Add page: upload files (the formats ``storybrief add`` reads) or paste text, into the library.

Uploads are written to a fresh temporary folder under names this module makes up (``upload-01.json``:
only a known file-type suffix is kept from the sender's name, which never reaches the file system), then
added by :func:`storybrief.store.grow.add`, exactly what ``storybrief add`` runs, and the folder removed.
An upload whose content the library already holds is reported as such without being read again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from ..defaults import MAX_BYTES
from ..model import InputError
from ..store.library import LibraryReads
from .common import CSRF_COOKIE, CSRF_FIELD, Settings, page, settings

router = APIRouter()
log = logging.getLogger("storybrief.serve")
MAX_FILES = 50
CHUNK = 1 << 16
# the suffixes ingest tells formats by; anything else is stored without one (the content is sniffed)
SUFFIXES = (".warc.gz", ".jsonl.gz", ".json.gz", ".txt.gz", ".html.gz", ".txt", ".text", ".md", ".html", ".htm",
            ".xhtml", ".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom", ".warc", ".gz")  # fmt: skip


def known_suffix(filename: str | None) -> str:
    low = (filename or "").lower()
    return next((s for s in SUFFIXES if low.endswith(s)), "")


@dataclass(slots=True)
class Upload:
    """One uploaded file or pasted text: what the user called it, and its bytes."""

    label: str
    data: bytes
    suffix: str = ""


@dataclass(slots=True)
class AddResult:
    line: str = ""
    added: int = 0
    already: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # the stories the new articles are in

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.line,
            "added": self.added,
            "already_stored": self.already,
            "errors": self.errors,
            "stories": self.stories,
        }


def add_uploads(config: Settings, uploads: list[Upload], progress: Callable[[], None] | None = None) -> AddResult:
    """Store the uploads in the library through ``storybrief add``'s own function (one add at a time);
    ``progress`` is called once per upload when it is stored (or found already stored)."""
    from ..store.grow import add as grow

    def tick(_: str = "") -> None:
        if progress is not None:
            progress()

    result = AddResult()
    folder = tempfile.mkdtemp(prefix="storybrief-upload-")
    try:
        names: dict[str, str] = {}
        paths = []
        with LibraryReads(config.db, create=False) as lib:
            for n, up in enumerate(uploads, 1):
                if lib.has_content(hashlib.sha256(up.data).hexdigest()):
                    result.already.append(up.label)
                    tick()
                    continue
                path = os.path.join(folder, f"upload-{n:02d}{up.suffix}")
                with open(path, "xb") as handle:
                    handle.write(up.data)
                names[path] = up.label
                paths.append(path)
        if paths:
            with config.adding:
                summary = grow(paths, config.db, max_bytes=MAX_BYTES, batch_files=5, progress=tick)
            result.added = summary.added
            result.errors = [_named(e, names) for e in summary.errors]
            with LibraryReads(config.db, create=False) as lib:
                result.stories = lib.stories_of_inputs([os.path.abspath(p) for p in paths])
            result.already += [names.get(p, p) for p in summary.skipped]
            result.line = summary.line()
        else:
            result.line = "nothing new: every upload is already in the library"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _named(error: InputError, names: dict[str, str]) -> str:
    """An error message naming the upload as the user called it, not the temporary file."""
    where = str(error)
    for path, label in names.items():
        if where.startswith(path):
            return label + where[len(path) :]
    return where


async def read_uploads(request: Request, config: Settings, *, check_token: bool) -> list[Upload]:
    """The files and pasted text of an Add form (or an API call); the whole body is size-limited by the app."""
    form = await request.form(max_files=MAX_FILES, max_fields=20)
    if check_token:
        sent = form.get(CSRF_FIELD)
        cookie = request.cookies.get(CSRF_COOKIE)
        if not isinstance(sent, str) or not cookie or not secrets.compare_digest(sent, cookie):
            raise HTTPException(403, "The form has expired or came from elsewhere; reload the Add page and try again.")
    uploads = []
    for item in form.getlist("files"):
        if not isinstance(item, UploadFile) or not item.filename:
            continue
        chunks = []
        while chunk := await item.read(CHUNK):
            chunks.append(chunk)
        uploads.append(Upload(os.path.basename(item.filename.replace("\\", "/")) or "upload", b"".join(chunks),
                              known_suffix(item.filename)))  # fmt: skip
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        uploads.append(Upload("pasted text", text.encode("utf-8"), ".txt"))
    return uploads


def _writable(request: Request) -> Settings:
    config = settings(request)
    if config.read_only:
        raise HTTPException(404, "This library is served read-only: nothing can be added.")
    return config


@router.get("/add", response_class=HTMLResponse, include_in_schema=False)
def add_page(request: Request, config: Annotated[Settings, Depends(_writable)]) -> HTMLResponse:
    return page(request, "add.html", result=None, limit_mb=config.max_upload_bytes // (1024 * 1024))


@router.post("/add", include_in_schema=False)
async def add_post(request: Request, config: Annotated[Settings, Depends(_writable)]) -> Response:
    """Start adding the uploads in the background and send the browser to the page that shows its progress."""
    uploads = await read_uploads(request, config, check_token=True)
    if not uploads:
        return page(request, "add.html", status=400, result=None, limit_mb=config.max_upload_bytes // (1024 * 1024),
                    problem="Choose at least one file or paste some text.")  # fmt: skip
    job = Job(secrets.token_urlsafe(16), total=len(uploads))
    config.jobs.put((job.id,), job)
    threading.Thread(target=_run, args=(config, job, uploads), daemon=True, name=f"add-{job.id}").start()
    return RedirectResponse(f"/add/jobs/{job.id}", status_code=303)


@dataclass(slots=True)
class Job:
    """One upload being added in the background: how far it got, then its result."""

    id: str
    total: int
    done: int = 0
    result: AddResult | None = None
    failed: bool = False

    def tick(self) -> None:
        self.done = min(self.total, self.done + 1)


def _run(config: Settings, job: Job, uploads: list[Upload]) -> None:
    try:
        job.result = add_uploads(config, uploads, job.tick)
    except Exception:  # a bug, or a library that cannot be written: the page says so, the log has the details
        log.exception("adding uploads failed")
        job.failed = True


@router.get("/add/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
def job_page(request: Request, job_id: str, config: Annotated[Settings, Depends(_writable)]) -> HTMLResponse:
    """The progress of an upload (the page reloads itself until it is done), then what it added."""
    job: Job | None = config.jobs.get((job_id,))
    if job is None:
        raise HTTPException(404, "No such upload (the server may have been restarted); add the files again.")
    limit_mb = config.max_upload_bytes // (1024 * 1024)
    if job.failed:
        return page(request, "add.html", status=500, result=None, limit_mb=limit_mb,
                    problem="Adding the upload failed (an internal error); the server log has details.")  # fmt: skip
    if job.result is None:
        return page(request, "add.html", result=None, job=job, limit_mb=limit_mb, refresh=1)
    with LibraryReads(config.db, create=False) as lib:
        cards = lib.story_cards(job.result.stories)
    return page(request, "add.html", result=job.result, cards=cards, limit_mb=limit_mb)
