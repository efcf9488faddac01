"""Rules for calendar periods: quarters and halves ("the third quarter", "third-quarter", "Q3 2021",
"the first half of 2021"), seasons ("last fall", "the winter of 1994"), decades ("the 1990s",
"the '80s", "the nineties") and centuries ("the 20th century")."""

from __future__ import annotations

import re

from .core import TEMPORAL_WORDS, Ctx, Hit, Rule, quarter_year, season_year
from .lexicon import (
    DAYWORD,
    ORDINAL_FIRST,
    ORDINAL_WORDS,
    PREFIX_FIRST,
    SEASON,
    SEASONS,
    SPELLED_YEAR,
    YEAR,
    first_words,
    year_value,
)

_I = re.IGNORECASE

# --- quarters and halves ---------------------------------------------------------------------------

_QUARTER = re.compile(
    r"(?:(?P<det>the|its|their|a|this|that)\s+)?"
    r"(?P<mods>(?:(?:(?:this|last|next)\s+year['’]s|year[\s-](?:earlier|ago)|comparable|corresponding|same|latest"
    r"|current|fiscal|(?:1\d|20)\d\d(?:['’]s)?)[\s-]+)*)"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)\b(?!-?finals?\b)"
    r"(?:\s+(?:of\s+)?(?:(?:the\s+)?fiscal\s+(?:year\s+)?)?(?P<y>(?:1\d|20)\d\d\b|(?:the|this|last|next)\s+year\b))?"
    r"|(?<![\w-])(?P<q>Q[1-4])(?:\s*(?P<qy>(?:1\d|20)\d\d|['’]?\d\d)\b)?"
    r"|(?<![\w-])(?P<h>H[12])\s*(?P<hy>(?:1\d|20)\d\d)\b",
    _I,
)
_ORD_N = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# A quarter without a year in a sentence about a game is a period of play.
_SPORTS = re.compile(
    r"\b(?:scor\w*|goals?|touchdowns?|innings?|points?|rebounds?|quarterbacks?|penalt\w+|game|match|"
    r"led|lead|halftime|overtime|buzzer|field goal|free throw|kick\w*|tackle\w*)\b",
    _I,
)
# "second-half profit": a half without a year is a date only in front of a figure of this kind.
_FINANCE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:profits?|earnings|results|sales|revenues?|net|loss(?:es)?|income|growth|output|gdp"
    r"|figures|numbers|performance|dividends?|deliveries|shipments|margins?|report|forecast|outlook)\b",
    _I,
)


