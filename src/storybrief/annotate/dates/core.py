"""Shared pieces of the temporal tagger: what a rule returns, the document context (sentences, the
words around a match, the tense cue, the reference time of anaphora) and calendar arithmetic in
TIMEX3 notation."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .lexicon import WORD_RE


@dataclass(slots=True)
class Hit:
    """What a rule made of one match: a TIMEX3 value and how it was reached.

    ``start``/``end`` narrow the span when the pattern matched more than the expression itself.
    """

    value: str | None
    gran: str
    kind: str = "date"
    anchored: bool = True
    direction: str | None = None
    start: int | None = None
    end: int | None = None
    ref: bool = True  # may serve as the reference time of later anaphora ("a year earlier" may not)


# A rule: its pattern (tried where one of its first words starts), the function that checks a match
# and resolves it (None rejects it as a false positive), and those first words (see ``first_words``).
Rule = tuple[re.Pattern[str], Callable[[re.Match[str], "Ctx"], Hit | None], frozenset[str]]

# Words after which a bare month name, year or season is a date rather than a verb, name or quantity.
TEMPORAL_WORDS = frozenset(
    "in since until till by from through to of during before after early late last this next mid between and "
    "or each every throughout for on past end beginning start middle around about circa year fiscal than as "
    "over into spring summer fall autumn winter half".split()
)
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"“”(]\s*|\n)\s*$")  # searched in the text before a match


# --- calendar arithmetic -------------------------------------------------------------------------


def fmt_week(d: date) -> str:
    """ISO week of ``d``: ``2021-W39``."""
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def fmt_month(year: int, month: int) -> str:
    """``2021-09``."""
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    """The month ``n`` months after (or before) ``year-month``."""
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def shift_years(d: date, n: int) -> date:
    """``d`` moved by whole years (29 February becomes 28 February), clamped to the years ``date`` holds
    ("2500 years ago" from 2009 is year 1: such spans are beyond any news timeline anyway)."""
    year = min(max(d.year + n, date.min.year), date.max.year)
    try:
        return d.replace(year=year)
    except ValueError:
        return d.replace(year=year, day=28)


def quarter_of(d: date) -> int:
    """1-4."""
    return (d.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, n: int) -> tuple[int, int]:
    """The quarter ``n`` quarters after (or before) ``year-Qquarter``."""
    index = year * 4 + quarter - 1 + n
    return index // 4, index % 4 + 1


def weekday_date(anchor: date, weekday: int, direction: str | None, strict: bool = False) -> date:
    """The date of ``weekday`` near ``anchor``: the most recent one (the anchor's own day included unless
    ``strict``) by default or for "past", the next one for "future"."""
    if direction == "future":
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead or (7 if strict else 0))
    back = (anchor.weekday() - weekday) % 7
    return anchor - timedelta(days=back or (7 if strict else 0))


def month_year(anchor: date, month: int, direction: str | None) -> int:
    """The year of an unqualified month name: by tense, else the nearer one (leaning to the past)."""
    if month == anchor.month:
        return anchor.year
    ahead = (month - anchor.month) % 12
    if direction == "past" and ahead != 1:  # next month is hardly ever meant as eleven months ago
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "future" and ahead != 11:
        return anchor.year if month > anchor.month else anchor.year + 1
    if ahead <= 3:
        return anchor.year + (1 if month < anchor.month else 0)
    return anchor.year - (1 if month > anchor.month else 0)


def day_date(anchor: date, month: int, day: int, direction: str | None) -> date | None:
    """The date of "March 9" without a year: by tense, else the nearest occurrence (leaning to the past).

    News gives the year of a date that is not near the publication date (AP style), so a reading far
    from it (more than eight months) is taken only when no reading near it (two and a half months)
    exists, whatever the tense: "was extended to Nov. 16" in late October is the coming 16 November.
    """
    options: list[date] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    nearest = min(options, key=lambda d: (abs((d - anchor).days) + (40 if d > anchor else 0), d > anchor))
    chosen = None
    if direction == "past":
        chosen = max((d for d in options if d <= anchor), default=None)
    elif direction == "future":
        chosen = min((d for d in options if d >= anchor), default=None)
    if chosen is None or (abs((chosen - anchor).days) > 240 and abs((nearest - anchor).days) <= 75):
        return nearest
    return chosen


def quarter_year(anchor: date, quarter: int, direction: str | None) -> int:
    """The year of "the third quarter": the quarter just over is the one reported on; a quarter still
    ahead in the anchor's year is last year's unless the sentence speaks of the future; an earlier one
    is next year's only in the future tense."""
    current = quarter_of(anchor)
    latest_year, latest = shift_quarter(anchor.year, current, -1)
    if quarter == latest:
        return latest_year
    if quarter > current:
        return anchor.year if direction == "future" else anchor.year - 1
    if quarter < current and direction == "future":
        return anchor.year + 1
    return anchor.year


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def season_year(anchor: date, season: str, rel: str | None) -> int:
    """The year of "this/last/next summer" (rel "this", "last" or "next"; a winter is counted in the
    year of its January)."""
    year, month = anchor.year, anchor.month
    if season == "WI":
        in_season = month in (12, 1, 2)
        current = year + 1 if month == 12 or not in_season else year
        if rel == "last":
            return current - 1
        return current + 1 if rel == "next" and in_season else current
    first, last = _SEASON_MONTHS[season]
    if rel == "last":
        return year if month > last else year - 1
    if rel == "next":
        return year if month < first else year + 1
    return year


