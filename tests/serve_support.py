"""Shared by the web app's tests: small original fictional libraries, hostile articles, a real server."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from storybrief.serve import create_app
from storybrief.store.grow import add as grow

# invented events in invented places; each becomes several articles of its own story
EVENTS = [
    ("Ferry grounding closes Tallis harbour", "The passenger ferry Merrow Star ran aground outside Tallis harbour on"
     " Monday, and the harbour master closed the channel to all traffic. \"We will not reopen the channel until the"
     " hull has been inspected by divers from the coastguard,\" harbour master Ilse Varga said."),
    ("Brennock council votes to rebuild the library", "The Brennock town council voted on Tuesday to rebuild the"
     " central library that burned down last winter, at a cost of four million pounds. \"A town without a library"
     " is a town that has stopped reading its own history,\" councillor Odile Marsh told the meeting."),
    ("Drought empties Caddow reservoir", "The Caddow reservoir fell to its lowest level in forty years on Wednesday,"
     " and the water board banned garden hoses across the valley. \"Every household must cut its use by a fifth if"
     " we are to reach the autumn rains,\" water board engineer Piet Holloway said."),
]  # fmt: skip
DETAILS = [
    "Divers from the coastguard reached the hull of the ferry by noon, and the passengers were taken ashore by"
    " lifeboat.",
    "The old library held the parish records of Brennock, and the new building will keep them in a fireproof vault.",
    "Farmers in the Caddow valley said their wells were running dry, and the water board sent tankers to the"
    " upper villages.",
]
OUTLETS = ["The Tallis Courier", "Brennock Evening Post", "Valley Wire"]

XSS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    '<svg onload=alert("svg")><circle r=1 /></svg>',
    "<a href=\"javascript:alert('link')\">click</a>",
    '<iframe src="http://evil.example/"></iframe>',
    '"><script src=http://evil.example/x.js></script>',
    "javascript:alert('bare')",
]


def write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    """``n`` short articles (JSON records, one file each) over three events, published a day apart."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        title, body = EVENTS[i % len(EVENTS)]
        record = {
            "title": f"{title} ({OUTLETS[i % len(OUTLETS)]} report {i})",
            "text": f"{body} {DETAILS[i % len(DETAILS)]} Witness number {i} spoke to our reporter.",
            "published": f"2026-03-{1 + i % 28:02d}T09:00:00+00:00",
            "source": OUTLETS[i % len(OUTLETS)],
            "url": f"https://news.example/{i}",
        }
        path = folder / f"a{i:03d}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        paths.append(path)
    return paths


def hostile_records() -> list[dict[str, object]]:
    """Articles whose every field carries markup, script and ``javascript:`` addresses."""
    text = " ".join(
        f'The Orrin council met on Monday to discuss the flood barrier {p} and residents said "the barrier {p}'
        f' must be finished before the winter storms arrive in Orrin," mayor Hana Brodie said.'
        for p in XSS
    )
    return [
        {"id": f"x{i}", "title": f"Flood barrier {XSS[i % len(XSS)]}", "text": text,
         "source": XSS[(i + 1) % len(XSS)], "author": XSS[(i + 2) % len(XSS)], "url": "javascript:alert('url')",
         "published": f"2026-02-0{i + 1}T10:00:00+00:00"}
        for i in range(3)
    ]  # fmt: skip


def build_library(folder: Path, n: int = 6, hostile: bool = True) -> str:
    """A library of ``n`` generated articles (and the hostile ones) in ``folder``; returns its path."""
    write_articles(folder / "in", n)
    if hostile:
        (folder / "in" / "hostile.json").write_text(json.dumps(hostile_records()), encoding="utf-8")
    db = str(folder / "lib.db")
    summary = grow([str(folder / "in")], db)
    assert summary.added == n + (3 if hostile else 0), summary.line()
    return db


@contextmanager
def running_server(db: str, *, read_only: bool = False, max_upload_bytes: int | None = None) -> Iterator[str]:
    """The app served by uvicorn on a free port of 127.0.0.1 in a thread; yields its base URL."""
    app = create_app(db, read_only=read_only, max_upload_bytes=max_upload_bytes)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
