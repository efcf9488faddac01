"""Rules for expressions anchored to the publication date or to an earlier mention: "last week",
"earlier this month", "the past year", "the year-ago quarter", weekday names, "yesterday",
"this morning", "now", "recently", "the following day", "year-earlier", "by year-end"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .core import (
    Ctx,
    Hit,
    Rule,
    fmt_month,
    fmt_week,
    quarter_of,
    shift_month,
    shift_quarter,
    shift_years,
    weekday_date,
)
from .lexicon import MONTHS, PART, PARTS, PREFIX_FIRST, WEEKDAY, WEEKDAY_FIRST, WEEKDAYS, first_words

_I = re.IGNORECASE
_PAST_RELS = frozenset({"last", "this past", "the past", "the last", "the previous", "the prior", "the preceding"})
_FUTURE_RELS = frozenset({"next", "this coming", "the next", "the coming", "the following"})
_ANAPHORIC = frozenset({"the following", "the previous", "the preceding", "the prior", "the same", "that"})

# --- "last week", "earlier this month", "the past year", "the current quarter", "that year" ------

_REL_UNIT = re.compile(
    r"(?:(?P<pmod>early|late|later|earlier|mid-|mid|sometime|(?:earlier|later|early|late)\s+in|the\s+(?:end"
    r"|beginning|start|middle|rest|remainder|balance|first\s+half|second\s+half|last\s+half)\s+of)\s*)?"
    r"(?P<rel>this\s+past|this\s+coming|(?:this|last|next)\s+year['’]s|this|last|next|that"
    r"|the\s+(?:past|last|next|coming|previous|prior|current|same|following|latest|preceding|present|comparable"
    r"|corresponding|full|whole|entire|(?:1\d|20)\d\d)|the)\s+"
    r"(?P<yago>year[\s-](?:earlier|ago)\s+)?(?:(?:fiscal|calendar)\s+)?"
    r"(?P<unit>week|weekend|month|quarter|year|decade|century|period)\b(?![\s-]*(?:old|long|earlier|ago)\b|-)"
    r"(?P<suffix>\s+(?:last\s+year|a\s+year\s+(?:earlier|ago)))?",
    _I,
)
_THE_BLOCKERS = frozenset("of when that before after which earlier later ago".split())
_REPORTED = frozenset({"the", "the latest", "the same", "the comparable", "the corresponding"})


def _rel_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    after = ctx.word_after(m.end()).lower()
    explicit = int(rel[4:]) if rel[4:].isdigit() else None  # "the 1988 period"
    year_back = bool(m["yago"] or m["suffix"]) or rel == "last year's"
    if m["unit"][0].isupper() and not m.group().isupper():
        return None  # a title: ABC's "This Week"
    if rel == "the" and not (m["pmod"] or year_back) and (unit in ("decade", "century") or after in _THE_BLOCKERS):
        return None  # "the year when...", "the week before the vote"
    if unit == "year" and not m["pmod"] and rel == "the" and after in ("ended", "ending"):
        return Hit("P1Y", "duration", "duration")  # "the year ended Sept. 30": a fiscal year, a period
    if unit in ("decade", "century") and rel in ("the past", "the last"):
        return Hit("P10Y" if unit == "decade" else "P100Y", "duration", "duration", direction="past")
    reported = unit == "period" or (unit == "quarter" and (rel in _REPORTED or explicit or year_back))
    if unit == "period" and not (year_back or explicit or (rel in _REPORTED and rel != "the")):
        return None
    if ctx.anchor is None:
        gran = unit if unit in ("week", "month", "quarter", "year", "decade") else "quarter"
        return Hit(None, gran, anchored=False)
    if reported or rel in ("this year's", "next year's"):
        return _reported_quarter(ctx, rel, explicit, year_back)
    step = -1 if rel in _PAST_RELS else 1 if rel in _FUTURE_RELS else 0
    direction = "past" if step < 0 else "future" if step > 0 else None
    base = ctx.anchor
    if rel in _ANAPHORIC:  # "the following year", "that month": counted from the last date named
        step = {"the following": 1, "the previous": -1, "the preceding": -1, "the prior": -1}.get(rel, 0)
        direction = None
        ref_day = ctx.ref_day()
        if ref_day is not None:
            base = ref_day
        elif ctx.ref is not None and unit in ("year", "quarter", "month"):
            return _from_ref(ctx.ref, unit, step)
    if year_back:
        base = shift_years(base, -1)
    return _unit_value(base, unit, step, direction)


def _reported_quarter(ctx: Ctx, rel: str, explicit: int | None, year_back: bool) -> Hit:
    """The quarter a story reports on ("the quarter", "the year-ago quarter", "the 1988 period",
    "last year's quarter"): the last one named, else the one just over; "the latest quarter" is always
    the one just over."""
    assert ctx.anchor is not None
    if ctx.quarter is not None and rel != "the latest":
        year, q = int(ctx.quarter[:4]), int(ctx.quarter[-1])
    else:
        year, q = shift_quarter(ctx.anchor.year, quarter_of(ctx.anchor), -1)
    if rel in ("this year's", "next year's"):
        year = ctx.anchor.year + (1 if rel.startswith("next") else 0)
    if explicit is not None:
        return Hit(f"{explicit}-Q{q}", "quarter", ref=False)
    if year_back:
        return Hit(f"{year - 1}-Q{q}", "quarter", direction="past", ref=False)
    return Hit(f"{year}-Q{q}", "quarter")


def _from_ref(ref: tuple[str, str], unit: str, step: int) -> Hit | None:
    """A unit counted from the reference mention ("the following year", "that quarter")."""
    gran, value = ref
    year = int(value[:4])
    if unit == "quarter" and gran == "quarter" and "-Q" in value:
        y, q = shift_quarter(year, int(value[-1]), step)
        return Hit(f"{y}-Q{q}", "quarter")
    if unit == "month" and gran == "month" and len(value) == 7:
        y, mo = shift_month(year, int(value[5:7]), step)
        return Hit(fmt_month(y, mo), "month")
    return Hit(f"{year + step}", "year") if unit == "year" else None


def _unit_value(base: date, unit: str, step: int, direction: str | None) -> Hit | None:
    """``base`` moved by ``step`` units, at that unit's granularity."""
    if unit == "week":
        return Hit(fmt_week(base + timedelta(weeks=step)), "week", direction=direction)
    if unit == "weekend":  # the last one by default ("over the weekend"), the next one when ahead
        saturday = weekday_date(base, 5, "future" if step > 0 else None)
        if step < 0 and base.weekday() >= 5:
            saturday -= timedelta(weeks=1)
        return Hit(fmt_week(saturday) + "-WE", "week", direction=direction)
    if unit == "month":
        y, mo = shift_month(base.year, base.month, step)
        return Hit(fmt_month(y, mo), "month", direction=direction)
    if unit == "quarter":
        y, q = shift_quarter(base.year, quarter_of(base), step)
        return Hit(f"{y}-Q{q}", "quarter", direction=direction)
    if unit == "year":
        return Hit(str(base.year + step), "year", direction=direction)
    if unit == "decade":
        return Hit(str(base.year // 10 + step), "decade", direction=direction)
    if unit == "century":
        return Hit(f"{base.year // 100 + step:02d}", "decade", direction=direction)
    return None


# --- weekdays: Thursday, last Friday, Tuesday's, Friday morning -----------------------------------

_WEEKDAY_RE = re.compile(
    r"(?:(?P<pmod>early|late|earlier|later)(?:\s+on)?\s+)?"
    r"(?:(?P<rel>this\s+coming|this\s+past|this|last|next|the\s+(?:previous|following|next|preceding|same))\s+)?"
    rf"(?P<wd>{WEEKDAY})(?P<poss>['’]s)?(?:\s+(?P<part>{PART})\b)?(?![\w-])",
    _I,
)
# Capitalised words before a weekday that make a name of another day: "Black Friday", "Super Tuesday".
_HOLIDAY_WORDS = frozenset(
    "black good super ash cyber bloody easter palm holy maundy shrove fat whit giving small manic blue".split()
)


def _weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m["wd"]
    if not word[0].isupper():
        return None
    prev = ctx.prev_word(m.start())
    after = ctx.word_after(m.end())
    if not (m["rel"] or m["pmod"]):
        if prev in _HOLIDAY_WORDS and ctx.text[m.start() - len(prev) - 1 : m.start()][:1].isupper():
            return None
        capital_after = after[:1].isupper() and after.lower().rstrip(".") not in MONTHS and not m["part"]
        if capital_after and prev in ("", "the", "a"):
            return None  # "Sunday Times", "the Sunday Telegraph"
    end = m.end()
    part = m["part"]
    if part and not part.islower():  # "Friday Night Lights"
        part, end = None, m.end("poss") if m["poss"] else m.end("wd")
    weekday = WEEKDAYS[word.lower()]
    code = PARTS[part.lower()] if part else None
    if ctx.anchor is None:
        value = f"XXXX-WXX-{weekday + 1}" + (f"T{code}" if code else "")
        return Hit(value, "time" if code else "day", "time" if code else "date", anchored=False, end=end)
    rel = " ".join((m["rel"] or "").lower().split())
    direction: str | None
    if rel in ("last", "this past"):
        day, direction = weekday_date(ctx.anchor, weekday, "past", strict=True), "past"
    elif rel in ("next", "this coming"):
        day, direction = weekday_date(ctx.anchor, weekday, "future", strict=True), "future"
    elif rel.startswith("the "):  # "the following Monday": counted from the last day named
        base = ctx.ref_day() or ctx.anchor
        way = "past" if rel in ("the previous", "the preceding") else "future"
        day, direction = weekday_date(base, weekday, way, strict=rel != "the same"), None
    else:  # news default: the last such day (today included) unless the sentence speaks of the future;
        # "this Sunday" without a tense cue is the coming one
        direction = ctx.direction(m.start(), end, past_wins=True)
        later = (m["pmod"] or "").lower() == "later"
        if (rel == "this" or later) and direction is None and ctx.tense_aware:
            direction = "future"  # "this Sunday", "opens later on Wednesday": the coming one (or today)
        day = weekday_date(ctx.anchor, weekday, direction)
        if day == ctx.anchor:
            direction = None
    if code:
        return Hit(f"{day.isoformat()}T{code}", "time", "time", direction=direction, end=end)
    return Hit(day.isoformat(), "day", direction=direction, end=end)


# --- today, yesterday, tonight, this morning, last night, mid-afternoon, in the morning -------------

_DAY_WORDS = re.compile(
    r"(?:(?P<pmod>early|late|later|earlier|mid-)\s*)?(?P<w>today|yesterday|tomorrow|tonight)(?P<poss>['’]s)?"
    rf"(?:\s+(?P<part>{PART})\b)?(?![\w-])"
    r"|(?P<rel>this|last|yesterday|tomorrow|(?:early|late|earlier|later)\s+this|late\s+last|early\s+last)\s+"
    rf"(?P<part2>{PART})\b(?![\w-])"
    rf"|(?:(?:early|late|mid)[\s-]*)?(?P<part3>{PART})\s+(?P<w3>yesterday|today|tomorrow)\b"
    r"|(?P<pm4>early|late|mid)[\s-]*(?P<part4>morning|afternoon|evening)\b"
    r"|(?P<the>the)\s+(?P<part5>morning|afternoon|evening|day)\b(?![\w-])"
    r"|(?<![\w-])(?P<ov>overnight)\b(?!\s+(?:[a-z]+ing|rates?|loans?|stays?|trip|flights?|delivery|shipping"
    r"|lending|funds?|market|money|deposits?|session|success|sensation|hit|star|bag)\b)",
    _I,
)
# "today's world": the present in general, not the publication day.
_GENERIC_TODAY = frozenset(
    "world society economy market markets generation youth children politics climate standards terms dollars "
    "prices environment culture america britain europe media technology".split()
)


def _day_words(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m["ov"] or m["part4"] or m["the"]:
        return _part_of_nearby_day(m, ctx)
    word = " ".join((m["w"] or m["rel"] or m["w3"] or "").lower().split())
    part = (m["part"] or m["part2"] or m["part3"] or "").lower()
    if m["w"] and word == "today":
        if m["w"][0] == "T" and not ctx.at_sentence_start(m.start()):
            return None  # "USA Today", NBC's "Today" show
        if m["poss"] and ctx.word_after(m.end()).lower() in _GENERIC_TODAY:
            return Hit("PRESENT_REF", "ref", end=m.end("poss"))
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1, "late last": -1, "early last": -1}.get(word, 0)
    direction = "past" if shift < 0 else "future" if shift > 0 else None
    if word == "tonight" or (word.endswith("last") and part != "night"):
        part = "night"  # "last evening" is last night too
    if ctx.anchor is None:
        return Hit(None, "time" if part else "day", "time" if part else "date", anchored=False)
    day = ctx.anchor + timedelta(days=shift)
    if part:
        return Hit(f"{day.isoformat()}T{PARTS[part]}", "time", "time", direction=direction)
    return Hit(day.isoformat(), "day", direction=direction)


def _part_of_nearby_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """A part of the day talked about ("overnight", "mid-afternoon", "in the morning", "later in the
    day"): of the last day named, when named shortly before, else of the publication day."""
    if m["the"] and ctx.prev_word(m.start()) not in ("in", "during", "for", "by"):
        return None
    base = ctx.ref_day() if 0 <= m.start() - ctx.ref_end <= 300 else None
    base = base or ctx.anchor
    if base is None:
        return Hit(None, "time", "time", anchored=False)
    if m["ov"] and base == ctx.anchor and ctx.tense(m.start(), m.end()) != "future":
        base -= timedelta(days=1)  # "rose overnight": the night before publication
    part = (m["part4"] or m["part5"] or "night").lower()
    if part == "day":
        return Hit(base.isoformat(), "day")
    return Hit(f"{base.isoformat()}T{PARTS[part]}", "time", "time")


# --- now, currently, recently, in the past, soon, the near future ---------------------------------

_REFS = re.compile(
    r"(?P<present>(?<![\w-])(?:right\s+now|just\s+now|now|currently|presently|nowadays|at\s+present"
    r"|these\s+days|this\s+time))(?![\w-])"
    r"|(?P<past>(?<![\w-])(?:(?:more|most|only|very)\s+)?(?:recently|lately))(?![\w-])"
    r"|(?<=\bin\s)(?P<past2>the\s+past)(?!\s+(?:\w+\s+)?(?:\d|years?|months?|weeks?|days?|decades?|centur))\b"
    r"|(?P<future>(?:the\s+(?:near\s+|distant\s+|immediate\s+)?future|as\s+soon\s+as\s+possible|(?<![\w-])soon"
    r"|the\s+(?:near|short)\s+term|a\s+(?:later|future)\s+date))(?![\w-])",
    _I,
)
_NOT_SOON_AFTER = frozenset("after afterwards afterward thereafter as enough before".split())


def _refs(m: re.Match[str], ctx: Ctx) -> Hit | None:
    low = " ".join(m.group().lower().split())
    prev = ctx.prev_word(m.start())
    if m["present"]:
        if low == "now" and (ctx.word_after(m.end()).lower() == "on" or prev in ("from", "by")):
            return None  # "from now on", "two years from now" (a duration rule), "by now"
        if low == "this time" and prev != "at":
            return None
        return Hit("PRESENT_REF", "ref")
    if m["past"] or m["past2"]:
        return Hit("PAST_REF", "ref")
    if low == "soon" and (ctx.word_after(m.end()).lower() in _NOT_SOON_AFTER or prev == "as"):
        return None
    return Hit("FUTURE_REF", "ref")


# --- the next day, that day, year-earlier results, by year-end -------------------------------------

_ANA_DAY = re.compile(
    r"(?:the\s+(?P<rel>next|following|previous|preceding|same)|that)\s+day\b(?!['’-])"
    r"|(?<![\w-])(?P<ya>year[\s-](?:earlier|ago))(?![\w-])",
    _I,
)


def _ana_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m["ya"]:  # "year-earlier results": the quarter reported on, a year back, else last year
        if ctx.quarter is not None:
            return Hit(f"{int(ctx.quarter[:4]) - 1}{ctx.quarter[4:]}", "quarter", direction="past", ref=False)
        if ctx.anchor is None:
            return Hit(None, "year", anchored=False)
        return Hit(str(ctx.anchor.year - 1), "year", direction="past", ref=False)
    base = ctx.ref_day() or ctx.anchor
    if base is None:
        return Hit(None, "day", anchored=False)
    shift = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get((m["rel"] or "").lower(), 0)
    return Hit((base + timedelta(days=shift)).isoformat(), "day")


_YEAR_END = re.compile(r"(?:(?P<around>around|about)\s+)?(?P<ye>year(?:['’]s)?[\s-]end)\b(?![\w-])", _I)


def _year_end(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "by year-end" is the end of the publication year; "since year-end" the end of the previous one."""
    if ctx.anchor is None:
        return Hit("XXXX-12-31", "day", anchored=False)
    prev = ctx.prev_word(m.start())
    past = prev == "since" or (prev not in ("by", "until", "before") and ctx.tense(m.start(), m.end()) == "past")
    year = ctx.anchor.year - (1 if past and ctx.anchor.month < 12 else 0)
    return Hit(f"{year}-12-31", "day", direction="past" if past else None)


_PART_WORDS = "morning afternoon evening night overnight midafternoon"
RULES: list[Rule] = [
    (_REL_UNIT, _rel_unit, first_words(PREFIX_FIRST, "sometime")),
    (_WEEKDAY_RE, _weekday, first_words(PREFIX_FIRST, WEEKDAY_FIRST)),
    (_DAY_WORDS, _day_words, first_words(PREFIX_FIRST, "today yesterday tomorrow tonight", _PART_WORDS)),
    (_ANA_DAY, _ana_day, first_words("the that year")),
    (_YEAR_END, _year_end, first_words("around about year")),
    (
        _REFS,
        _refs,
        first_words(
            "right just now currently presently nowadays at these this more most only very",
            "recently lately the soon as a",
        ),
    ),
]
