"""Temporal expressions in news text, normalised to TIMEX3 values against the publication date.

``tag_dates(text, anchor)`` finds dates, times, durations and sets ("on Thursday", "last month",
"March 9", "the third quarter", "two weeks ago", "three years", "every Monday", "9:30 a.m.") and
gives each a :class:`~storybrief.model.TimeMention` with its character offsets and, when it can be
anchored, its absolute value (``2021-09-30``, ``2021-W39``, ``2021-Q3``, ``P3Y`` ...).

How it works: about twenty precompiled patterns, grouped in rule families (:mod:`.absolute` dates,
years and clock times, :mod:`.periods` quarters, seasons and decades, :mod:`.relative` relative
and deictic expressions, :mod:`.durations` durations and sets). One scan of the text finds the words
where a rule may begin (each rule lists them) and the words that carry the time; each rule's pattern
is then tried only there (after "the" or "a" only when a time word follows). Every match becomes a
candidate; candidates are taken left to right, the longest first, and each is checked and resolved by
its rule, which may still reject it (a false positive such as "may rise" or "2000 troops").

Relative expressions are resolved against ``anchor`` (the article's publication date); when the
calendar alone cannot decide between a past and a future reading ("Thursday", "in March", "the fourth
quarter"), the tense of the nearest verb in the same sentence does ("said Thursday" → the previous
Thursday, "will meet Thursday" → the next one). Expressions that refer to an earlier mention ("a year
earlier", "the following day") are resolved from the last date resolved before them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from ...model import TimeMention
from . import absolute, durations, periods, relative
from .core import Ctx, Hit
from .lexicon import AFTER_DETERMINER, CORE_WORDS, DETERMINER_FIRST, MONTHS, UNIT_WORDS, trie_pattern

__all__ = ["tag_dates"]

# Order is priority between candidates of the same span: calendar rules first, then relative ones,
# then sets before durations (so "$5 a year" is a set, "a year" elsewhere a duration).
_RULES = [*absolute.RULES, *periods.RULES, *relative.RULES, *durations.RULES]
_BY_FIRST_WORD: dict[str, tuple[int, ...]] = {}
for _index, _rule in enumerate(_RULES):
    for _word in _rule[2]:
        _BY_FIRST_WORD[_word] = (*_BY_FIRST_WORD.get(_word, ()), _index)
# The words where a rule may begin or that carry the time, numbers (key "#") and the apostrophe of
# "'90s" (key "'"): the only places the rules are tried.
_TRIGGER_WORDS = (set(_BY_FIRST_WORD) | CORE_WORDS) - {"#", "'"}
# Scanned over the text with ASCII capitals lowered (same length, same offsets): a case-sensitive
# pattern is much faster than an IGNORECASE one.
_TRIGGER_RE = re.compile(r"(?<![a-z])(?:" + trie_pattern(_TRIGGER_WORDS) + r")(?![a-z])|(?<!\d)\d|['’](?=\d)")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NEXT_RE = re.compile(r"[ \t\n]+(?:(\d)|([a-z]+))")
_CORE_REACH = 30  # characters from a function word to the time word that makes trying rules there worth it
_TRAILING = re.compile(r"['’]s$|[\s,.;:]+$")


def tag_dates(
    text: str, anchor: date | None, *, tense_aware: bool = True, day_first: bool | None = None
) -> list[TimeMention]:
    """Every temporal expression in ``text``, sorted by offset and non-overlapping.

    ``anchor`` is the publication date (the document creation time). Without it, relative expressions
    are still found but left unanchored (value None, or partly known such as ``XXXX-03-09``).
    ``tense_aware`` lets the tense of the sentence choose between past and future readings; without it
    weekdays default to the past and months and dates to the nearest occurrence. ``day_first`` is how the
    article's language or locale writes numeric dates (``12/7/2022`` is 12 July in Indonesian or British
    text, 7 December in American); a numeric date in the text that can only be read one way ("25/7/2022")
    decides for the whole text, else ``day_first`` does, else month first.
    """
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    ctx = Ctx(text, anchor, tense_aware)
    ctx.day_first = day_first
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    lower = text.translate(_ASCII_LOWER)
    triggers = [(t.start(), t.group()) for t in _TRIGGER_RE.finditer(lower)]
    next_core = len(text) + _CORE_REACH + 1
    for pos, word in reversed(triggers):
        first = word[0]
        key = "#" if first.isdigit() else "'" if first in "'’" else word
        if key in CORE_WORDS:
            next_core = pos
        elif next_core - pos > _CORE_REACH:
            continue  # a function word with no time word after it
        elif key in DETERMINER_FIRST:
            after = _NEXT_RE.match(lower, pos + len(word))
            if after is None or not (after[1] or after[2] in CORE_WORDS or after[2] in AFTER_DETERMINER):
                continue
        rules = _BY_FIRST_WORD.get(key, ()) if key != "#" else _number_rules(text, pos)
        for priority in rules:
            m = _RULES[priority][0].match(text, pos)
            if m is not None and m.end() > pos:
                candidates.append((pos, -m.end(), priority, m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    mentions: list[TimeMention] = []
    covered = 0
    for start, _, priority, m in candidates:
        if start < covered or (start and text[start - 1] in "#@"):
            continue  # a hashtag or a handle ("#July4", "@Jan25") names something, it is not a date
        hit = _resolve(priority, m, ctx)
        if hit is None:
            continue
        mention = _mention(text, m, hit, ctx.anchor is not None)
        if mention is None or mention.start < covered:
            continue
        mentions.append(mention)
        covered = mention.end
        ctx.set_ref(hit, mention.end)
    return mentions


# What follows a number decides which rules may start there: keys "#4" (four digits), "#-", "#/", "#:",
# "#." ... (the character after it), "#ord" (9th), "#s" (1990s), "#digit" (2 1/2), and the kind of word
# after it: "#unit" (3 years, 10-year), "#month" (9 March), "#ampm" (5 p.m.), "#of", "#to", "#times".
_NUMBER_SHAPE_RE = re.compile(
    r"(?P<digits>\d+)(?P<suffix>st|nd|rd|th|['’]?s)?(?P<punct>[-/:.,½]?)[ \t\n-]*(?P<word>\d|[A-Za-z]*)"
)
_NUMBER_WORD_KEYS = {"a": "#ampm", "am": "#ampm", "p": "#ampm", "pm": "#ampm", "of": "#of", "times": "#times"}
_NUMBER_WORD_KEYS |= dict.fromkeys("to or and more additional extra further".split(), "#to")
_NUMBER_WORD_KEYS |= dict.fromkeys("trading business working calendar".split(), "#unit")
_NUMBER_WORD_KEYS |= dict.fromkeys(UNIT_WORDS, "#unit") | dict.fromkeys(MONTHS, "#month")


def _number_rules(text: str, pos: int) -> tuple[int, ...]:
    """The rules that may start at the number at ``pos``, in priority order."""
    m = _NUMBER_SHAPE_RE.match(text, pos)
    if m is None:
        return ()
    keys = []
    if len(m["digits"]) == 4:
        keys.append("#4")
    suffix = (m["suffix"] or "").lower()
    if suffix:
        keys.append("#s" if suffix.endswith("s") else "#ord")
    if m["punct"]:
        keys.append("#" + m["punct"])
    word = m["word"].lower()
    if word.isdigit():
        keys.append("#digit")
    elif word in _NUMBER_WORD_KEYS:
        keys.append(_NUMBER_WORD_KEYS[word])
    found: set[int] = set()
    for key in keys:
        found.update(_BY_FIRST_WORD.get(key, ()))
    return tuple(sorted(found))


_LEADING_YEAR_RE = re.compile(r"-?\d+")


def _resolve(priority: int, m: re.Match[str], ctx: Ctx) -> Hit | None:
    """The rule's reading of ``m``, or None when it rejects it or its date falls outside the calendar.

    Near the ends of the calendar (an article dated 9999-12-31 or 0001-01-01) date arithmetic overflows
    and years run past 1-9999 ("next year" is 10000); such readings are dropped, not written. Years the
    rules wrote with fewer than four digits ("999-Q4") are padded as TIMEX3 wants them.
    """
    try:
        hit = _RULES[priority][1](m, ctx)
    except OverflowError:  # date arithmetic past 0001-01-01 or 9999-12-31
        return None
    if hit is None or not hit.value or hit.gran == "decade":  # "199" is the 1990s, "19" the 1900s
        return hit
    lead = _LEADING_YEAR_RE.match(hit.value)
    if lead is None:
        return hit
    year = int(lead.group())
    if not date.min.year <= year <= date.max.year:
        return None
    return replace(hit, value=f"{year:04d}{hit.value[lead.end() :]}") if lead.end() < 4 else hit


def _mention(text: str, m: re.Match[str], hit: Hit, has_anchor: bool) -> TimeMention | None:
    """The record for one accepted hit, its span trimmed of a possessive or trailing punctuation."""
    start = hit.start if hit.start is not None else m.start()
    end = hit.end if hit.end is not None else m.end()
    trimmed = _TRAILING.search(text, start, end)
    if trimmed is not None and trimmed.end() == end and not text[start:end].endswith("."):
        end = trimmed.start()
    elif text[start:end].endswith(".") and not re.search(r"(?:[ap]\.m|\b[A-Z][a-z]{2,3})\.$", text[start:end]):
        end -= 1
    if end <= start:
        return None
    anchored = hit.anchored and hit.value is not None
    return TimeMention(
        text=text[start:end],
        start=start,
        end=end,
        value=hit.value,
        granularity=hit.gran,
        anchored=anchored,
        kind=hit.kind,
        direction=hit.direction,
    )
