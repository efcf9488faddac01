"""Rules for calendar dates and clock times: numeric dates, month names with or without a day and a
year, bare years, and times of day ("9:30 a.m.", "noon Thursday", "5 p.m. EST, Nov. 6")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .core import TEMPORAL_WORDS, Ctx, Hit, Rule, day_date, month_year, weekday_date
from .lexicon import (
    DAYNUM,
    DAYWORD,
    MONTH,
    MONTH_FIRST,
    MONTHS,
    ORDINAL_FIRST,
    ORDINAL_WORDS,
    PREFIX_FIRST,
    SPELLED_YEAR,
    WEEKDAY,
    WEEKDAY_FIRST,
    WEEKDAYS,
    YEAR,
    first_words,
    is_capitalised,
    month_number,
    spelled_year,
    year_value,
)

_I = re.IGNORECASE

# --- numeric dates: 2021-09-30, 2021-09-30T14:30, 9/30/2021 --------------------------------------

_ISO = re.compile(
    r"(?<![\d/.-])(?P<y>(?:1[89]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])"
)
_SLASH = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")


def _iso(m: re.Match[str], ctx: Ctx) -> Hit | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["h"]:
        return Hit(f"{day.isoformat()}T{m['h']}:{m['mi']}", "time", "time")
    return Hit(day.isoformat(), "day")


_NUMERIC_DATE_RE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(?:19|20)?\d\d(?![\d/])")


def numeric_order(text: str, day_first: bool | None) -> bool:
    """Whether ``text`` writes numeric dates day first: a date only one order can read decides ("25/7/2022"
    is day first, "7/25/2022" month first; the first such date wins), else ``day_first``, else month first."""
    for m in _NUMERIC_DATE_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b >= 1:
            return True
        if b > 12 >= a >= 1:
            return False
    return bool(day_first)


def _slash(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """9/30/2021 or 30/9/2021: the order one number forces, else the text's order (``numeric_order``:
    from the article's language or locale, or another date of the text; month first as in US news)."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000 if year <= (ctx.anchor.year % 100 + 10 if ctx.anchor else 30) else 1900
    if ctx.order is None:  # worked out once per text, only when it has such a date
        ctx.order = numeric_order(ctx.text, ctx.day_first)
    month, day = (b, a) if a > 12 or (ctx.order and b <= 12) else (a, b)
    try:
        return Hit(date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


# --- month names: March 9, 2022 / 9 March / the 9th of March / March 2022 / last March -----------

_MONTHDAY = re.compile(
    r"(?:(?P<around>around|approximately|circa)\s+)?(?:(?P<rel>this\s+coming|this\s+past|this|last|next)\s+)?"
    rf"(?:(?P<wd>{WEEKDAY})(?:,\s*|\s+))?"
    r"(?:(?P<pre>mid-|(?:early|late|mid|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half"
    r"|last\s+half|rest|remainder)\s+of)\s+))?(?:"
    rf"(?P<m1>{MONTH})\s*(?P<d1>{DAYNUM}|{DAYWORD}\b)"
    rf"(?:(?:,\s*|\s+)(?P<y1>{YEAR}|{SPELLED_YEAR})|,?\s+(?P<rel1>this|last|next)\s+year\b(?!['’]))?"
    rf"|(?:the\s+)?(?P<d2>{DAYNUM}|{DAYWORD})(?:\s+of)?\s+(?P<m2>{MONTH})"
    rf"(?:,?\s+(?P<y2>{YEAR})|,?\s+(?P<rel2>this|last|next)\s+year\b(?!['’]))?"
    rf"|(?P<m3>{MONTH})(?:,?\s+(?:of\s+)?(?P<y3>{YEAR}|{SPELLED_YEAR})|\s+(?P<rel3>this|last|next)\s+year\b)?"
    r")(?![\w-])",
    _I,
)
_MONTH_VERBS = frozenset({"may", "march"})
_NOT_AFTER_MARCH = frozenset("on to for of through against toward towards past into across along from down up".split())


def _bare_month_ok(m: re.Match[str], ctx: Ctx, word: str) -> bool:
    """A month name standing alone is a date only in date-like surroundings (not "Theresa May")."""
    prev = ctx.prev_word(m.start())
    after = ctx.word_after(m.end())
    if prev in TEMPORAL_WORDS:
        return True
    name_before = re.search(r"[A-Z][\w.'’-]*\s+$", ctx.text[max(0, m.start() - 30) : m.start()])
    if name_before and not ctx.at_sentence_start(name_before.start() + max(0, m.start() - 30)):
        return False  # "Theresa May", "Brian May"
    if after[:1].isupper() and after.lower() not in WEEKDAYS and after.lower().rstrip(".") not in MONTHS:
        return False  # "June Carter"
    if word.lower() in _MONTH_VERBS:  # "the March meeting", not "May rise" or "march on"
        return prev == "the" and after.lower() not in _NOT_AFTER_MARCH and after != ""
    return True


# Nouns that make "October 6" before them part of a name: "the October 6 bridge", "April 6 Youth Movement".
_NAMED_NOUNS = frozenset(
    "bridge street st road avenue square stadium airport university hospital station school college park "
    "city district village camp movement alliance coalition brigade brigades front party club mosque "
    "church tower building market mall highway port canal dam metro youth group".split()
)


def _names_a_thing(m: re.Match[str], ctx: Ctx) -> bool:
    """A day of the month used as a name: before a noun of places and bodies ("the October 6 bridge"),
    or between "the" and a capitalised word ("the March 14 Alliance")."""
    after = ctx.word_after(m.end())
    if not after or ctx.text[m.end() : m.end() + 1] not in " \t":
        return False
    if after.lower() in _NAMED_NOUNS:
        return True
    capital = after[:1].isupper() and after.lower().rstrip(".") not in MONTHS and after.lower() not in WEEKDAYS
    return capital and ctx.prev_word(m.start()) in ("the", "a", "an")


def _day_number(raw: str | None) -> int | None:
    """The day of month a DAYNUM or DAYWORD fragment names (None without one, 0 when not a valid day)."""
    if not raw:
        return None
    digits = re.match(r"\d+", raw)
    day = int(digits.group()) if digits else ORDINAL_WORDS.get(" ".join(raw.lower().split()), 0)
    return day if 1 <= day <= 31 else 0


def _monthday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m["m1"] or m["m2"] or m["m3"]
    month = month_number(word)
    day = _day_number(m["d1"] or m["d2"])
    if not is_capitalised(word) or month is None or day == 0 or (m["wd"] and not day):
        return None  # "Friday March" is left to the weekday rule
    raw_year = m["y1"] or m["y2"] or m["y3"]
    year = year_value(raw_year) if raw_year else None
    if day and _names_a_thing(m, ctx):
        return None
    rel = " ".join((m["rel"] or "").lower().split())
    if m["m3"] and year is None and not (m["rel3"] or m["pre"] or rel) and not _bare_month_ok(m, ctx, word):
        return None
    if year is not None:
        hit = _month_hit(year, month, day, None)
        if hit is not None and day and ctx.anchor is not None and year != ctx.anchor.year:
            ctx.story_day = (date(year, month, day), m.end())
            ctx.named_days[(month, day)] = date(year, month, day)
        return hit
    if ctx.anchor is None:
        return Hit(f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""), "day" if day else "month", anchored=False)
    anchor = ctx.anchor
    direction: str | None = None
    rel_year = m["rel1"] or m["rel2"] or m["rel3"]
    if rel_year:  # "June last year", "Sep 14 last year"
        step = {"last": -1, "next": 1}.get(rel_year.lower(), 0)
        year, direction = anchor.year + step, ("past" if step < 0 else "future" if step > 0 else None)
    elif rel in ("last", "this past"):
        direction = "past"
    elif rel in ("next", "this coming"):
        direction = "future"
    elif rel != "this":
        direction = ctx.direction(m.start(), m.end())
    if year is None and day:
        found = _weekday_year(anchor, month, day, m["wd"]) or _story_date(ctx, month, day, m.start())
        found = found or ctx.named_days.get((month, day))
        found = found or day_date(anchor, month, day, direction)
        if found is None:
            return None
        year = found.year
        if direction is not None:  # the reading taken may go against the tense (see ``day_date``)
            direction = "past" if found < anchor else "future" if found > anchor else None
    elif year is None:
        if rel == "this":
            year = anchor.year
        elif rel and direction == "past":  # "last March": the previous month would be "last month"
            year = anchor.year if month < anchor.month - 1 else anchor.year - 1
        elif rel and direction == "future":
            year = anchor.year if month > anchor.month + 1 else anchor.year + 1
        else:
            year = month_year(anchor, month, direction)
    return _month_hit(year, month, day, direction)