def _quarter(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m["q"] or m["h"]:
        return _quarter_code(m, ctx)
    n = _ORD_N[m["ord"].lower()]
    mods = " ".join(m["mods"].lower().split())
    raw_year = (m["y"] or "").lower()
    letter = "Q" if m["unit"].lower() == "quarter" else "H"
    if n > 2 and letter == "H":
        return None
    explicit = re.search(r"(?:1\d|20)\d\d", mods) or re.fullmatch(r"(?:1\d|20)\d\d", raw_year)
    if not explicit and not re.search(r"year|fiscal|comparable|corresponding", mods + raw_year):
        if _SPORTS.search(ctx.text, *ctx.sentence(m.start(), m.end())):
            return None
        if letter == "H" and not ("-" in m.group() and _FINANCE_AFTER.match(ctx.text, m.end())):
            return None  # "the second half" of a match, of a list...
    # "its third quarter", "the third-quarter loss": the determiner belongs to the noun phrase around
    hyphen = "-" in m.group()[m.start("ord") - m.start() :]
    start = m.start("mods") if (m["det"] or "").lower() in ("its", "their", "a") or hyphen else None
    if explicit:
        return Hit(f"{explicit.group()}-{letter}{n}", "quarter", start=start)
    hit = _quarter_relative(m, ctx, n, letter, f"{mods} {raw_year}")
    hit.start = start
    return hit


def _quarter_code(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Q3, Q3 2021, Q3 '21, H1 2021."""
    code = m["q"] or m["h"]
    if not code.isupper():
        return None
    letter, n = code[0], int(code[1])
    raw = m["qy"] or m["hy"]
    if not raw:
        return _quarter_relative(m, ctx, n, letter, "")
    digits = raw.lstrip("'’")
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    return Hit(f"{year}-{letter}{n}", "quarter")


def _quarter_relative(m: re.Match[str], ctx: Ctx, n: int, letter: str, words: str) -> Hit:
    """A quarter or half whose year comes from the anchor: "this year's", "last year's", the tense,
    "year-earlier" (a year before the reading otherwise taken)."""
    if ctx.anchor is None:
        return Hit(f"XXXX-{letter}{n}", "quarter", anchored=False)
    anchor = ctx.anchor
    direction = None
    if "this year" in words or "the year" in words or "current" in words:
        year = anchor.year
    elif "last year" in words:
        year, direction = anchor.year - 1, "past"
    elif "next year" in words:
        year, direction = anchor.year + 1, "future"
    elif letter == "H":
        direction = ctx.tense(m.start(), m.end())
        current = 1 if anchor.month <= 6 else 2
        year = anchor.year - 1 if n > current and direction != "future" else anchor.year
    else:
        direction = ctx.tense(m.start(), m.end())
        year = quarter_year(anchor, n, direction)
    if re.search(r"year[\s-](?:earlier|ago)", words):
        return Hit(f"{year - 1}-{letter}{n}", "quarter", direction="past", ref=False)
    return Hit(f"{year}-{letter}{n}", "quarter", direction=direction)


# --- seasons ---------------------------------------------------------------------------------------

_SEASON_RE = re.compile(
    r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the|early|late|mid-?)\s+)?(?:(?P<rel2>early|late)\s+)?"
    rf"(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}|{SPELLED_YEAR}))?(?![\w-])",
    _I,
)
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m["s"]
    code = SEASONS[word.lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    year = year_value(m["y"]) if m["y"] else None
    if year is None and not _season_ok(m, ctx, word, rel):
        return None
    if year is not None:
        return Hit(f"{year}-{code}", "month")
    if ctx.anchor is None:
        return Hit(f"XXXX-{code}", "month", anchored=False)
    direction: str | None = None
    if rel in ("last", "this past"):
        key, direction = "last", "past"
    elif rel in ("next", "this coming"):
        key, direction = "next", "future"
    else:
        key = "this"
        direction = None if rel == "this" else ctx.tense(m.start(), m.end())
    year = season_year(ctx.anchor, code, key)
    if key == "this" and direction is not None and code != "WI":  # "in the summer" by tense
        first = _SEASON_FIRST_MONTH[code]
        if direction == "past" and first > ctx.anchor.month:
            year -= 1
        elif direction == "future" and first + 2 < ctx.anchor.month:
            year += 1
    return Hit(f"{year}-{code}", "month", direction=direction)


def _season_ok(m: re.Match[str], ctx: Ctx, word: str, rel: str) -> bool:
    """A season without a year is a date after "this/last/next" or a temporal preposition ("in the
    summer", "over the summer"); "fall" and "spring" need more than a bare preposition (verbs)."""
    if word[0].isupper() and not word.isupper() and not (rel or m["rel2"]) and not ctx.at_sentence_start(m.start()):
        return False  # "Donna Summer"
    if rel in ("", "the", "early", "late", "mid", "mid-") and ctx.prev_word(m.start()) not in TEMPORAL_WORDS:
        return False
    if ctx.word_after(m.end()).lower() == "of":
        return False  # "the fall of Rome"
    return not (word.lower() in ("fall", "spring") and rel == "")


# --- decades and centuries -------------------------------------------------------------------------

_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}  # fmt: skip
_DECADE = re.compile(
    r"(?<![\w$'’])(?:(?P<the>the\s+)?(?:(?:early|late|mid)[\s-]+|mid-)?)"
    r"(?:(?P<dc>1[5-9]\d|20\d)0['’]?s|['’](?P<ds>\d)0['’]?s|(?P<dw>twenties|thirties|forties|fifties|sixties"
    r"|seventies|eighties|nineties))\b",
    _I,
)
_CENTURY = re.compile(
    rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+|mid-)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{DAYWORD}))"
    r"[\s-]+century\b",
    _I,
)


def _decade(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m["dc"]:
        return Hit(m["dc"], "decade")
    if m["dw"] and not m["the"]:
        return None  # "in their nineties" is an age
    digit = int(m["ds"]) if m["ds"] else _DECADE_WORDS[m["dw"].lower()]
    century = 19
    if m["ds"] and ctx.anchor is not None and digit * 10 <= ctx.anchor.year % 100:
        century = ctx.anchor.year // 100  # "the '10s" in news of the 2020s
    return Hit(f"{century}{digit}", "decade")


def _century(m: re.Match[str], ctx: Ctx) -> Hit | None:
    n = int(m["n"]) if m["n"] else ORDINAL_WORDS.get(" ".join(m["w"].lower().split()), 0)
    if not 1 <= n <= 22:
        return None
    return Hit(f"{n - 1:02d}", "decade")


_DECADE_FIRST = "the early late mid #s ' twenties thirties forties fifties sixties seventies eighties nineties"
RULES: list[Rule] = [
    (
        _QUARTER,
        _quarter,
        first_words(
            "the its their a this that last next year comparable corresponding same latest current fiscal",
            "#4 #ord first second third fourth q h",
        ),
    ),
    (_DECADE, _decade, first_words(_DECADE_FIRST)),
    (_CENTURY, _century, first_words("the early late mid #ord", ORDINAL_FIRST)),
    (_SEASON_RE, _season, first_words(PREFIX_FIRST, "spring summer fall autumn winter")),
]