# --- sentence context and tense ------------------------------------------------------------------

# a sentence end or a paragraph break; the word before a full stop tells "Mr." and "U.S." from an end
_BOUNDARY_RE = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z])|\n\s*\n")
_WORD_BEFORE_DOT_RE = re.compile(r"(?<![A-Za-z.])[A-Za-z][A-Za-z.]{0,7}$")
_ABBREV = frozenset(
    "mr mrs ms dr st jr sr co corp inc ltd gen sen rep gov lt col capt sgt prof vs no jan feb mar apr jun jul "
    "aug sep sept oct nov dec a.m p.m u.s u.k u.n".split()
)
_CLAUSE_END_RE = re.compile(r"(?s:.*)(?:[.!?;:][\"”’')]*\s|\n\s*\n)")
_TOKEN_BEFORE_RE = re.compile(r"[A-Za-z0-9][\w'’]*")
_NEXT_WORD_RE = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")

_FUTURE = frozenset(
    "will 'll ’ll would shall scheduled slated expected expects expect upcoming coming next forecast forecasts "
    "projected tomorrow anticipated aims hopes intends intend must should".split()
)
# a modal before a bare verb looks ahead ("could reach", "may close", "might be"); with "have" or a negation it
# may tell the past ("could have left", "could not attend on Monday")
_MODAL = frozenset("could may might".split())
_MODAL_NOT_AHEAD = frozenset("have not n't never also".split())
_FUTURE_BEFORE_TO = frozenset("is are going set due plans planning planned likely about".split())
_PRESENT = frozenset("is are am has have says say does do".split())
_PAST = frozenset(
    "was were had did said told ago last earlier yesterday previously began came went took made gave saw met "
    "held left fell rose won lost sold bought paid spent struck broke brought thought found became ran led "
    "kept fought stood got sent wrote spoke chose drove flew grew knew threw shot sank fled hit quit "
    "underwent overtook withdrew drew ate wore tore rang sang swam woke forgot froze hid bit blew caught "
    "dealt dug fed felt heard hung laid lent lit meant rode sat shook shone slept slid sought spun stole "
    "stuck swore swept swung taught understood wept wound bent bled bore built burnt clung crept drank "
    "forbade sprang sped spread struck stung undertook upheld withheld overcame overheard mistook".split()
)
_PAST_TIME_WORDS = frozenset("ago last earlier yesterday previously".split())
_NOT_PAST = frozenset("need indeed speed seed feed bed red shed wed hundred proceed exceed succeed breed".split())
_BEFORE_ADJECTIVE = frozenset("the a an its their his her this that these those our your be being been".split())
_BACKSHIFT = frozenset("was were had been".split())
# Words just before a date that make it a deadline or a start ("until March 9", "payable Dec. 15").
_DEADLINE = frozenset("until till by through payable effective starting beginning expire expires".split())
# After a past verb, "until Sunday" is still ahead ("extended the curfew until Sunday") unless the verb
# says how long something went on ("stayed closed until Sunday") or the sentence looks back ("had").
_UNTIL = frozenset("until till".split())
_LASTED = frozenset(
    "had lasted remained stayed continued ran waited kept held lingered persisted dragged raged went".split()
)


