"""Metadata written into the article text itself: date lines, bylines, wire credits, datelines.

Each matcher looks at one stripped line (or the start of the first paragraph) and returns what it found,
or ``None``. The cleaner removes matched lines from the body and records them, so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..timeparse import parse_datetime

# Wire services and broadcasters that appear as credits; the key is the lower-cased form as written.
AGENCIES: dict[str, str] = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "the ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "cnn": "CNN",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "upi": "UPI",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "efe": "EFE",
    "ansa": "ANSA",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "bbc": "BBC",
    "nbc news": "NBC News",
    "abc news": "ABC News",
    "cbs news": "CBS News",
    "fox news": "Fox News",
    "aap": "AAP",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "bernama": "Bernama",
    "pa": "PA",
    "pa media": "PA",
    "press association": "PA",
    "canadian press": "Canadian Press",
    "the canadian press": "Canadian Press",
    "al jazeera": "Al Jazeera",
    "nyt": "The New York Times",
    "the new york times": "The New York Times",
    "the washington post": "The Washington Post",
    "msnbc": "MSNBC",
}

_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATEISH_RE = re.compile(
    rf"(\b({_MONTHS})[a-z]*\.?\s+\d{{1,2}}(st|nd|rd|th)?\b|\b\d{{1,2}}(st|nd|rd|th)?\s+({_MONTHS})|\d{{4}}-\d\d-\d\d)",
    re.I,
)
_YEAR_RE = re.compile(r"\b(19|20)\d\d\b")
_DATE_LINE_RE = re.compile(
    r"^(?P<label>last updated|updated|first published|published|posted|last modified|modified|created|date|"
    r"publication date|released)(\s+on)?\s*:?\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_READ_TIME_RE = re.compile(r"\b\d+[\s-]*(min|mins|minutes?)[\s-]*read\b", re.IGNORECASE)
_BYLINE_RE = re.compile(
    r"^(?:(?:reported|written|posted|compiled|story|words|text|report)\s+)?by\s*:?\s+(?P<names>.+)$|^(?:author|authors|reporter|"
    r"reported by|written by|byline)\s*:\s*(?P<names2>.+)$",
    re.IGNORECASE,
)
# "Medically reviewed by A", "Fact checked by B": people credited for the article, not its authors
_CREDIT_LINE_RE = re.compile(
    r"^(?:medically\s+|fact[- ]?)?(?:reviewed|checked|fact-checked|edited)\s+by\s*:?\s+(?P<names>.+)$", re.IGNORECASE
)
# degrees and suffixes after a name: "Rachael Link, MS, RD", "Athena Robinson, PhD"
_CREDENTIAL_RE = re.compile(r"^(?:[A-Z]{2,5}|Ph\.?D|PharmD|BSc|MSc|MPH|Jr|Sr|II|III)\.?$")
# "By A and B on Monday, November 18th, 2019 at 11:08 a.m.": a byline with its date after "on"
_ON_DATE_RE = re.compile(r"\s+on\s+(?=[A-Z0-9])")
_NAME_PART = r"(?:[A-Z][\w'’.-]*|(?:de|da|del|der|van|von|bin|al|el|la|le|di|du|dos|mc)\b[-’']?)"
_NAME_RE = re.compile(rf"^{_NAME_PART}(?:[ -]{_NAME_PART}){{0,4}}$")
_SPLIT_NAMES_RE = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*")
_WIRE_CREDIT_RE = re.compile(
    r"\(\s*(?P<body>(?:(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research|produced|graphics|"
    r"reporting and writing|writing and reporting|fact-checking)\s+(?:by\s+)?[^()]+?))\s*\)\s*$",
    re.IGNORECASE,
)
_CONTRIB_RE = re.compile(
    r"^(?:(?P<names>.+?)\s+(?:of|from|for)\s+)?(?P<org>(?:the\s+)?[A-Z][\w&.'’ -]{1,60}?)\s+contributed\s+"
    r"(?:reporting\s+)?(?:to\s+)?(?:this\s+)?(?:report|story|article|reporting|coverage)\.?$",
)
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,38}[A-Z.](?:,\s*[A-Z][\w.'’ ]{1,30}?)?)\s*"
    r"(?:\((?P<agency>[A-Z][\w&.'’ -]{1,40})\)\s*)?(?P<dash>[-—–―]{1,2}|:)\s*"
)


@dataclass(slots=True)
class Found:
    """What a metadata line told us; ``kind`` is also the removal reason."""

    kind: str
    published: datetime | None = None
    updated: datetime | None = None
    byline: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    agency: str | None = None


_IN_PLACE_RE = re.compile(r"\s+in\s+[A-Z][\w.' -]*$")


def agency_name(text: str) -> str | None:
    """The canonical agency for ``text`` ("The Associated Press" -> "AP"), or ``None``."""
    return AGENCIES.get(" ".join(text.lower().strip(" .").split()))


def split_names(text: str) -> list[str]:
    parts = [p.strip(" .") for p in _SPLIT_NAMES_RE.split(text)]
    return [p for p in parts if p]


_ORG_WORDS = frozenset(
    [
        "wire",
        "service",
        "services",
        "news",
        "agency",
        "press",
        "staff",
        "desk",
        "bureau",
        "media",
        "reporters",
        "newsroom",
        "team",
        "editors",
        "editorial",
        "online",
        "digital",
        "correspondents",
        "network",
        "radio",
        "television",
        "tv",
        "times",
        "post",
        "daily",
        "herald",
        "journal",
    ]
)


def is_organisation(text: str) -> bool:
    """ "Valeport Wire Service", "Staff Reporters": credits that name an organisation, not a person."""
    return agency_name(text) is not None or any(w.lower().strip(".") in _ORG_WORDS for w in text.split())


def is_name(text: str) -> bool:
    return (
        bool(_NAME_RE.match(text)) and any(c.islower() for c in text) and len(text) <= 50 and not is_organisation(text)
    )


def has_year(text: str) -> bool:
    return _YEAR_RE.search(text) is not None


def date_value(text: str) -> datetime | None:
    """A date with a year, from a short piece of text; cheap to reject text that holds none."""
    if len(text) > 90 or not _YEAR_RE.search(text) or not _DATEISH_RE.search(text):
        return None
    return parse_datetime(_READ_TIME_RE.sub("", text).strip(" •|·-"))


def match_date_line(line: str) -> Found | None:
    if "|" in line:  # "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019"
        parts = [match_date_line(part.strip()) for part in line.split("|") if part.strip()]
        if len(parts) < 2 or any(part is None for part in parts):
            return None
        found = Found("date-line")
        for part in parts:
            assert part is not None
            found.published = found.published or part.published
            found.updated = found.updated or part.updated
        return found
    m = _DATE_LINE_RE.match(line)
    if m:
        value = date_value(m.group("value"))
        if value is None:
            return None
        label = m.group("label").lower()
        if "updated" in label or "modified" in label:
            return Found("date-line", updated=value)
        return Found("date-line", published=value)
    if len(line.split()) > 12:
        return None
    value = date_value(line)
    return Found("date-line", published=value) if value is not None else None


def _names_and_agency(text: str) -> tuple[list[str], str | None] | None:
    names: list[str] = []
    agency: str | None = None
    for part in split_names(text):
        if names and _CREDENTIAL_RE.match(part):
            continue
        found = agency_name(part) or (part if is_organisation(part) and _NAME_RE.match(part) else None)
        if found:
            agency = agency or found
        elif is_name(part):
            names.append(part)
        else:
            return None
    if not names and agency is None:
        return None
    return names, agency


def match_byline(line: str) -> Found | None:
    """ "By A and B", "Reported by: A", optionally with a date: "By A | Updated March 2, 2022"."""
    segments = [s.strip() for s in re.split(r"\s+[|•·–—-]\s+|\s*\|\s*", line) if s.strip()]
    result = Found("byline")
    have_names = False
    for seg in segments:
        credit = _CREDIT_LINE_RE.match(seg)
        if credit:
            parsed = _names_and_agency(credit.group("names"))
            if parsed is None or not parsed[0]:
                return None
            result.credits.extend(parsed[0])
            have_names = True
            continue
        m = _BYLINE_RE.match(seg)
        if m:
            names = m.group("names") or m.group("names2")
            parsed = _names_and_agency(names)
            if parsed is None:
                parsed = _names_then_date(names, result)
            if parsed is None:
                return None
            result.byline.extend(parsed[0])
            result.agency = result.agency or parsed[1]
            have_names = True
            continue
        dated = match_date_line(seg)
        if dated is not None:
            result.published = result.published or dated.published
            result.updated = result.updated or dated.updated
            continue
        if _READ_TIME_RE.fullmatch(seg.strip("· ")):
            continue
        return None
    return result if have_names else None


def _names_then_date(text: str, result: Found) -> tuple[list[str], str | None] | None:
    """ "A, B on Monday, November 18th, 2019 at 11:08 a.m.": the names, and the date into ``result``."""
    for m in _ON_DATE_RE.finditer(text):
        value = date_value(text[m.end() :])
        parsed = _names_and_agency(text[: m.start()]) if value is not None else None
        if parsed is not None:
            result.published = result.published or value
            return parsed
    return None


def match_wire_credit(line: str) -> tuple[Found, int] | None:
    """ "(Reporting by A, B and C; Editing by D)" at the end of a line; returns it and where it starts."""
    m = _WIRE_CREDIT_RE.search(line)
    if not m:
        return None
    found = Found("wire-credit")
    for part in m.group("body").split(";"):
        role, _, names = part.strip().partition(" by ")
        if not names:
            continue
        people: list[str] = []
        for name in split_names(names):
            name = _IN_PLACE_RE.sub("", name)  # "Huw Jones in London"
            agency = agency_name(name)
            if agency:
                found.agency = found.agency or agency
            else:
                people.append(name)
        role = role.lower()
        if role.startswith(("reporting", "writing")) and not role.startswith("additional"):
            found.byline.extend(people)
        else:
            found.credits.extend(people)
    if not found.byline and not found.credits:
        return None
    return found, m.start()


_BARE_CREDIT_RE = re.compile(
    r"^(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research|produced|graphics|"
    r"reporting and writing|writing and reporting|fact-checking)\s+by\s",
    re.IGNORECASE,
)


def match_bare_wire_credit(line: str) -> Found | None:
    """ "Reporting by A; Editing by B" as a line of its own, without the brackets wire copy often has.

    Every part must be a person's name or an agency, so a sentence such as "Reporting by the paper showed
    that ..." stays text."""
    body = line.strip().rstrip(".")
    if not _BARE_CREDIT_RE.match(body) or "(" in body or ")" in body:
        return None
    for part in body.split(";"):
        role, _, names = part.strip().partition(" by ")
        if not _BARE_CREDIT_RE.match(f"{role} by ") or not names:
            return None
        for name in split_names(names):
            if not (agency_name(name) or is_name(_IN_PLACE_RE.sub("", name))):
                return None
    credit = match_wire_credit(f"({body})")
    return credit[0] if credit is not None else None


