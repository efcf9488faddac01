"""Hostile article text through every renderer: Markdown shows it literally, bidi controls are visible,
JSON is written in pieces with the same bytes as one ``json.dumps``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import storybrief
from storybrief.model import Corpus
from storybrief.render.articles import articles_json, articles_markdown
from storybrief.render.brief_html import report_html
from storybrief.render.brief_json import report_json
from storybrief.render.brief_md import report_markdown
from storybrief.render.groups import groups_json, groups_markdown, groups_payload
from storybrief.render.json_stream import JsonList, json_text
from storybrief.render.safe import md_code, md_line, md_text, terminal_text, visible_bidi

markdown_it = pytest.importorskip("markdown_it")

EVIL_LINK = "https://evil.example/x"
HTML = "<img src=x onerror=alert(1)>"
SENTENCES = [
    "Firefighters contained a warehouse fire in the harbour district of Lowmere on Tuesday, the city said.",
    "The blaze started in a storage unit holding paint and spread to two neighbouring buildings before dawn.",
    "Nobody was injured, but forty residents spent the night in a school gymnasium, officials said.",
]


def _record(n: int) -> dict[str, Any]:
    hostile_lines = [
        f"{HTML} *bold* _em_ [click]({EVIL_LINK}) ![pic](x.png) `code` &amp; <b>tag</b>",
        f"[1]: {EVIL_LINK}",
        "# not a heading",
        "> not a quote",
        "- not a list",
        "1. not a list either",
        "    not code",
        "```",
        "---",
    ]
    text = "\n\n".join([SENTENCES[0], *hostile_lines, SENTENCES[1], "\u202eevil reversed\u202c", SENTENCES[2]])
    return {
        "id": f"r{n}`x``y",
        "title": f"Warehouse fire {HTML}\n[1]: {EVIL_LINK} `tick` \u202eCBA",
        "source": f"Outlet {n}\n[1]: {EVIL_LINK}\n\u2066<script>alert(1)</script>",
        "author": f"Ann *Writer*\n[2]: {EVIL_LINK}",
        "published": f"2024-05-0{n}",
        "text": text,
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "feed`s.jsonl"
    path.write_text("\n".join(json.dumps(_record(n)) for n in (1, 2)) + "\n", encoding="utf-8")
    corpus = storybrief.load(str(path))  # one path as a string: one input, not its characters
    assert len(corpus.articles) == 2, corpus.errors
    storybrief.annotate_corpus(corpus)
    storybrief.group_corpus(corpus)
    return corpus


def _tokens(text: str) -> tuple[list[Any], dict[str, Any]]:
    env: dict[str, Any] = {}
    tokens = markdown_it.MarkdownIt("commonmark").parse(text, env)
    flat = []
    for token in tokens:
        flat.append(token)
        flat.extend(token.children or [])
    return flat, env


def _assert_inert(text: str) -> None:
    """Nothing in ``text`` that a CommonMark viewer would turn into HTML, links, quotes or code blocks."""
    tokens, env = _tokens(text)
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "blockquote_open", "fence", "code_block"}
    assert not env.get("references"), env.get("references")  # no link reference definitions
    assert "\u202e" not in text and "\u2066" not in text
    shown = markdown_it.MarkdownIt("commonmark").render(text)
    assert "<img" not in shown and "<script" not in shown and "<b>" not in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown  # shown as written
    assert "&lt;U+202E&gt;" in shown


def _headings(text: str) -> list[str]:
    tokens, _ = _tokens(text)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_clean_markdown_shows_hostile_text_literally(hostile: Corpus) -> None:
    md = articles_markdown(hostile.articles, [], explain=True, quote_groups=hostile.quote_groups)
    _assert_inert(md)
    headings = _headings(md)
    assert not any(h.lstrip("\\").startswith("not a heading") for h in headings)
    assert "\\# not a heading" in md and "\\> not a quote" in md and "1\\. not a list either" in md
    tokens, _ = _tokens(md)
    codes = [t.content for t in tokens if t.type == "code_inline"]
    assert {a.id for a in hostile.articles} <= set(codes)  # each id is one whole code span


def test_brief_markdown_shows_hostile_text_literally_and_keeps_citations(hostile: Corpus) -> None:
    from storybrief.synthesize.brief import build_report

    md = report_markdown(build_report(hostile))
    _assert_inert(md)
    assert "[1]" in md and EVIL_LINK not in _links(md)
    notes = [line for line in md.splitlines() if line.startswith("[1]: ")]
    assert notes and all("\n" not in n and "\\[1\\]" in n for n in notes)  # the outlet's own "[1]:" escaped


def test_group_markdown_shows_hostile_text_literally(hostile: Corpus) -> None:
    md = groups_markdown(hostile)
    tokens, env = _tokens(md)
    assert not {t.type for t in tokens} & {"html_block", "html_inline", "link_open", "image"}
    assert not env.get("references") and "\u202e" not in md and "\u2066" not in md
    ids = [t.content for t in tokens if t.type == "code_inline"]
    assert {a.id for a in hostile.articles} <= set(ids)  # each id is one whole code span


def _links(md: str) -> list[str]:
    tokens, _ = _tokens(md)
    return [str(t.attrs.get("href")) for t in tokens if t.type == "link_open"]


def test_html_escapes_and_shows_bidi_controls(hostile: Corpus) -> None:
    from storybrief.synthesize.brief import build_report

    page = report_html(build_report(hostile))
    assert "<img" not in page and "<script" not in page
    assert "\u202e" not in page and "\u2066" not in page
    assert "&lt;U+202E&gt;" in page and "<bdi>" in page


def test_escaping_functions() -> None:
    assert md_line("a\n[1]: http://x\n\nb") == "a \\[1\\]: http://x b"
    assert md_line("# x") == "\\# x" and md_line("12. x") == "12\\. x" and md_line("+ x") == "\\+ x"
    assert md_text("one\r\n# two\n> three\x1b[2J") == "one\n\\# two\n\\> three\\<U+001B\\>\\[2J"
    assert md_code("a`b") == "``a`b``" and md_code("`a") == "`` `a ``" and md_code("x``y`") == "``` x``y` ```"
    assert md_code("a\nb") == "`a b`"
    assert visible_bidi("a\u202eb\u2069c\u200f") == "a<U+202E>b<U+2069>c\u200f"  # marks are left alone
    assert terminal_text("a\nb\x1b]0;t\x07\u202ec") == "a\\nb\\x1b]0;t\\x07\\u202ec"


def test_json_pieces_match_one_dumps(hostile: Corpus) -> None:
    from storybrief.synthesize.brief import build_report

    report = build_report(hostile)
    assert report_json(report) == json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    assert groups_json(hostile) == json.dumps(groups_payload(hostile), ensure_ascii=False, indent=2)
    expected = {
        "articles": [a.to_dict() for a in hostile.articles],
        "quote_groups": [g.to_dict() for g in hostile.quote_groups],
        "errors": [],
    }
    assert articles_json(hostile.articles, [], hostile.quote_groups) == json.dumps(
        expected, ensure_ascii=False, indent=2
    )


NESTED = [{"x": [1, {"y": "é\n\u2028"}]}, 2, [], {}, None]


@pytest.mark.parametrize(
    ("lazy", "plain"),
    [
        ({}, {}),
        (JsonList([]), []),
        ({"a": JsonList(iter([]))}, {"a": []}),
        (
            {"a": JsonList(iter(NESTED)), "b": {"c": [1.5]}, "d": "\\"},
            {"a": NESTED, "b": {"c": [1.5]}, "d": "\\"},
        ),
        (JsonList([{"k": JsonList(["1", 2])}, "s"]), [{"k": ["1", 2]}, "s"]),
    ],
)
def test_json_stream_is_byte_identical(lazy: Any, plain: Any) -> None:
    assert json_text(lazy) == json.dumps(plain, ensure_ascii=False, indent=2)


def test_html_citation_links_reach_ids_with_hash_and_spaces(tmp_path: Path) -> None:
    """Qualified ids (``1@a.json#1``) stay valid fragments, and every citation link has its target."""
    import re

    import storybrief
    from storybrief.render.brief_html import report_html

    text = (
        "The Larkmoor ferry resumed sailings on Tuesday after a two-week strike by deck crews ended, "
        "the operator said. Crews accepted a pay rise of four percent, the union said on Monday."
    )
    for name in ("a.json", "b.json"):  # the same record id in both files: ids get qualified with '#'
        record = {"id": "1", "title": "Larkmoor ferry sailings resume", "text": text, "source": name}
        (tmp_path / name).write_text(json.dumps([record]), encoding="utf-8")
    page = report_html(storybrief.brief([str(tmp_path)]))
    targets = set(re.findall(r'id="(a-[^"]*)"', page))
    links = re.findall(r'href="#([^"]*)"', page)
    assert links and all(link in targets for link in links)
    assert all(re.fullmatch(r"a-[A-Za-z0-9_.~%-]+", t) for t in targets), targets
