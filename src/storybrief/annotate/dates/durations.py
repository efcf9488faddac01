"""Rules for durations ("three years", "the past two months", "five-year"), points counted back or
forward from the publication date ("two weeks ago", "a year earlier", "three days later") and sets
("every week", "each Thursday", "twice a year", "annually")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .core import Ctx, Hit, Rule, fmt_month, fmt_week, quarter_of, shift_month, shift_quarter, shift_years
from .lexicon import (
    MOD,
    MOD_FIRST,
    MOD_OUTER,
    MONTH,
    NUM,
    NUMBER_FIRST,
    NUMWORD,
    PART,
    PARTS,
    SEASON,
    SEASONS,
    UNIT,
    UNITS,
    WEEKDAY,
    WEEKDAY_FIRST,
    WEEKDAYS,
    first_words,
    month_number,
    parse_number,
)

_I = re.IGNORECASE
_SMALLER = {"Y": (12, "M"), "Q": (3, "M"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}
_TIME_UNITS = frozenset({"H", "MIN", "S"})


def unit_code(word: str) -> str:
    """The duration code of a unit word ("years" → "Y", "trading days" → "D")."""
    last = word.lower().split()[-1]
    if last == "centuries":
        return "CE"
    return UNITS.get(last[:-1] if last.endswith("s") and last[:-1] in UNITS else last, "D")


def duration_value(n: float | None, code: str) -> str:
    """TIMEX3 duration for ``n`` units (None: an unknown number, ``PXY``)."""
    if code == "FN":
        code, n = "W", None if n is None else n * 2
    if code in ("DE", "CE", "ML") and n is not None:
        code, n = "Y", n * {"DE": 10, "CE": 100, "ML": 1000}[code]
    if code == "H" and n is not None and n >= 24 and n % 24 == 0:
        code, n = "D", n / 24
    prefix = "PT" if code in _TIME_UNITS else "P"
    letter = "M" if code == "MIN" else code
    if n is None:
        return f"{prefix}X{letter}"
    whole = int(n)
    if n == whole:
        return f"{prefix}{whole}{letter}"
    if code in _SMALLER:
        factor, smaller = _SMALLER[code]
        rest = round((n - whole) * factor)
        small_letter = "M" if smaller == "MIN" else smaller
        head = f"{whole}{letter}" if whole else ""
        if smaller in _TIME_UNITS and code not in _TIME_UNITS:
            return f"P{head}T{rest}{small_letter}"
        return f"{prefix}{head}{rest}{small_letter}"
    return f"{prefix}{n:g}{letter}"


# --- durations and counted points: three years, the past two months, two weeks ago ----------------

_DURATION = re.compile(
    rf"(?:(?P<mod1>{MOD_OUTER})\s+)?(?:(?P<the>the|these|those|its|their|his|her|a)\s+)?"
    r"(?:(?P<rel>first|last|past|next|coming|previous|following|latest|final|remaining|initial|ensuing|subsequent"
    r"|same|preceding|prior|intervening|succeeding|full|entire|whole)\s+)?"
    rf"(?:(?P<mod2>{MOD})\s+)?(?P<num>{NUM})(?:\s*(?:to|or|-|–)\s*(?P<num2>{NUM}))?"
    r"(?:\s+(?:more|additional|extra|further))?(?P<sep>[\s-]+)"
    rf"(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?"
    r"(?P<tail>(?:\s+or\s+so)?[\s-]+(?:ago|earlier|later|from\s+now|hence|old)\b|\s+or\s+so\b)?",
    _I,
)
_MONEY_RE = re.compile(r"[$£€¥#]\s?\d|\d\s?%|\d\s+(?:percent|cents?)\b|\bper\s+cent\b", _I)


def _duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    unit_word = m["unit"].lower()
    code = unit_code(unit_word)
    raw_num = " ".join(m["num"].lower().split())
    n = parse_number(raw_num)
    tail = " ".join((m["tail"] or "").lower().replace("-", " ").split())
    plural = unit_word.endswith("s") or unit_word.endswith("ia")
    hyphen = "-" in m["sep"]
    after = ctx.word_after(m.end()).lower()
    if tail.endswith("old"):
        return None  # ages
    if (n is None and not plural and not hyphen) or n == 0:
        return None  # "some day", "many a year"
    if code == "S" and not plural and raw_num in ("a", "an", "one") and not m["mod1"]:
        return None  # "a second term"
    if code == "Q" and after == "of" and n is not None:
        return None  # "three-quarters of its food", "more than a quarter of the market"
    if n is not None and n >= 1000 and not plural and not hyphen and re.fullmatch(r"\d{4}", raw_num):
        return None  # "the 1988 quarter"
    if n is not None and m["half"]:
        n += 0.5
    if m["num2"]:
        n = None
    start = None
    det = (m["the"] or "").lower()
    if det in ("its", "their", "his", "her") or (det and not plural and not m["rel"]):
        # "its first nine months", "a five-year low": the determiner belongs to the noun phrase around
        start = m.start("rel") if m["rel"] else m.start("mod2") if m["mod2"] else m.start("num")
    if tail.endswith(("ago", "earlier", "later", "from now", "hence")):
        hit = _counted(m, ctx, n, code, tail.replace("or so ", ""))
        hit.start = start
        return hit
    rel = (m["rel"] or "").lower()
    direction = "past" if rel in ("last", "past", "previous", "preceding", "prior") else None
    if rel in ("next", "coming", "following", "ensuing", "subsequent", "remaining"):
        direction = "future"
    return Hit(duration_value(n, code), "duration", "duration", direction=direction, start=start)


def _counted(m: re.Match[str], ctx: Ctx, n: float | None, code: str, tail: str) -> Hit:
    """A point counted from the anchor ("two weeks ago") or the reference time ("three days later"), at
    the unit's granularity.

    In a sentence comparing figures ("$3 million a year earlier"), a year back is counted from the quarter
    the story reports on; "earlier"/"later" count from the last date named (the reference time)."""
    back = tail in ("ago", "earlier")
    if n is None:
        return Hit("PAST_REF" if back else "FUTURE_REF", "ref")
    if n != int(n):  # "a minute and a half later": keep the duration
        return Hit(duration_value(n, code), "duration", "duration", end=m.start("tail"))
    steps = int(n) * (-1 if back else 1)
    anaphoric = tail in ("earlier", "later")
    direction = "past" if back else "future"
    if code == "Y" and back:
        sentence = ctx.text[slice(*ctx.sentence(m.start(), m.end()))]
        if ctx.quarter is not None and _MONEY_RE.search(sentence):
            return Hit(f"{int(ctx.quarter[:4]) + steps}{ctx.quarter[4:]}", "quarter", direction=direction, ref=False)
    base: date | None = ctx.anchor
    if anaphoric and ctx.ref is not None and ctx.ref[0] in ("day", "time"):
        base = date.fromisoformat(ctx.ref[1][:10])
    elif anaphoric and ctx.ref is not None and ctx.ref[0] == "year" and code in ("Y", "DE"):
        base = date(int(ctx.ref[1]), 7, 1)
    if base is None:
        gran = {"Y": "year", "DE": "year", "CE": "year", "Q": "quarter", "M": "month", "W": "week", "FN": "week"}
        return Hit(None, gran.get(code, "day"), anchored=False)
    if code in ("Y", "DE", "CE"):
        years = steps * {"Y": 1, "DE": 10, "CE": 100}[code]
        return Hit(str(shift_years(base, years).year), "year", direction=direction)
    if code == "Q":
        y, q = shift_quarter(base.year, quarter_of(base), steps)
        return Hit(f"{y}-Q{q}", "quarter", direction=direction)
    if code == "M":
        y, mo = shift_month(base.year, base.month, steps)
        return Hit(fmt_month(y, mo), "month", direction=direction)
    if code in ("W", "FN", "WE"):
        return Hit(fmt_week(base + timedelta(weeks=steps * (2 if code == "FN" else 1))), "week", direction=direction)
    if code == "D":
        return Hit((base + timedelta(days=steps)).isoformat(), "day", direction=direction)
    return Hit(base.isoformat(), "day", direction=direction)


# --- bare plural units: for years, in recent months, the coming weeks, years ago -----------------

_BARE_UNITS = re.compile(
    r"(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|coming|recent|early|first|ensuing|intervening|following"
    r"|previous)\s+)?"
    r"(?P<unit>hours|days|weeks|months|quarters|years|decades|centuries)"
    r"(?P<tail>\s+(?:ago|ahead|to\s+come))?(?![\w-])",
    _I,
)
_BARE_BEFORE = frozenset("for over within in after took spent lasted last lasting throughout".split())


def _bare_units(m: re.Match[str], ctx: Ctx) -> Hit | None:
    rel = (m["rel"] or "").lower()
    tail = " ".join((m["tail"] or "").lower().split())
    before = ctx.words_before(m.start(), 1)
    if not rel and not tail and before[-1:] and before[-1] not in _BARE_BEFORE:
        return None
    if not rel and not tail and not before:
        return None
    if m["the"] and not rel and not tail and before[-1:] not in (["over"], ["through"], ["throughout"], ["during"]):
        return None
    if rel in ("early",) and not m["the"]:
        return None
    if tail == "ago":
        return Hit("PAST_REF", "ref", direction="past")
    code = unit_code(m["unit"])
    direction = "past" if rel in ("past", "last", "recent", "previous") else None
    if rel in ("next", "coming", "ensuing", "following") or tail in ("ahead", "to come"):
        direction = "future"
    return Hit(duration_value(None, code), "duration", "duration", direction=direction)


# --- sets: every week, each Thursday, twice a year, $5 a year, annually, Mondays -----------------

_SET = re.compile(
    rf"(?:(?P<freq>once|twice|thrice|(?:\d+|{NUMWORD})\s+times)\s+)?"
    r"(?P<q>every|each|per|a|an)\s+(?:(?P<other>other)\s+)?(?:(?P<num>\d+|" + NUMWORD + r"|few)\s+)?"
    rf"(?P<what>{UNIT}|{WEEKDAY}|{MONTH}|{SEASON}|{PART}|weekday|weeknight|weekend)(?![\w-])"
    r"|(?<![\w-])(?P<adv>daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly|fortnightly"
    r"|semiannually|biannually)(?![\w-])"
    rf"|(?P<pl>{WEEKDAY})s(?:\s+(?P<plpart>mornings|afternoons|evenings|nights))?(?![\w-])"
    rf"|(?P<wdp>{WEEKDAY})\s+(?P<pp>mornings|afternoons|evenings|nights)(?![\w-])",
    _I,
)
_QUANTITY_BEFORE = re.compile(
    r"(?:\d|%|percent|cents?|dollars?|euros?|pounds?|yen|million|billion|trillion|barrels|tons|tonnes|hours"
    r"|miles|meals|calls|shifts|visits|flights|doses|times|people)\s*$",
    _I,
)
_ADV_OK_AFTER = frozenset(
    "and or to in on at for from since through until by with as after before over during but basis the".split()
)
_ADV_UNIT = {
    "daily": "D", "nightly": "D", "weekly": "W", "monthly": "M", "quarterly": "Q", "annually": "Y", "yearly": "Y",
    "hourly": "H", "biweekly": "FN", "fortnightly": "FN", "semiannually": "H6", "biannually": "H6",
}  # fmt: skip


def _set(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m["adv"]:
        after = ctx.word_after(m.end())
        if after and after[0].islower() and after not in _ADV_OK_AFTER:
            return None  # "daily newspaper", "quarterly dividend"
        code = _ADV_UNIT[m["adv"].lower()]
        return Hit("P6M" if code == "H6" else duration_value(1, code), "set", "set")
    if m["pl"] or m["wdp"]:
        word = m["pl"] or m["wdp"]
        if not word[0].isupper():
            return None
        part = m["plpart"] or m["pp"]
        value = f"XXXX-WXX-{WEEKDAYS[word.lower()] + 1}"
        return Hit(value + (f"T{PARTS[part.lower()[:-1]]}" if part else ""), "set", "set")
    q = m["q"].lower()
    what = m["what"]
    low = what.lower()
    if q in ("a", "an"):
        if m["num"] or m["other"] or (low not in UNITS and low.rstrip("s") not in UNITS):
            return None
        if not m["freq"] and not _QUANTITY_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
            return None
    if low in WEEKDAYS:
        return Hit(f"XXXX-WXX-{WEEKDAYS[low] + 1}", "set", "set") if what[0].isupper() else None
    month = month_number(what)
    if month is not None and what[0].isupper():
        return Hit(f"XXXX-{month:02d}", "set", "set")
    if low in SEASONS:
        return Hit(f"XXXX-{SEASONS[low]}", "set", "set")
    if low in PARTS:
        return Hit(f"XXXX-XX-XXT{PARTS[low]}", "set", "set")
    if low in ("weekday", "weeknight"):
        return Hit("XXXX-WXX-WD", "set", "set")
    if low == "weekend":
        return Hit("XXXX-WXX-WE", "set", "set")
    if month is not None:
        return None
    n = parse_number(m["num"]) if m["num"] else 1.0
    if m["other"]:
        n = 2.0
    plural = low.endswith("s")
    if plural and not m["num"]:
        return None
    return Hit(duration_value(n, unit_code(low)), "set", "set")


_ADVERBS = " ".join(_ADV_UNIT)
_PLURAL_DAYS = " ".join(w + "s" for w in WEEKDAYS)
_REL_WORDS = "first last past next coming previous following latest final remaining initial ensuing subsequent same"
RULES: list[Rule] = [
    (
        _SET,
        _set,
        first_words(
            NUMBER_FIRST, WEEKDAY_FIRST, "#times once twice thrice every each per a an", _ADVERBS, _PLURAL_DAYS
        ),
    ),
    (
        _DURATION,
        _duration,
        first_words(
            MOD_FIRST,
            NUMBER_FIRST,
            "#unit #- #/ #. #, #½ #to #digit",
            "the these those its their his her a",
            _REL_WORDS,
            "preceding prior intervening succeeding full entire whole",
        ),
    ),
    (
        _BARE_UNITS,
        _bare_units,
        first_words(
            "the past last next coming recent early first ensuing intervening following previous",
            "hours days weeks months quarters years decades centuries",
        ),
    ),
]