def match_contributors(line: str) -> Found | None:
    """ "A, B and C of CNN contributed to this report." -> agency CNN, credits A, B, C."""
    m = _CONTRIB_RE.match(line)
    if not m:
        return None
    org = m.group("org").strip()
    found = Found("contributors", agency=agency_name(org) or re.sub(r"^the\s+", "", org, flags=re.I))
    if m.group("names"):
        found.credits = [n for n in split_names(m.group("names")) if is_name(n)]
    return found


def match_dateline(paragraph: str) -> tuple[str, str | None, int] | None:
    """``WASHINGTON (Reuters) -`` at the start of a paragraph: (place, agency, length of the prefix)."""
    m = _DATELINE_RE.match(paragraph)
    if not m:
        return None
    place = m.group("place").strip()
    city = place.split(",")[0]
    if sum(c.isupper() for c in city) < 3 or any(c.islower() for c in city):
        return None
    if m.group("dash") == ":" and not m.group("agency"):
        return None
    agency = m.group("agency")
    if agency:
        agency = agency_name(agency) or agency.strip()
    return place, agency, m.end()


# a press release's dateline: "CHICAGO, Nov. 30, 2018 /PRNewswire/ --" (any case: dumps fold it), the wire's
# name between slashes, sometimes with a service after it ("/PRNewswire-USNewswire/")
_RELEASE_DATELINE_RE = re.compile(
    r"^(?P<place>[^\W\d_][^\n/,]{1,40}(?:,\s*[^\W\d_][^\n/,]{1,30}?)?),\s*"
    r"(?P<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d)\s*"
    r"/\s*(?P<agency>pr\s?newswire|business\s?wire|globe\s?newswire|marketwired|accesswire|newswire|eurekalert!?)"
    r"(?:-[\w ]{1,30})?\s*/\s*(?:--|[—–-])?\s*",
    re.IGNORECASE,
)
RELEASE_WIRES = {"prnewswire": "PR Newswire", "businesswire": "Business Wire", "globenewswire": "GlobeNewswire"}


