"""Ingest RSS and Atom feeds: one document per entry, teaser-only entries marked (storybrief.ingest.feeds)."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pytest

from storybrief.ingest import read_inputs
from storybrief.ingest.feeds import TEASER_MAX_WORDS, read_feed
from storybrief.model import InputError, InputFormat, RawDocument

LAMP_PARAS = [
    "The lamp in the Gannet Point lighthouse failed shortly after midnight on Monday, leaving the narrows "
    "dark for the first time in forty years.",
    "Volunteers from the harbour guild rowed out with storm lanterns and kept watch from the rocks until "
    "the relief keeper arrived from Tollin at first light.",
    "The lighthouse board said a cracked bearing in the lens carriage was to blame and that a spare would "
    "be fitted by the end of the week.",
]
LAMP_HTML = "".join(f"<p>{p}</p>" for p in LAMP_PARAS)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Gannet Bay Gazette</title>
  <link>https://gazette.example/</link>
  <description>News from around Gannet Bay</description>
  <language>en-gb</language>
  <item>
    <title>Lamp fails on Gannet Point</title>
    <link>https://gazette.example/news/lamp-fails</link>
    <guid isPermaLink="false">gbg-101</guid>
    <pubDate>Tue, 05 Mar 2024 08:30:00 +0100</pubDate>
    <dc:creator>Ottilie Brannock</dc:creator>
    <description>The Gannet Point lamp failed overnight.</description>
    <content:encoded><![CDATA[{LAMP_HTML}]]></content:encoded>
  </item>
  <item>
    <title>Council to debate pier tolls</title>
    <link>https://gazette.example/news/pier-tolls</link>
    <guid isPermaLink="false">gbg-102</guid>
    <pubDate>Wed, 06 Mar 2024 17:00:00 GMT</pubDate>
    <description>Councillors will debate new pier tolls on Thursday evening...</description>
  </item>
  <item>
    <title>An item with nothing in it</title>
    <guid isPermaLink="false">gbg-103</guid>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Fenwick Tidings</title>
  <id>urn:uuid:6f1c2a52-0000-4000-8000-000000000001</id>
  <updated>2024-03-08T11:00:00Z</updated>
  <entry>
    <title>Tide mill reopens at Fenwick</title>
    <id>https://tidings.example/2024/03/tide-mill</id>
    <link rel="alternate" href="https://tidings.example/2024/03/tide-mill"/>
    <published>2024-03-07T09:15:00+02:00</published>
    <updated>2024-03-07T11:00:00Z</updated>
    <author><name>Cassius Pell</name></author>
    <author><name>Marisol Fenn</name></author>
    <summary>The tide mill at Fenwick has reopened.</summary>
    <content type="html">{escape(LAMP_HTML)}</content>
  </entry>
  <entry>
    <title>Ferry timetable note</title>
    <id>https://tidings.example/2024/03/ferry-note</id>
    <link href="https://tidings.example/2024/03/ferry-note"/>
    <updated>2024-03-08T11:00:00Z</updated>
    <summary>A brief note on the ferry timetable for the spring season.</summary>
  </entry>
</feed>
"""


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _read(path: Path) -> list[RawDocument | InputError]:
    return list(read_inputs([str(path)]))


def _rss_with_items(*items: str, title: str = "Skerry Isle Post") -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>'
        + title
        + "</title><link>https://skerry.example/</link><description>d</description>"
        + "".join(items)
        + "</channel></rss>"
    )


# --- RSS 2.0 -----------------------------------------------------------------------------------------


def test_rss_entries_are_labelled_by_position(tmp_path: Path) -> None:
    path = _write(tmp_path, "gazette.rss", RSS)
    out = _read(path)
    assert [d.input for d in out] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert [type(d).__name__ for d in out] == ["RawDocument", "RawDocument", "InputError"]


def test_rss_content_encoded_is_the_article(tmp_path: Path) -> None:
    path = _write(tmp_path, "gazette.rss", RSS)
    doc = _read(path)[0]
    assert isinstance(doc, RawDocument)
    assert doc.format is InputFormat.FEED
    assert doc.text.splitlines() == LAMP_PARAS
    assert doc.html == LAMP_HTML
    assert doc.page_text is False
    meta = doc.meta
    assert meta.teaser_only is False
    assert meta.id == "gbg-101"
    assert meta.url == "https://gazette.example/news/lamp-fails"
    assert meta.title == "Lamp fails on Gannet Point"
    assert meta.outlet == "Gannet Bay Gazette"
    assert meta.authors == ["Ottilie Brannock"]
    # Tue, 05 Mar 2024 08:30:00 +0100, normalised by feedparser to UTC.
    assert meta.published == datetime(2024, 3, 5, 7, 30, tzinfo=UTC)
    assert meta.published is not None and meta.published.tzinfo is UTC