def _story_date(ctx: Ctx, month: int, day: int, start: int) -> date | None:
    """ "On Aug 10, 2021, ... On Aug 8, ...": a day named without a year shortly after a day named with
    another year than the publication's, and within a month of it, is in that year."""
    if ctx.story_day is None or start - ctx.story_day[1] > 800:
        return None
    story = ctx.story_day[0]
    try:
        candidate = date(story.year, month, day)
    except ValueError:
        return None
    return candidate if abs((candidate - story).days) <= 31 else None


def _weekday_year(anchor: date, month: int, day: int, weekday: str | None) -> date | None:
    """For "Saturday, April 25": the date within 300 days of the anchor on that weekday, if just one."""
    if not weekday:
        return None
    found: list[date] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == WEEKDAYS[weekday.lower()] and abs((candidate - anchor).days) < 300:
            found.append(candidate)
    return found[0] if len(found) == 1 else None


def _month_hit(year: int, month: int, day: int | None, direction: str | None) -> Hit | None:
    if day:
        try:
            return Hit(date(year, month, day).isoformat(), "day", direction=direction)
        except ValueError:
            return None
    return Hit(f"{year:04d}-{month:02d}", "month", direction=direction)


# --- years: 1997, fiscal 1998, mid-1996, the end of 1990, the year two thousand ------------------

