"""How a brief names an article: its outlet, and a headline for an article without a title.

* **Outlet**: the container's outlet (a feed's channel, a record's ``source`` field, a page's site name)
  when it reads as a name, else the domain of the article's URL, else ``unknown outlet``. Never the input
  path or its line number, never a byline ("CNN's Jane Doe", "By Jane Doe"), never the agency of a credit
  line: "X contributed to this report" says who helped, not who published.
* **Headline**: the article's own title when it has one; otherwise its lead, the first sentence fit for a
  brief (see :mod:`.fluff`: captions and page furniture are never a lead), shortened at a clause boundary
  (never mid-word) with an ellipsis where it was cut.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..model import Article

UNKNOWN_OUTLET = "unknown outlet"
HEADLINE_CHARS = 100  # a longer lead is shortened to at most this many characters plus the ellipsis
MIN_HEADLINE_CHARS = 30  # a clause boundary earlier than this leaves too little; cut at a word instead
TITLE_CHARS = 160  # a title longer than this is a sentence a scrape put in the title field: shortened too
MAX_OUTLET_WORDS = 6
MAX_OUTLET_CHARS = 60
ELLIPSIS = "…"

_FILE_RE = re.compile(r"(?i)\.(?:txt|json|jsonl|ndjson|html?|xml|rss|atom|csv|tsv|md|gz|bz2|xz|zip|warc|arc)\b")
_RECORD_RE = re.compile(r"(?:[:#]\d+|\.\w{1,5}:\d+)$")  # "file.jsonl:3", "feed.xml#2"
_BYLINE_RE = re.compile(
    r"(?i)^by\b|\b(?:contributed|reporting|reported by|writes|written by|staff writer|correspondent|editor|"
    r"reporter|columnist|photographer)\b|[\w.]+['’]s\s+[A-Z]|@"
)
_DOMAIN_RE = re.compile(r"(?i)^(?:https?://)?(?:www\d?\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(?:/.*)?$")
_CLAUSE_RE = re.compile(r"[,;:](?=\s)|\s[—–-]{1,2}(?=\s)|\s\((?=\w)")
# a lower-case letter run straight into an upper-case place and a comma or dash: a dateline glued to a title
_GLUED_RE = re.compile(r"(?<=[a-z])(?=[A-Z]{4,}(?: [A-Z]{2,})*(?:,| [-—–(]))")
_OPEN_CLOSE = {"“": "”", "(": ")", "[": "]", "‘": "’"}


def _domain(value: str | None) -> str | None:
    """The host of a URL, or of a bare domain ("www.cnn.com" -> "cnn.com"), without ``www.``."""
    if not value:
        return None
    value = value.strip()
    if "://" in value:
        host = urlsplit(value).hostname or ""
        if host.startswith("www.") or re.match(r"www\d\.", host):
            host = host.split(".", 1)[1]
        return host if "." in host else None
    m = _DOMAIN_RE.match(value)
    return m.group(1).lower() if m and " " not in value else None


def _named_outlet(value: str) -> bool:
    """Whether an outlet field reads as an outlet's name, not a path, a record number or a byline."""
    if not value or len(value) > MAX_OUTLET_CHARS or len(value.split()) > MAX_OUTLET_WORDS:
        return False
    if "/" in value or "\\" in value or _FILE_RE.search(value) or _RECORD_RE.search(value):
        return False
    return not _BYLINE_RE.search(value)


def outlet_name(article: Article) -> str:
    """The outlet an article ran in, as the brief names it (see the module docstring)."""
    given = " ".join((article.outlet or "").split())
    domain = _domain(given)
    if domain:
        return domain
    if _named_outlet(given):
        return given
    for source in (article.url, article.input if "://" in article.input else None):
        domain = _domain(source)
        if domain:
            return domain
    return UNKNOWN_OUTLET


def _balanced(text: str) -> bool:
    if text.count('"') % 2:
        return False
    return all(text.count(o) == text.count(c) for o, c in _OPEN_CLOSE.items())


def shorten(text: str, limit: int = HEADLINE_CHARS, least: int = MIN_HEADLINE_CHARS) -> str:
    """``text`` on one line, cut to at most ``limit`` characters at the last clause boundary (a comma,
    semicolon, colon, dash or bracket that leaves at least ``least`` characters), else at the last
    word boundary, never inside a word; an ellipsis marks the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cuts = [m.start() for m in _CLAUSE_RE.finditer(head) if least <= m.start() <= limit]
    cuts = [c for c in cuts if _balanced(text[:c])] or cuts
    if cuts:
        cut = cuts[-1]
    else:
        spaces = [i for i, ch in enumerate(head) if ch == " " and i > 0]
        cut = spaces[-1] if spaces else limit
        while cut > 0 and not text[cut - 1].isalnum() and text[cut - 1] not in '"”’)':
            cut -= 1  # no dangling "and -" or comma before the ellipsis
        if cut == 0:  # one word longer than the limit: cut it whole at the limit
            cut = limit
    return text[:cut].rstrip(" ,;:—–-(") + ELLIPSIS


def title_headline(title: str) -> str:
    """A title as a headline: on one line; cut where a scrape glued the dateline or the text to it
    ("… guru Mohd Fadli esokPUTRAJAYA, 17 Okt (Bernama) -- …"); a sentence-long title shortened like a lead
    (at most ``TITLE_CHARS``)."""
    text = " ".join(title.split())
    glued = _GLUED_RE.search(text)
    if glued is not None and glued.start() >= MIN_HEADLINE_CHARS:
        text = text[: glued.start()].rstrip(" ,;:—–-")
    return shorten(text, TITLE_CHARS, TITLE_CHARS // 2)  # a title cut keeps most of it


def article_headline(article: Article) -> str:
    """The article's title, or its lead shortened (see the module docstring); "" for an empty article."""
    if article.title and article.title.strip():
        return title_headline(article.title)
    from .fluff import is_transcript
    from .sentences import eligible, well_formed  # sentences imports the TF-IDF machinery

    headings = [(b.start, b.end) for b in article.blocks if b.kind == "heading"]
    transcript = is_transcript(article.text)
    fallback = None
    for s in article.sentences:
        text = article.text[s.start : s.end].strip()
        if not text or not eligible(article, s.start, s.end, text, headings, transcript):
            continue
        if well_formed(text):
            return shorten(text)
        fallback = fallback or text
    if fallback:
        return shorten(fallback)
    return shorten(article.text.strip().split("\n", 1)[0]) if not article.sentences else ""