def test_rss_description_only_teaser_is_marked(tmp_path: Path) -> None:
    path = _write(tmp_path, "gazette.rss", RSS)
    doc = _read(path)[1]
    assert isinstance(doc, RawDocument)
    assert doc.input == f"{path}#2"
    assert doc.format is InputFormat.FEED
    assert doc.text == "Councillors will debate new pier tolls on Thursday evening..."
    assert doc.html is None
    assert doc.meta.teaser_only is True
    assert doc.meta.title == "Council to debate pier tolls"
    assert doc.meta.url == "https://gazette.example/news/pier-tolls"
    assert doc.meta.published == datetime(2024, 3, 6, 17, 0, tzinfo=UTC)
    assert doc.meta.authors == []


def test_rss_entry_without_content_or_summary_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "gazette.rss", RSS)
    assert _read(path)[2] == InputError(f"{path}#3", "feed entry has neither content nor summary")


def test_long_description_without_content_is_a_full_article(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(TEASER_MAX_WORDS + 10)) + "."
    item = f"<item><title>Long</title><link>https://skerry.example/long</link><description>{words}</description></item>"
    (doc,) = _read(_write(tmp_path, "long.xml", _rss_with_items(item)))
    assert isinstance(doc, RawDocument)
    assert doc.meta.teaser_only is False
    assert len(doc.text.split()) == TEASER_MAX_WORDS + 10


def test_exactly_max_words_description_is_still_a_teaser(tmp_path: Path) -> None:
    words = " ".join(["tide"] * TEASER_MAX_WORDS)
    item = f"<item><title>Edge</title><description>{words}</description></item>"
    (doc,) = _read(_write(tmp_path, "edge.xml", _rss_with_items(item)))
    assert isinstance(doc, RawDocument)
    assert doc.meta.teaser_only is True


@pytest.mark.parametrize("ending", ["Continue reading", "Read more »", "[…]", "…", "[...]"])
def test_long_description_ending_like_a_teaser_is_a_teaser(tmp_path: Path, ending: str) -> None:
    words = " ".join(f"word{i}" for i in range(TEASER_MAX_WORDS + 10))
    item = f"<item><title>Cut</title><description>{escape(words + ' ' + ending)}</description></item>"
    (doc,) = _read(_write(tmp_path, "cut.xml", _rss_with_items(item)))
    assert isinstance(doc, RawDocument)
    assert doc.meta.teaser_only is True


def test_html_teaser_in_description(tmp_path: Path) -> None:
    teaser = (
        "<p>The Skerry ferry timetable changes next week.</p>"
        '<p><a href="https://skerry.example/t">Continue reading</a></p>'
    )
    item = (
        "<item><title>Ferry</title><link>https://skerry.example/t</link>"
        f"<description>{escape(teaser)}</description></item>"
    )
    (doc,) = _read(_write(tmp_path, "teaser.rss", _rss_with_items(item)))
    assert isinstance(doc, RawDocument)
    assert doc.meta.teaser_only is True
    assert doc.html == teaser
    assert doc.text.startswith("The Skerry ferry timetable changes next week.")


def test_entry_with_markup_but_no_text_is_an_error_and_others_are_read(tmp_path: Path) -> None:
    empty = "<item><title>Blank</title><description>" + escape("<div><p></p><p></p></div>") + "</description></item>"
    fine = "<item><title>Fine</title><description>The quay lights are fixed.</description></item>"
    path = _write(tmp_path, "partly.rss", _rss_with_items(empty, fine))
    out = _read(path)
    assert out[0] == InputError(f"{path}#1", "no article text could be extracted from this HTML page")
    assert isinstance(out[1], RawDocument) and out[1].text == "The quay lights are fixed."


def test_feed_detected_without_extension_and_gzipped(tmp_path: Path) -> None:
    path = _write(tmp_path, "gazette.rss.gz", gzip.compress(RSS.encode("utf-8")))
    out = _read(path)
    assert [d.input for d in out] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first = _read(_write(tmp_path, "gazette_download", RSS))[0]
    assert isinstance(first, RawDocument)
    assert first.format is InputFormat.FEED


def test_rss_in_cp1252_declared_encoding(tmp_path: Path) -> None:
    text = "The café on Skerry quay – “The Gull” – reopens on Friday."
    feed = _rss_with_items(f"<item><title>Café</title><description>{text}</description></item>")
    feed = feed.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1252"?>')
    (doc,) = _read(_write(tmp_path, "legacy.xml", feed.encode("cp1252")))
    assert isinstance(doc, RawDocument)
    assert doc.text == text