_YEAR_RE = re.compile(
    r"(?<![\w$£€#.,/-])(?:(?P<pre>the\s+(?:end|beginning|start|middle|first\s+half|second\s+half|last\s+half"
    r"|rest|remainder|bulk)\s+of\s+|(?:the\s+)?(?:early|late|mid)[\s-]+|mid-))?"
    r"(?P<fis>(?:fiscal|calendar|model)(?:\s+year)?\s*|FY\s*|the\s+year\s+)?"
    r"(?:(?P<y>1\d\d\d|20\d\d)(?!\d|,\d|\.\d|%|-\d\d-|\s*(?:percent|per\s+cent|GMT|UTC|hours|hrs)\b)"
    rf"|FY(?P<fy>\d\d)\b|(?P<sp>{SPELLED_YEAR}))",
    _I,
)
# Counted nouns after a bare four-digit number: "2000 troops" is a quantity, not a year.
_COUNTED = frozenset(
    "people persons troops soldiers workers employees jobs staff members residents students pupils children "
    "patients cases deaths victims refugees migrants voters votes seats units shares cars vehicles homes houses "
    "households acres hectares miles kilometers kilometres km meters metres feet yards tons tonnes barrels "
    "pounds kilograms kg calories points pages words copies items flights passengers visitors tourists fans "
    "delegates officers police policemen firefighters rounds rockets missiles bombs planes aircraft ships "
    "boats trucks tanks guns beds doctors nurses teachers stores shops branches plants farms animals cattle "
    "sheep birds trees companies firms banks hours minutes seconds days weeks months years degrees".split()
)
_QUANTITY_WORDS = frozenset("about some nearly almost than approximately roughly over under around".split())
# Words that make the number after them a name or a reference: "Resolution 1973", "Flight 2021", "Room 1408".
_NUMBERED = frozenset(
    "resolution resolutions flight flights route article articles section chapter page pages room rooms "
    "highway interstate bus channel number no nos code rule paragraph vol volume psalm apollo boeing airbus "
    "windows model serial platform gate hall pier lot unit suite box".split()
)


def _year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m["fy"]:
        return Hit(f"20{m['fy']}", "year")
    prev = ctx.prev_word(m.start())
    if m["sp"]:
        year = spelled_year(m["sp"])
        if year is None or (not (m["fis"] or m["pre"]) and m["sp"].lower().startswith("two") and prev != "in"):
            return None  # "two thousand" is a year only as "the year two thousand" or "in two thousand"
        return Hit(str(year), "year")
    year = int(m["y"])
    if not (m["pre"] or m["fis"]):
        if year < 1900 and prev not in TEMPORAL_WORDS:
            return None
        if re.search(r"(?:No\.|#|[$£€¥])\s*$", ctx.text[max(0, m.start() - 4) : m.start()]):
            return None
        if ctx.word_after(m.end()).lower() in _COUNTED or prev in _QUANTITY_WORDS:
            return None  # "2000 troops", "about 1990 people"
        label = next(
            (w for w in reversed(ctx.words_before(m.start(), 6)) if not w.isdigit() and w not in ("and", "or")), ""
        )
        if label in _NUMBERED:
            return None  # "Resolution 1973", "resolutions 1970 and 1973"
    half = re.search(r"(first|second|last)\s+half", m["pre"] or "", _I)
    if half:  # "the second half of 2021"
        return Hit(f"{year}-H{1 if half.group(1).lower() == 'first' else 2}", "quarter")
    return Hit(str(year), "year")


