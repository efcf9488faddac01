"""The web app and its JSON API through FastAPI's test client: pages, paging, escaping, security, add."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from serve_support import XSS, build_library, hostile_records, write_articles
from storybrief.model import Article, InputFormat, Quote, Sentence, TimeMention
from storybrief.serve import create_app
from storybrief.serve.common import safe_url
from storybrief.serve.highlight import article_html


@pytest.fixture(scope="module")
def library_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_library(tmp_path_factory.mktemp("serve"), n=6)


@pytest.fixture(scope="module")
def client(library_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(library_db, read_only=True), raise_server_exceptions=False) as c:
        yield c


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element of a page as a browser's parser sees it: its tag and attributes."""
    parser = _Tags()
    parser.feed(html)
    return parser.found


def story_ids(client: TestClient) -> list[str]:
    return [s["id"] for s in client.get("/api/stories").json()["items"]]


def test_every_page_answers_with_the_security_headers(client: TestClient) -> None:
    sid = story_ids(client)[0]
    aid = client.get("/api/articles").json()["items"][0]["id"]
    for url in ["/", "/?order=biggest", f"/story/{sid}", f"/article?id={aid}", "/quotes", "/search?q=harbour",
                "/api/", "/api/topics", "/static/style.css", "/no/such/page"]:  # fmt: skip
        r = client.get(url)
        assert r.status_code == (404 if url == "/no/such/page" else 200), url
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        if r.headers["content-type"].startswith("text/html"):
            # no inline script: every <script> has a src on this app, no on* handler attributes anywhere
            assert [a for t, a in tags(r.text) if t == "script"] == [{"src": "/static/app.js", "defer": None}]
            assert [a for _, attrs in tags(r.text) for a in attrs if a.startswith("on")] == []


def test_topics_page_lists_topics_with_counts_spans_and_languages(client: TestClient) -> None:
    page = client.get("/").text
    topics = client.get("/api/topics").json()
    assert topics["total"] >= 1
    first = topics["items"][0]
    assert first["articles"] == sum(s["articles"] for s in first["stories"])
    assert first["languages"] == ["en"] and first["first"] <= first["last"]
    for story in first["stories"]:
        assert f'href="/story/{story["id"]}"' in page
    assert 'action="/search"' in page


def test_api_lists_are_paged(client: TestClient) -> None:
    everything = client.get("/api/articles?limit=200").json()
    assert everything["total"] == 9 and len(everything["items"]) == 9 and everything["next"] is None
    seen = []
    url: str | None = "/api/articles?limit=4"
    while url:
        body = client.get(url).json()
        assert body["total"] == 9 and len(body["items"]) <= 4
        seen += [a["id"] for a in body["items"]]
        url = body["next"]
    assert seen == [a["id"] for a in everything["items"]]
    assert client.get("/api/articles?limit=0").status_code == 400
    assert client.get("/api/articles?limit=100000").status_code == 400
    for endpoint in ["/api/topics", "/api/stories", "/api/quotes", "/api/search?q=harbour"]:
        body = client.get(endpoint + ("&" if "?" in endpoint else "?") + "limit=1").json()
        assert set(body) >= {"items", "total", "offset", "limit", "next", "prev"} and len(body["items"]) <= 1