def match_release_dateline(paragraph: str) -> tuple[str, str, datetime | None, int] | None:
    """``CHICAGO, Nov. 30, 2018 /PRNewswire/ --`` at the start of a paragraph: (place, wire, the release's
    date, length of the prefix)."""
    m = _RELEASE_DATELINE_RE.match(paragraph)
    if not m:
        return None
    wire = "".join(m.group("agency").split()).lower()
    agency = RELEASE_WIRES.get(wire, m.group("agency").strip())
    return m.group("place").strip(), agency, date_value(m.group("date")), m.end()


# a full date in a URL path or a file name: 2016-02-03, 2016_02_03, 2016/02/03, 20160203
_ADDRESS_DATE_RE = re.compile(r"(?<![\d])((?:19|20)\d\d)([-_/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])")


def date_in_address(address: str) -> datetime | None:
    """The publication day a URL or file name states (``/2016/02/03/``, ``wash-post_2015-12-04_….txt``),
    as midnight UTC; None when it holds no full, valid date. Only the path counts: the query string
    and fragment of a URL are left out (their numbers are ids and tracking codes)."""
    path = address.split("?", 1)[0].split("#", 1)[0]
    for m in _ADDRESS_DATE_RE.finditer(path):
        try:
            return datetime(int(m.group(1)), int(m.group(3)), int(m.group(4)), tzinfo=UTC)
        except ValueError:  # 2015-02-30
            continue
    return None