def _marker(tokens: list[str], i: int, verbs_only: bool = False) -> str | None:
    """The tense the word ``tokens[i]`` (lower case) marks: future, past, present, or None; with
    ``verbs_only``, time words that mark the past ("last", "ago", "yesterday") mark nothing."""
    word = tokens[i]
    if verbs_only and word in _PAST_TIME_WORDS:
        return None
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    before = tokens[i - 1] if i > 0 else ""
    if word in _MODAL and after and after not in _MODAL_NOT_AHEAD:
        return "future"  # "could reach the coast on Friday"; not "could have", "could not", "might've"
    if word in _FUTURE or (after == "to" and word in _FUTURE_BEFORE_TO):
        # "had been scheduled to expire Friday", "was to meet Monday": a future seen from the past
        return "past" if before in _BACKSHIFT or (i > 1 and tokens[i - 2] in _BACKSHIFT) else "future"
    if word in _PRESENT:
        return "future" if after in _FUTURE or after in ("to", "due", "likely", "set", "about") else "present"
    if word in _PAST:
        return "future" if before in _MODAL else "past"  # "may hit", "could set": a bare verb after a modal
    if len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST and before not in _BEFORE_ADJECTIVE:
        return "past"  # "reiterated Monday", not "the reduced dividend" or "to be completed"
    return None


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """A boundary match is a paragraph break or a full stop that does not end "Mr." or "U.S."."""
    if text[m.start()] != ".":
        return True
    word = _WORD_BEFORE_DOT_RE.search(text, max(0, m.start() - 9), m.start())
    return word is None or (len(word.group()) > 1 and word.group().lower() not in _ABBREV)