def test_channel_language_reaches_entries(tmp_path: Path) -> None:
    doc = _read(_write(tmp_path, "gazette.rss", RSS))[1]
    assert isinstance(doc, RawDocument)
    assert doc.meta.language == "en-gb"


# --- Atom --------------------------------------------------------------------------------------------


def test_atom_entry_with_html_content(tmp_path: Path) -> None:
    path = _write(tmp_path, "tidings.atom", ATOM)
    first, second = _read(path)
    assert isinstance(first, RawDocument)
    assert first.input == f"{path}#1"
    assert first.format is InputFormat.FEED
    assert first.text.splitlines() == LAMP_PARAS
    assert first.html == LAMP_HTML
    meta = first.meta
    assert meta.teaser_only is False
    assert meta.id == "https://tidings.example/2024/03/tide-mill"
    assert meta.url == "https://tidings.example/2024/03/tide-mill"
    assert meta.title == "Tide mill reopens at Fenwick"
    assert meta.outlet == "Fenwick Tidings"
    assert meta.authors == ["Cassius Pell", "Marisol Fenn"]
    assert meta.published == datetime(2024, 3, 7, 7, 15, tzinfo=UTC)  # 09:15 +02:00
    assert meta.updated == datetime(2024, 3, 7, 11, 0, tzinfo=UTC)

    assert isinstance(second, RawDocument)
    assert second.input == f"{path}#2"
    assert second.text == "A brief note on the ferry timetable for the spring season."
    assert second.meta.teaser_only is True
    assert second.meta.published is None
    assert second.meta.updated == datetime(2024, 3, 8, 11, 0, tzinfo=UTC)


def test_atom_plain_text_content(tmp_path: Path) -> None:
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Plain</title>'
        "<entry><title>Note</title><id>https://p.example/1</id>"
        '<content type="text">The harbour crane is back in service after a week of repairs.</content>'
        "</entry></feed>"
    )
    (doc,) = _read(_write(tmp_path, "plain.atom", feed))
    assert isinstance(doc, RawDocument)
    assert doc.text == "The harbour crane is back in service after a week of repairs."
    assert doc.html is None
    assert doc.meta.teaser_only is False


def test_atom_entry_id_is_not_used_as_url(tmp_path: Path) -> None:
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        "<entry><title>x</title><id>tag:tidings.example,2024:8</id>"
        "<summary>Brief note.</summary></entry></feed>"
    )
    (doc,) = _read(_write(tmp_path, "nolink.atom", feed))
    assert isinstance(doc, RawDocument)
    assert doc.meta.id == "tag:tidings.example,2024:8"
    assert doc.meta.url is None


# --- whole-feed errors -------------------------------------------------------------------------------


def test_feed_without_entries_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "quiet.rss", _rss_with_items())
    assert _read(path) == [InputError(str(path), "feed has no entries")]


def test_atom_without_entries_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "quiet.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>')
    assert _read(path) == [InputError(str(path), "feed has no entries")]


def test_malformed_feed_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.rss", "this is not <a feed at all")
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert err.input == str(path)
    assert err.message.startswith("malformed feed: ")


def test_read_feed_directly() -> None:
    out = list(read_feed("mem", RSS.encode("utf-8")))
    assert [d.input for d in out] == ["mem#1", "mem#2", "mem#3"]


def test_feed_date_out_of_range_is_noted_and_the_entry_kept(tmp_path: Path) -> None:
    item = (
        "<item><title>Quay lights restored</title><pubDate>0000-00-00</pubDate>"
        "<description>Power to the harbour quay lights was restored on Sunday evening after a cable fault "
        "left the moorings dark for two nights, the port office said.</description></item>"
    )
    (doc,) = _read(_write(tmp_path, "f.rss", _rss_with_items(item)))
    assert isinstance(doc, RawDocument) and doc.meta.published is None
    assert len(doc.meta.ignored) == 1 and "'published'" in doc.meta.ignored[0]


@pytest.mark.parametrize(
    "content",
    [
        b'<?xml version="1.0" encoding="UTF\xad8"?>\n<rss version="2.0"><channel><title>T</title></channel></rss>',
        '<rss version="2.0"><channel><item><title>&#99999999;</title><description>x y z</description></item>'
        "</channel></rss>",
    ],
)
def test_feedparser_exceptions_are_one_malformed_feed_error(tmp_path: Path, content: str | bytes) -> None:
    items = _read(_write(tmp_path, "bad.rss", content))
    assert all(isinstance(i, InputError) for i in items) and len(items) == 1
