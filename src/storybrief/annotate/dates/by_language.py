"""Day-granular dates in languages other than English, from the words of their :mod:`storybrief.lang` table.

The English tagger (:func:`.tag_dates`) reads English only. For an article in another language with a
table, this finds what a timeline needs: written dates ("22 Oktober 2022", "2022年10月22日", "9月22日"),
weekday names ("Khamis", "周四"; the most recent one on or before the publication day, or the next one
after "下"), and day words ("semalam", "昨天"). A date without a year and every relative expression
need the publication date; without it they are left out.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ...lang import LanguageTable
from ...model import TimeMention
from .core import day_date, weekday_date

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUMBER = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_CJK_DATE_RE = re.compile(
    rf"(?:(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*)?(?P<m>{_CN_NUMBER})\s*月\s*(?P<d>{_CN_NUMBER})\s*[日号號]"
)


def _cn_number(text: str) -> int:
    """A number written in digits or in Chinese numerals up to 39 ("二十二" = 22), or a year ("二〇二二")."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS[ch]
    return value


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=32)
def _patterns(table: LanguageTable) -> tuple[re.Pattern[str] | None, re.Pattern[str], re.Pattern[str]]:
    """Written dates with month names, weekday names, day words: of ``table``'s language."""
    edge = r"\b" if table.spaced else ""
    months = None
    if table.months:
        months = re.compile(
            rf"\b(?P<d>\d{{1,2}})\s+(?P<mn>{_alt([w for w, _ in table.months])})\.?(?:,?\s+(?P<y>\d{{4}}))?\b"
        )
    weekdays = re.compile(rf"(?P<pre>[上下])?{edge}(?P<wd>{_alt([w for w, _ in table.weekdays])}){edge}")
    relative = re.compile(rf"{edge}(?P<rel>{_alt([w for w, _ in table.relative_days])}){edge}", re.I)
    return months, weekdays, relative


def tag_language_dates(text: str, anchor: date | None, table: LanguageTable) -> list[TimeMention]:
    """The day-granular dates of ``text`` written in ``table``'s language, sorted and non-overlapping."""
    found: list[tuple[int, int, date]] = []
    if not table.spaced:
        for m in _CJK_DATE_RE.finditer(text):
            _add(found, m, _ymd(m, anchor, dict(table.months)))
    months, weekdays, relative = _patterns(table)
    if months is not None:
        month_of = dict(table.months)
        for m in months.finditer(text):
            _add(found, m, _ymd(m, anchor, month_of))
    if anchor is not None:
        weekday_of, offset_of = dict(table.weekdays), {w.lower(): n for w, n in table.relative_days}
        for m in weekdays.finditer(text):
            pre = m.group("pre")
            direction = "future" if pre == "下" else None
            day = weekday_date(anchor, weekday_of[m.group("wd")], direction, strict=pre is not None)
            if pre == "上":
                day = weekday_date(anchor - timedelta(days=anchor.weekday() + 1), weekday_of[m.group("wd")], None)
            _add(found, m, day)
        for m in relative.finditer(text):
            _add(found, m, anchor + timedelta(days=offset_of[m.group("rel").lower()]))
    found.sort()
    out: list[TimeMention] = []
    for start, end, day in found:
        if out and start < out[-1].end:
            continue
        out.append(TimeMention(text[start:end], start, end, day.isoformat(), "day", True))
    return out


def _ymd(m: re.Match[str], anchor: date | None, month_of: dict[str, int]) -> date | None:
    month = month_of[m.group("mn")] if "mn" in m.re.groupindex else _cn_number(m.group("m"))
    day = _cn_number(m.group("d"))
    if m.group("y"):
        try:
            return date(_cn_number(m.group("y")), month, day)
        except ValueError:
            return None
    if anchor is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return day_date(anchor, month, day, None)


def _add(found: list[tuple[int, int, date]], m: re.Match[str], day: date | None) -> None:
    if day is not None:
        found.append((m.start(), m.end(), day))
