"""HTML pages: article text and metadata through trafilatura, full timestamps from the page's meta tags."""

from __future__ import annotations

import re
import warnings
from typing import Any

from ..errors import InputProblem, Msg
from ..model import InputFormat, Metadata, RawDocument
from ..timeparse import parse_datetime
from .decode import strip_markup_controls

_TAG_RE = re.compile(r"<\s*(p|br|div|html|body|article|span|a|h[1-6]|li|ul|em|strong|b|i)\b[^>]*>", re.IGNORECASE)
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publishdate",
    "time:datetime",
    "sailthru.date",
    "parsely-pub-date",
)
_UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified")


def looks_like_html(text: str) -> bool:
    """True when a string (a JSON field, a feed entry) is markup rather than plain text."""
    return len(_TAG_RE.findall(text[:5000])) >= 2


def raw_from_html(
    label: str, html: str, meta: Metadata | None = None, fmt: InputFormat = InputFormat.HTML, url: str | None = None
) -> RawDocument:
    """Extract the article from ``html``; fields already in ``meta`` (from a container) take precedence."""
    import trafilatura

    html = strip_markup_controls(html)  # lxml refuses NUL and other control characters
    meta = meta or Metadata()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            url=url or meta.url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            deduplicate=False,
        )
    found: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = found.get("text") or ""
    if not text.strip():
        raise InputProblem(Msg.HTML_NO_TEXT)
    tags = _meta_tags(html)
    meta.title = meta.title or found.get("title")
    meta.subtitle = meta.subtitle or found.get("description")
    meta.url = meta.url or found.get("url") or url
    meta.outlet = meta.outlet or found.get("sitename")
    meta.language = meta.language or found.get("language") or tags.get("og:locale") or _html_lang(html)
    if not meta.authors and found.get("author"):
        meta.authors = [a.strip() for a in re.split(r";|,| and ", found["author"]) if a.strip()]
    if meta.published is None:
        meta.published = _first_date(tags, _PUBLISHED_META) or (
            parse_datetime(found["date"]) if found.get("date") else None
        )
    if meta.updated is None:
        meta.updated = _first_date(tags, _UPDATED_META)
    return RawDocument(input=label, format=fmt, text=text, meta=meta, html=html, page_text=False)


def _meta_tags(html: str) -> dict[str, str]:
    """``<meta>`` name/property -> content, lower-cased keys; first occurrence wins."""
    from lxml import html as lxml_html

    try:
        # parse the decoded string: re-encoding would let a <meta charset> declaration mislead lxml
        tree = lxml_html.fromstring(html)
    except ValueError:  # a str with an XML encoding declaration must be given to lxml as bytes
        try:
            tree = lxml_html.fromstring(html.encode("utf-8", errors="replace"))
        except Exception:
            return {}
    except Exception:  # lxml raises several types for hopeless markup; metadata is optional
        return {}
    tags: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        content = (node.get("content") or "").strip()
        if key and content and key not in tags:
            tags[key] = content
    for node in tree.iter("time"):
        if node.get("datetime") and "time:datetime" not in tags:
            tags["time:datetime"] = node.get("datetime", "")
    return tags


def _first_date(tags: dict[str, str], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in tags:
            value = parse_datetime(tags[key])
            if value is not None:
                return value
    return None


def _html_lang(html: str) -> str | None:
    m = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", html[:3000], re.IGNORECASE)
    return m.group(1).lower() if m else None