class Ctx:
    """One document being tagged: its text and anchor, the words around a match, the tense cue, and the
    reference time of anaphoric expressions (the last date resolved, the last quarter named)."""

    __slots__ = (
        "anchor",
        "day_first",
        "named_days",
        "order",
        "quarter",
        "ref",
        "ref_end",
        "story_day",
        "tense_aware",
        "text",
    )

    def __init__(self, text: str, anchor: date | None, tense_aware: bool) -> None:
        self.text = text
        self.anchor = anchor
        self.tense_aware = tense_aware
        self.ref: tuple[str, str] | None = None  # (granularity, value) of the last resolved date
        self.ref_end = -1
        self.quarter: str | None = None  # the last quarter named: the one an earnings story reports on
        # the last day named with its year when that year is not the publication year ("on Aug 10, 2021"),
        # and where its mention ends: the time a narrative of other days around it is set in
        self.story_day: tuple[date, int] | None = None
        # every day named with a year other than the publication year, by (month, day): the same day named
        # again without its year later in the text is that one ("On Aug 10, 2021 … On the morning of Aug 10")
        self.named_days: dict[tuple[int, int], date] = {}
        self.day_first: bool | None = None  # the language's or locale's order of numeric dates, if known
        self.order: bool | None = None  # the text's order: day first? (see absolute.numeric_order)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the sentence around ``text[start:end]`` (looked for within 250 characters)."""
        text = self.text
        lo = max(0, start - 250)
        for m in _BOUNDARY_RE.finditer(text, lo, start):
            if _ends_sentence(text, m):
                lo = m.end()
        hi = min(len(text), end + 250)
        for m in _BOUNDARY_RE.finditer(text, end, hi):
            if _ends_sentence(text, m):
                hi = m.end()
                break
        return lo, hi

    def tense(self, start: int, end: int) -> str | None:
        """Past or future, from the nearest tense cue within 14 words in the same sentence (the left one
        first at equal distance); None when there is none or the nearest verb is in the present."""
        if not self.tense_aware:
            return None
        lo, hi = self.sentence(start, end)
        left = [w.lower() for w in WORD_RE.findall(self.text, max(lo, start - 120), start)][-14:]
        stop = min(hi, end + 120)
        right = [w.lower() for w in WORD_RE.findall(self.text, end, stop)][:14]
        # the clause's own verb comes before an attribution after a comma ("will vote on Tuesday, the union
        # said"): words after the comma count only when the clause has no tense cue of its own
        comma = self.text.find(",", end, stop)
        cut = min(len(right), len(WORD_RE.findall(self.text, end, comma))) if comma >= 0 else len(right)
        tokens = [*left, *right]
        n = len(left)
        # a verb's tense first; time words ("last month's leak", "a year ago") only when no verb tells:
        # they date another event than the one this expression dates
        for verbs_only in (True, False):
            for d in range(max(n, cut)):
                if d < n and (mark := _marker(tokens, n - 1 - d, verbs_only)):
                    return None if mark == "present" else mark
                if d < cut and (mark := _marker(tokens, n + d, verbs_only)):
                    return None if mark == "present" else mark
            for d in range(cut, len(right)):
                if mark := _marker(tokens, n + d, verbs_only):
                    return None if mark == "present" else mark
        return None

    def direction(self, start: int, end: int, past_wins: bool = False) -> str | None:
        """The tense cue, adjusted by the word before the expression: "since" makes it past, a deadline
        word ("until", "by", "payable") future unless the verb is past (then past with ``past_wins``,
        else undecided)."""
        tense = self.tense(start, end)
        if not self.tense_aware:
            return None
        before = self.words_before(start, 1)
        if before == ["since"]:
            return "past"
        if before and before[0] in _DEADLINE:
            if tense == "past" and before[0] in _UNTIL and not self._lasted(start):
                return "future"
            if tense == "past":
                return "past" if past_wins else None
            return "future"
        return tense

    def _lasted(self, pos: int) -> bool:
        """Whether the sentence before ``pos`` has a verb of lasting or a pluperfect ("stayed … until")."""
        lo, _ = self.sentence(pos, pos)
        return any(w.lower() in _LASTED for w in WORD_RE.findall(self.text, max(lo, pos - 120), pos))

    def words_before(self, pos: int, n: int = 2) -> list[str]:
        """Up to ``n`` words (or numbers) before ``pos`` in the same clause, lower case, nearest last."""
        chunk = self.text[max(0, pos - 40) : pos]
        cut = _CLAUSE_END_RE.search(chunk)
        if cut is not None:
            chunk = chunk[cut.end() :]
        return [w.lower() for w in _TOKEN_BEFORE_RE.findall(chunk)][-n:]

    def prev_word(self, pos: int) -> str:
        """The word just before ``pos`` in the same clause, lower case, or ""."""
        before = self.words_before(pos, 1)
        return before[0] if before else ""

    def word_after(self, pos: int) -> str:
        """The next word after ``pos`` when only spaces separate them (original case), else ""."""
        m = _NEXT_WORD_RE.match(self.text, pos)
        return m.group(1) if m else ""

    def at_sentence_start(self, pos: int) -> bool:
        """True when only punctuation or nothing stands between ``pos`` and the previous sentence."""
        return SENTENCE_START_RE.search(self.text, max(0, pos - 4), pos) is not None

    def set_ref(self, hit: Hit, end: int) -> None:
        """Remember a resolved date as the reference time for anaphora."""
        value = hit.value
        if not (hit.ref and hit.anchored and value and hit.kind in ("date", "time")):
            return
        if value[:1].isdigit() and "X" not in value:
            self.ref = (hit.gran, value)
            self.ref_end = end
            if hit.gran == "quarter" and "-Q" in value:
                self.quarter = value

    def ref_day(self) -> date | None:
        """The day of the reference mention, when it names one."""
        if self.ref and self.ref[0] in ("day", "time"):
            return date.fromisoformat(self.ref[1][:10])
        return None
