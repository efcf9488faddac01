"""Word tables and regular-expression pieces shared by the temporal tagger (:mod:`.dates`).

Everything here is data: month, weekday, season and unit names, number words, the fragments the rule
families (:mod:`.absolute`, :mod:`.periods`, :mod:`.relative`, :mod:`.durations`) are assembled
from, and the word sets that decide where rules are tried. Most patterns are compiled
case-insensitively; rules check capitalisation themselves where it matters ("May" the month, "may"
the verb).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "midafternoon": "AF", "evening": "EV",
    "night": "NI", "overnight": "NI", "tonight": "NI", "midday": "MI",
}  # fmt: skip
# unit word (singular, lower case) -> TIMEX3 duration letter; "DE" decade, "CE" century, "ML" millennium
UNITS: dict[str, str] = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "FN",
    "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE", "millennium": "ML", "millennia": "ML",
}  # fmt: skip

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_ORD_SMALL = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
ORDINAL_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_SMALL)} | {"twentieth": 20, "thirtieth": 30}
for _i, _w in enumerate(_ORD_SMALL[:9]):
    ORDINAL_WORDS[f"twenty-{_w}"] = 21 + _i
    ORDINAL_WORDS[f"twenty {_w}"] = 21 + _i
ORDINAL_WORDS["thirty-first"] = ORDINAL_WORDS["thirty first"] = 31
VAGUE_NUMBERS = frozenset({"several", "few", "a few", "many", "some", "dozens", "hundreds"})


def alternation(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words``, longest first, with spaces matching any white space."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


_UNIT_DIGIT = "one|two|three|four|five|six|seven|eight|nine"
# --- regular-expression fragments (used inside patterns compiled with re.IGNORECASE) ---
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
DAYWORD = alternation(ORDINAL_WORDS)
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d|,\d|\.\d)"
NUMWORD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[\s-]+(?:{_UNIT_DIGIT}))?\b|(?:{'|'.join(reversed(_SMALL))})\b)"
    r"(?:\s+(?:hundred|thousand)\b)?"
)
SPELLED_YEAR = (
    r"(?:(?:nineteen|eighteen)[\s-]+(?:hundred|oh[\s-]+(?:" + _UNIT_DIGIT + r")|"
    r"(?:" + "|".join(_TENS) + r")(?:[\s-]+(?:" + _UNIT_DIGIT + r"))?|"
    r"(?:" + "|".join(_SMALL[10:]) + r"))"
    r"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:" + "|".join(reversed(_SMALL[1:])) + r"))?\b"
    r"|twenty[\s-]+(?:" + "|".join(_SMALL[10:]) + r"|twenty(?:[\s-]+(?:" + _UNIT_DIGIT + r"))?)\b)"
)
NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d|½)?(?!\d)|" + NUMWORD + r"(?:\s+and\s+a\s+half)?"
    r"|a\s+few|a\s+couple(?:\s+of)?|couple\s+of|a\s+dozen|another|an?\s+(?:additional|extra|further)"
    r"|an?(?:\s+and\s+a\s+half)?|several|few|many|some"
    r"|dozens\s+of|hundreds\s+of|half\s+an?|a\s+half|a\s+hundred)"
)
UNIT = (
    r"(?:(?:trading|business|working|calendar)\s+)?"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century"
    r"|millenni(?:um|a))\b"
)
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART = r"(?:morning|afternoon|mid-?afternoon|evening|night|overnight)"
# modifiers of a duration's number ("nearly two years", "at least 30 days"); MOD_OUTER may also stand
# before "the" ("at least the past 18 months")
MOD_OUTER = (
    r"(?:nearly|almost|about|around|roughly|approximately|(?:no\s+|not\s+)?(?:more|less|fewer)\s+than"
    r"|at\s+least|at\s+most|up\s+to)"
)
MOD = r"(?:" + MOD_OUTER[3:-1] + r"|some|well\s+over|just\s+over|just\s+under)"
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")
NUMBER_FIRST = frozenset(
    {"a", "an", "several", "few", "many", "some", "dozens", "hundreds", "half"} | set(NUMBER_WORDS)
)
MONTH_FIRST = frozenset(MONTHS)
WEEKDAY_FIRST = frozenset(WEEKDAYS)
ORDINAL_FIRST = frozenset(w.split()[0].split("-")[0] for w in ORDINAL_WORDS)
MOD_FIRST = frozenset(
    "nearly almost about around roughly approximately some just more less fewer no not at up "
    "well another an a couple".split()
)
PREFIX_FIRST = frozenset("the this that last next early late later earlier mid".split())
# Determiners begin many rules but few expressions: after one, a rule is tried only when the next word
# is a time word (CORE_WORDS), a number, or one of these.
DETERMINER_FIRST = frozenset("the a an this that its their his her these those".split())
AFTER_DETERMINER = frozenset(
    "end beginning start middle rest remainder bulk balance early late later earlier mid past last next coming "
    "previous prior current same following latest preceding present comparable corresponding full whole "
    "entire final remaining initial ensuing subsequent intervening succeeding recent near distant immediate "
    "short fiscal calendar year couple few several many some dozens hundreds another additional extra "
    "further dozen".split()
)
# Words that carry the time in an expression (the head); every expression has one within its first
# seven tokens, so a rule that may begin with a function word ("the", "a", "last") is tried there only
# when one of these follows within six tokens.
_UNIT_WORDS = (
    "second minute hour day week weekend fortnight month quarter year decade century centuries millennium "
    "millennia period half"
).split()
UNIT_WORDS = frozenset({*_UNIT_WORDS, *(w + "s" for w in _UNIT_WORDS)})
CORE_WORDS = frozenset(
    {*MONTHS, *WEEKDAYS, *(w + "s" for w in WEEKDAYS), *SEASONS, *PARTS, *NUMBER_WORDS, *ORDINAL_FIRST, "#", "'"}
    | UNIT_WORDS
    | set(
        "today yesterday tomorrow now currently presently nowadays present recently lately past future soon term "
        "date time noon midday midnight clock fy q h ago end daily weekly monthly quarterly annually yearly hourly "
        "nightly biweekly fortnightly semiannually biannually twenties thirties forties fifties sixties seventies "
        "eighties nineties".split()
    )
)


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, shaped as a trie so that it is fast to scan."""
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def first_words(*groups: frozenset[str] | str) -> frozenset[str]:
    """A rule's possible first words: frozensets as they are, strings split on spaces."""
    out: set[str] = set()
    for group in groups:
        out.update(group.split() if isinstance(group, str) else group)
    return frozenset(out)


