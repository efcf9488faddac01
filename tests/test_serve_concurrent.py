"""Reads while writing: ``storybrief add`` runs in another process while the app serves the same library.

Every answer must come from one finished batch (the article count only ever moves by whole batches, and
every stored article is in a story), pages never fail, and a reload after the add shows the new articles.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

import storybrief
from serve_support import build_library, running_server, write_articles

BATCH = 4


def test_pages_stay_consistent_while_add_runs_in_another_process(tmp_path: Path) -> None:
    db = build_library(tmp_path, n=3, hostile=False)
    write_articles(tmp_path / "more", 16, start=3)
    env = {**os.environ, "PYTHONPATH": str(Path(storybrief.__file__).resolve().parent.parent)}
    seen: list[int] = []
    with running_server(db, read_only=True) as base, httpx.Client(base_url=base, timeout=60) as http:
        assert http.get("/api/library").json()["articles"] == 3
        writer = subprocess.Popen(
            [sys.executable, "-m", "storybrief", "add", str(tmp_path / "more"), "--db", db, "--batch", str(BATCH),
             "-j", "1"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            while True:
                done = writer.poll() is not None
                counts = http.get("/api/library").json()
                assert counts["articles"] == counts["articles_in_stories"], counts  # never half a batch
                assert (counts["articles"] - 3) % BATCH == 0, counts
                seen.append(counts["articles"])
                first = http.get("/api/stories").json()["items"][0]["id"]
                for path in ["/", "/search?q=reservoir", "/api/stories", f"/story/{first}"]:
                    r = http.get(path)
                    assert r.status_code == 200, (path, r.status_code, r.text[:300])
                if done:
                    break
        finally:
            _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err.decode()
        assert seen == sorted(seen)  # never goes back
        assert seen[-1] == 19
        page = http.get("/").text
        assert "19 article(s)" in page  # the topics page shows the new articles on reload
        titles = " ".join(s["title"] or "" for s in http.get("/api/stories").json()["items"])
        assert "report" in titles
        stories = [s["id"] for s in http.get("/api/stories").json()["items"]]
        members = [a for sid in stories for a in http.get(f"/api/stories/{sid}").json()["article_ids"]]
        assert len(members) == 19