# --- clock times: 9:30 a.m., 5 p.m. EST, noon Thursday, 10 p.m. Wednesday, midnight --------------

_HOURS = {w: i + 1 for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split())}
_AMPM = r"(?i:[ap]\.\s?m\.?|[ap]m\b)"
_TIME = re.compile(  # case-sensitive: time zones are upper case ("ET", not "et")
    r"(?:(?P<tmod>(?i:around|about|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after)"
    r"|at\s+about|at\s+around))\s+)?(?:"
    rf"(?<![\d:.,$])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{_AMPM})"
    rf"|(?<![\d:.,$])(?P<h24>[01]\d|2[0-3]|[1-9]):(?P<mi24>[0-5]\d)(?![\d:]|[.,]\d)(?:\s*(?P<ap2>{_AMPM}))?"
    r"|(?P<ow>(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+o['’]clock"
    r"|(?P<noon>(?i:noon|midday|midnight)))"
    r"(?:\s*(?P<tz>(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|IST|JST|AEST|AEDT)\b|(?i:local\s+time)"
    r"|\((?:[ECMP][SD]?T|GMT|UTC)\)))?"
    rf"(?:(?:,\s*|\s+)(?:(?i:on)\s+)?(?P<day>(?i:today|yesterday|tomorrow|tonight)\b|{WEEKDAY}\b"
    rf"|(?P<dm>{MONTH})\s*(?P<dd>{DAYNUM})(?:,\s*(?P<dy>{YEAR}))?))?"
)


def _time(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m["noon"]:
        hour, minute = (24, 0) if m["noon"].lower() == "midnight" else (12, 0)
    elif m["ow"]:
        hour, minute = _HOURS[m["ow"].lower()], 0
    else:
        hour = int(m["h"] or m["h24"])
        minute = int(m["mi"] or m["mi24"] or 0)
        ap = (m["ap"] or m["ap2"] or "").lower()
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
        bare = m["h24"] and not (ap or m["tz"] or m["day"]) and ctx.prev_word(m.start()) != "at"
        if bare and re.match(r"\s*(?:[-–]\s*\d|\d)", ctx.text[m.end() : m.end() + 3]):
            return None  # a score or a ratio ("3:15-2")
    clock = f"T{hour:02d}:{minute:02d}"
    day = _time_day(m, ctx)
    if day is None:
        return Hit(f"XXXX-XX-XX{clock}", "time", "time", anchored=False)
    return Hit(day.isoformat() + clock, "time", "time")


def _time_day(m: re.Match[str], ctx: Ctx) -> date | None:
    """The day of a clock time: its own day word or date, a date just before it ("Friday at 9 a.m."),
    else the anchor."""
    raw = (m["day"] or "").lower()
    if m["dm"]:
        month, day = month_number(m["dm"]) or 1, int(re.sub(r"\D", "", m["dd"]))
        if m["dy"]:
            try:
                return date(int(m["dy"]), month, day)
            except ValueError:
                return None
        if ctx.anchor is not None:
            return day_date(ctx.anchor, month, day, ctx.direction(m.start(), m.end()))
    ref_day = ctx.ref_day()
    if ref_day is not None and 0 <= m.start() - ctx.ref_end <= 4:
        return ref_day
    anchor = ctx.anchor
    if anchor is None:
        return None
    if raw in ("yesterday", "tomorrow"):
        return anchor + timedelta(days=-1 if raw == "yesterday" else 1)
    if raw in WEEKDAYS:
        return weekday_date(anchor, WEEKDAYS[raw], ctx.direction(m.start(), m.end(), past_wins=True))
    return anchor


RULES: list[Rule] = [
    (_ISO, _iso, first_words("#4")),
    (_SLASH, _slash, first_words("#/")),
    (
        _MONTHDAY,
        _monthday,
        first_words(
            MONTH_FIRST, WEEKDAY_FIRST, ORDINAL_FIRST, PREFIX_FIRST, "#month #of #ord around approximately circa"
        ),
    ),
    (_YEAR_RE, _year, first_words("the early late mid fiscal calendar model fy #4 nineteen eighteen two twenty")),
    (
        _TIME,
        _time,
        first_words("around about approximately roughly shortly just at #: #. #ampm noon midday midnight", *_HOURS),
    ),
]