_ONE_MORE = frozenset({"additional", "extra", "further"})


def parse_number(text: str) -> float | None:
    """The number a NUM fragment spells (``"twenty four"`` → 24, ``"2 1/2"`` → 2.5); None when vague."""
    s = " ".join(text.lower().replace("-", " ").split())
    if s.endswith(" of"):
        s = s[:-3]
    if s in VAGUE_NUMBERS:
        return None
    if s in ("a", "an", "one", "another") or (s.startswith(("a ", "an ")) and s.split()[1] in _ONE_MORE):
        return 1.0
    if s in ("a couple", "couple"):
        return 2.0
    if s in ("half a", "half an", "a half"):
        return 0.5
    if s == "a dozen":
        return 12.0
    if s == "a hundred":
        return 100.0
    extra = 0.0
    if s.endswith(" and a half"):
        s, extra = s[: -len(" and a half")], 0.5
        if s in ("a", "an", "one"):
            return 1.5
    if s.endswith("½"):
        s, extra = s[:-1].strip(), 0.5
    if s[:1].isdigit():
        whole, _, frac = s.partition(" ")
        value = float(whole.replace(",", "")) if whole.replace(",", "").replace(".", "", 1).isdigit() else None
        if value is None:
            return None
        if frac:
            num, _, den = frac.partition("/")
            value += int(num) / int(den) if den and den != "0" else 0.0
        return value + extra
    total, current = 0, 0
    for word in s.split():
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return float(total + current) + extra


def spelled_year(text: str) -> int | None:
    """``"nineteen ninety-six"`` → 1996, ``"two thousand"`` → 2000, ``"twenty twenty-one"`` → 2021."""
    words = text.lower().replace("-", " ").split()
    words = [w for w in words if w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(words[2:])) if words[2:] else 0.0
        return 2000 + int(rest) if rest is not None else None
    if len(words) < 2 or words[0] not in NUMBER_WORDS:
        return None
    century = NUMBER_WORDS[words[0]]
    tail = words[1:]
    if tail == ["hundred"]:
        return century * 100
    if tail[0] == "oh":
        tail = tail[1:]
    rest = parse_number(" ".join(tail))
    return century * 100 + int(rest) if rest is not None and rest < 100 else None


def year_value(text: str) -> int | None:
    """A YEAR or SPELLED_YEAR fragment as a number."""
    return int(text) if text.isdigit() else spelled_year(text)


def month_number(word: str) -> int | None:
    """The month a MONTH fragment names, or None."""
    return MONTHS.get(word.lower().rstrip(".").strip())


def is_capitalised(word: str) -> bool:
    """True for ``May`` and ``MAY``, false for ``may``."""
    return word[:1].isupper()
