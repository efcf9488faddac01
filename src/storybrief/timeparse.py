"""Parsing of date strings found in metadata and text into timezone-aware datetimes."""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

# Time-zone abbreviations that appear in news datelines, with their offsets in minutes. Ambiguous
# abbreviations take the reading common in English-language news (IST = India, CST = US Central).
TZ_OFFSETS: dict[str, int] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "IST": 330,
    "PKT": 300,
    "ICT": 420,
    "WIB": 420,
    "SGT": 480,
    "HKT": 480,
    "PHT": 480,
    "AWST": 480,
    "KST": 540,
    "JST": 540,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,
    "EDT": -240,
    "ET": -300,
    "CST": -360,
    "CDT": -300,
    "CT": -360,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "PT": -480,
    "AKST": -540,
    "HST": -600,
}

_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
_TZ_RE = re.compile(r"(?<![\w/])(" + "|".join(sorted(TZ_OFFSETS, key=len, reverse=True)) + r")(?![\w/])")
_RFC822_RE = re.compile(
    r"^([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(:\d{2})?\s*([+-]\d{4}|GMT|UT|UTC|Z)$"
)
_ORDINAL_RE = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_FAST_RES = [
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(?:,?\s+(?:at\s+)?{_TIME})?$", re.I),
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})(?:,?\s+(?:at\s+)?{_TIME})?$", re.I),
    re.compile(rf"^{_TIME},?\s+{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})$", re.I),
]


def tz_from_abbreviation(abbr: str) -> timezone | None:
    minutes = TZ_OFFSETS.get(abbr.upper())
    return None if minutes is None else timezone(timedelta(minutes=minutes))


def aware(value: datetime) -> datetime:
    """Naive datetimes from metadata are taken as UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


@lru_cache(maxsize=4096)
def parse_datetime(value: str) -> datetime | None:
    """Parse an ISO 8601 or free-form English date ("Updated 1:39 am EST, Nov 20, 2019") into an aware datetime.

    Returns ``None`` when the string holds no recognisable date; never guesses a year that is not there.
    """
    text = " ".join(value.split())
    if not text:
        return None
    if _RFC822_RE.match(text):  # feeds and mail headers: "Tue, 05 Mar 2024 08:30:00 +0100"
        try:
            return aware(email.utils.parsedate_to_datetime(text))
        except (TypeError, ValueError):
            pass
    if _ISO_RE.match(text):
        try:
            return aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            return None
    tz: timezone | None = None
    m = _TZ_RE.search(text)
    if m:
        tz = tz_from_abbreviation(m.group(1))
        text = text[: m.start()] + " " + text[m.end() :]
    text = _ORDINAL_RE.sub(r"\1", text).strip(" ,")
    if not re.search(r"\b\d{4}\b", text):
        return None  # a date without a year would have to be guessed
    fast = _fast_parse(" ".join(text.split()))
    if fast is not None:
        return fast.replace(tzinfo=tz or UTC)
    text = text.replace(" at ", " ")
    import dateparser  # slow to import; only needed for free-form dates

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False}
    parsed: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if tz is not None:
        return parsed.replace(tzinfo=tz)
    return aware(parsed)


def _fast_parse(text: str) -> datetime | None:
    """The common English news formats without dateparser (which costs milliseconds a call)."""
    for pattern in _FAST_RES:
        m = pattern.match(text)
        if not m:
            continue
        hour = int(m.group("hour") or 0)
        minute = int(m.group("minute") or 0)
        ampm = (m.group("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        try:
            return datetime(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")), hour, minute)
        except ValueError:
            return None
    return None