def test_story_page_cites_sentences_that_open_in_the_article(client: TestClient) -> None:
    sid = story_ids(client)[0]
    page = client.get(f"/story/{sid}").text
    assert 'class="cite"' in page and "popovertarget=" in page
    links = re.findall(r'href="(/article\?id=[^"]+&amp;s=(\d+)#s\2)"', page)
    assert links, "citations link to the cited sentence of their article"
    target = links[0][0].replace("&amp;", "&")
    article = client.get(target).text
    n = links[0][1]
    assert f'id="s{n}"' in article
    assert re.search(r'class="[^"]*\bhl\b[^"]*" title="[^"]*the cited sentence', article)
    for fmt, kind in [("md", "text/markdown"), ("html", "text/html"), ("json", "application/json")]:
        r = client.get(f"/story/{sid}/brief.{fmt}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(kind)
        assert "attachment" in r.headers["content-disposition"]
    brief = client.get(f"/api/stories/{sid}/brief").json()
    assert [s["id"] for s in brief["stories"]] == [sid]


def test_article_page_marks_quotes_and_dates() -> None:
    text = 'On Monday the mayor said "we will rebuild the bridge" to the crowd. It rained.'
    quote_start = text.index('"') + 1
    article = Article(
        id="a1",
        input="a.txt",
        format=InputFormat.TEXT,
        text=text,
        sentences=[Sentence(0, text.index("It")), Sentence(text.index("It"), len(text))],
        quotes=[Quote("we will rebuild the bridge", quote_start, quote_start + 26, "Mayor <b>Ann</b>")],
        dates=[TimeMention("Monday", 3, 9, "2026-03-02", "day", True)],
    )
    html = str(article_html(article, highlight=1))
    assert '<span class="d" title="date: 2026-03-02">Monday</span>' in html
    assert 'class="q" title="quote: Mayor &lt;b&gt;Ann&lt;/b&gt;">we will rebuild the bridge</span>' in html
    assert '<span class="anchor" id="s1"></span><span class="hl"' in html
    assert "<b>" not in html


def test_hostile_articles_are_escaped_everywhere(client: TestClient) -> None:
    pages = ["/", "/quotes", "/search?q=barrier", "/search?q=Orrin&kind=quote"]
    pages += [f"/story/{sid}" for sid in story_ids(client)]
    pages += [f"/article?id={r['id']}" for r in hostile_records()]
    speakers = [p["speaker"] for p in client.get("/api/quotes?limit=200").json()["items"]]
    pages += [f"/quotes?speaker={s}" for s in speakers]
    for url in pages:
        text = client.get(url).text
        for payload in XSS:
            assert payload not in text, (url, payload)
        found = tags(text)
        assert {t for t, _ in found} & {"iframe", "img", "object", "embed"} == set(), url
        assert [t for t, a in found if t == "script" and a.get("src") != "/static/app.js"] == [], url
        assert [a for _, attrs in found for a in attrs if a.startswith("on")] == [], url
        hrefs = [a.get("href") or "" for _, a in found] + [a.get("src") or "" for _, a in found]
        assert [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:", "http://evil"))] == [], url
    article = client.get("/article?id=x0").text
    assert "javascript:alert(&#39;url&#39;)" in article  # the address is shown, as text, not as a link


@pytest.mark.parametrize(
    ("url", "ok"),
    [("https://a.example/x", True), ("http://a.example", True), ("javascript:alert(1)", False),
     (" JavaScript:alert(1)", False), ("data:text/html,<b>", False), ("//evil.example", False),
     ("https://a.example/\njavascript:", False), ("vbscript:x", False), ("", False), (None, False)],
)  # fmt: skip
def test_only_web_addresses_become_links(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) == ok


def test_errors_are_pages_not_tracebacks(library_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from storybrief.store.library import LibraryReads

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(LibraryReads, "story_cards", broken)
    with TestClient(create_app(library_db), raise_server_exceptions=False) as c:
        for url in ["/", "/api/topics"]:
            r = c.get(url)
            assert r.status_code == 500
            assert "Traceback" not in r.text and "secret internal detail" not in r.text
            assert "content-security-policy" in r.headers
        assert "Something went wrong" in c.get("/").text
        assert c.get("/api/topics").json()["error"] == "Something went wrong"
        bad = c.get("/search?q=x&since=yesterday")
        assert bad.status_code == 400 and "since" in bad.text and "Traceback" not in bad.text
        missing = c.get("/story/s999")
        assert missing.status_code == 404 and "no story" in missing.text


def test_missing_library_is_a_clear_error(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "none.db")), raise_server_exceptions=False) as c:
        r = c.get("/")
        assert r.status_code == 503 and "no library" in r.text
        assert not (tmp_path / "none.db").exists()


def test_read_only_hides_add_and_refuses_post(client: TestClient) -> None:
    assert 'href="/add"' not in client.get("/").text
    assert client.get("/add").status_code == 404
    before = client.get("/api/library").json()["articles"]
    files = {"files": ("new.txt", b"Some headline\n\nA new article that must not be stored.", "text/plain")}
    for url in ["/add", "/api/add"]:
        r = client.post(url, files=files)
        assert r.status_code == 403 and "read-only" in r.text
    assert client.get("/api/library").json()["articles"] == before


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    db = build_library(tmp_path, n=3, hostile=False)
    with TestClient(create_app(db, max_upload_bytes=200_000), raise_server_exceptions=False) as c:
        yield c


def _token(client: TestClient) -> str:
    page = client.get("/add").text
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found
    return found.group(1)


def submit(client: TestClient, **kwargs: Any) -> Any:
    """Post the Add form and follow its progress page (which reloads itself) until the upload is stored."""
    r = client.post("/add", **kwargs)
    deadline = time.monotonic() + 300
    while 'id="job"' in r.text:
        assert '<meta http-equiv="refresh"' in r.text and "<progress" in r.text
        assert time.monotonic() < deadline, "the upload was not added in time"
        time.sleep(0.2)
        r = client.get(r.url)
    return r


def test_add_form_stores_uploads_and_they_appear_in_their_stories(writable: TestClient, tmp_path: Path) -> None:
    token = _token(writable)
    (path,) = write_articles(tmp_path / "more", 1, start=3)  # the ferry story again, a new report
    bad = b"\x00\x01\x02 binary garbage \xff\xfe" * 10
    files = [("files", ("ferry.json", path.read_bytes(), "application/json")), ("files", ("../../etc/x.bin", bad, ""))]
    r = submit(writable, data={"csrf": token, "text": ""}, files=files)
    assert r.status_code == 200, r.text
    assert "1 article(s) added" in r.text
    assert "x.bin" in r.text and "storybrief-upload" not in r.text  # the error names the upload, not the temp file
    story = re.search(r'href="/story/(s\d+)"', r.text)
    assert story
    sid = story.group(1)
    members = writable.get(f"/api/stories/{sid}").json()["article_ids"]
    titles = [writable.get(f"/api/articles/{a}").json()["title"] for a in members]
    assert any("report 3" in t for t in titles)
    again = submit(writable, data={"csrf": token}, files=[("files", ("ferry.json", path.read_bytes(), ""))])
    assert "Already in the library: ferry.json" in again.text and writable.get("/api/library").json()["articles"] == 4
    pasted = submit(writable, data={"csrf": token, "text": "Caddow reservoir refills\n\nHeavy rain refilled"
                                         " the Caddow reservoir on Friday, the water board said."})  # fmt: skip
    assert "1 article(s) added" in pasted.text


def test_post_needs_the_token_and_the_same_site(writable: TestClient) -> None:
    token = _token(writable)
    files = {"files": ("new.txt", b"Headline\n\nA short article about a ferry in Tallis harbour.", "text/plain")}
    assert writable.post("/add", data={"csrf": "forged"}, files=files).status_code == 403
    writable.cookies.clear()
    assert writable.post("/add", data={"csrf": token}, files=files).status_code == 403
    _token(writable)
    for headers in [{"origin": "http://evil.example"}, {"sec-fetch-site": "cross-site"}, {"origin": "null"}]:
        for url in ["/add", "/api/add"]:
            r = writable.post(url, data={"csrf": token}, files=files, headers=headers)
            assert r.status_code == 403, (url, headers)
    assert writable.get("/api/library").json()["articles"] == 3


def test_upload_limit_is_a_clear_error(writable: TestClient) -> None:
    token = _token(writable)
    big = b"word " * 60_000  # 300 kB, the app allows 200 kB
    r = writable.post("/add", data={"csrf": token}, files={"files": ("big.txt", big, "text/plain")})
    assert r.status_code == 413 and "at most 0.19 MB" in r.text.replace("0.190735", "0.19")
    api = writable.post("/api/add", files={"files": ("big.txt", big, "text/plain")})
    assert api.status_code == 413 and "at most" in api.json()["detail"]
    assert writable.get("/api/library").json()["articles"] == 3


def test_api_add(writable: TestClient, tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "more", 1, start=4)
    r = writable.post("/api/add", files={"files": ("brennock.json", path.read_bytes(), "application/json")})
    assert r.status_code == 200
    body = r.json()
    assert body["added"] == 1 and body["errors"] == [] and body["stories"]
    assert writable.post("/api/add").status_code == 400


def test_a_local_server_answers_only_to_local_host_names(library_db: str) -> None:
    app = create_app(library_db, read_only=True, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/", headers={"host": "attacker.example:8000"}).status_code == 400


def test_serve_command_refuses_a_missing_library_when_read_only(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storybrief.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db"), "--read-only"])
    assert result.exit_code == 2 and "no library" in result.output
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize(
    ("headers", "refused"),
    [({}, False), ({"host": "a:1", "origin": "http://a:1"}, False), ({"host": "a:1", "origin": "http://b:1"}, True),
     ({"host": "a:1", "origin": "null"}, True), ({"sec-fetch-site": "same-origin"}, False),
     ({"sec-fetch-site": "none"}, False), ({"sec-fetch-site": "same-site"}, True),
     ({"sec-fetch-site": "cross-site", "host": "a:1", "origin": "http://a:1"}, True)],
)  # fmt: skip
def test_cross_site_posts_are_recognised(headers: dict[str, str], refused: bool) -> None:
    from storybrief.serve.app import cross_site

    assert cross_site(headers) is refused


def test_uploads_go_to_a_made_up_name_in_a_temporary_folder_that_is_removed(
    writable: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from storybrief.serve import add as add_module

    made: list[str] = []
    real = tempfile.mkdtemp

    def recording(*args: Any, **kwargs: Any) -> str:
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(add_module.tempfile, "mkdtemp", recording)
    names: list[str] = []
    original = add_module.os.path.join
    monkeypatch.setattr(add_module.os.path, "join", lambda *p: names.append(original(*p)) or names[-1])
    (path,) = write_articles(tmp_path / "more", 1, start=5)
    hostile_name = "../../../tmp/evil\x00name;rm -rf.json"
    r = submit(writable, data={"csrf": _token(writable)}, files={"files": (hostile_name, path.read_bytes(), "")})
    assert r.status_code == 200 and "1 article(s) added" in r.text
    assert len(made) == 1 and not Path(made[0]).exists()
    written = {Path(n).name for n in names if Path(n).parent == Path(made[0])}
    assert written == {"upload-01.json"}
    assert not any("evil" in n or "rm -rf" in n for n in names)


@pytest.mark.parametrize(("host", "evil_answered"), [("127.0.0.1", False), ("0.0.0.0", True)])
def test_serve_command_builds_the_app_it_was_asked_for(
    library_db: str, monkeypatch: pytest.MonkeyPatch, host: str, evil_answered: bool
) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from storybrief.cli.main import app

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: served.update(app=application, **kw))
    result = CliRunner().invoke(app, ["serve", "--db", library_db, "--host", host, "--port", "8123", "--read-only"])
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == (host, 8123)
    with TestClient(served["app"], base_url="http://127.0.0.1:8123") as c:
        assert c.get("/").status_code == 200 and 'href="/add"' not in c.get("/").text
        assert (c.get("/", headers={"host": "attacker.example"}).status_code == 200) is evil_answered


def test_a_merged_story_s_old_address_redirects(writable: TestClient) -> None:
    from storybrief.store.library import Library

    stories = story_ids(writable)
    assert len(stories) >= 2
    old, new = stories[-1], stories[0]
    db = writable.app.state.settings.db  # type: ignore[attr-defined]
    with Library(db) as lib, lib.write():
        lib.merge_story(old, new, "2026-03-30T00:00:00+00:00")
    r = writable.get(f"/story/{old}", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == f"/story/{new}"
    assert writable.get(f"/api/stories/{old}").json()["id"] == new


def test_removed_pieces_stand_where_they_were() -> None:
    """A removed line before the paragraph that followed it, an inline cut inside its paragraph, escaped."""
    from storybrief import clean_text

    article = clean_text(
        "The fire at Pier 9 started before dawn on Tuesday, officials said.\n\n"
        "ADVERTISEMENT\n\n"
        "Crews fought the blaze for six hours. This video has been removed for rights reasons. The harbour"
        " stayed shut.\n\nThe cause of the <fire> is not yet known.\n"
    )
    assert {r.reason for r in article.removed} >= {"ad-slot", "player-notice"}
    html = str(article_html(article))
    ad = html.index('<p class="cut" title="removed: ad-slot">')
    assert html.index("before dawn") < ad < html.index("Crews fought")
    inline = html.index('<span class="cut" title="removed: player-notice">')
    assert html.index("six hours.") < inline < html.index("The harbour")
    assert html.count('class="cut"') == len(article.removed)
