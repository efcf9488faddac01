"""Timelines: the days a story (or a topic) happened on, each with its most central sentences.

A sentence is dated by an anchored day-granular date mention in it ("on Thursday" resolved against the
publication date, "on 13 March 2026"). Days are ranked by how many articles mention them (a mention near an
article's lead counts more, one on its publication day a little more), plus a share of the votes of the day
before and the day after; each day gets the sentences that mention it, most central first and not repeating
one another. A day is *inferred* when no mention states it (a weekday, "yesterday", "last Friday": worked
out from the publication date); "April 10" or "10/04/2026" state their day, even when the year comes from
the publication date. Every date that places a sentence votes for its day, but the sentence is shown on its
main verb's day only (see ``_shown_days``), and one sentence found in several articles on one day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .. import defaults
from ..annotate.dates.lexicon import MONTHS
from ..errors import Msg
from ..lang import tables
from ..model import Article, TimelineEntry, TimeMention, UndatedTimeline
from .event_dates import (
    EVENT,
    SPEECH_WORDS,
    is_caption,
    is_notice,
    is_reflection,
    is_verb,
    looks_ahead,
    mention_role,
    reports_past_event,
    reports_simple_past,
    sentence_days,
)
from .sentences import SUPPORT_SIM, Matrix, Unit, build_matrix, story_units
from .support import SupportIndex

DEFAULT_DATES = defaults.TIMELINE_DATES
DEFAULT_SENTENCES = defaults.TIMELINE_SENTENCES
REDUNDANCY = 0.5
LEAD_DECAY = 0.3
# An article's own publication day gets a little extra: enough to prefer it among days an article mentions
# equally far down (news is mostly about its own day), too little to outvote a next-morning report's "last
# night" near its lead, where the event was.
PUBLISHED_BONUS = 0.05
# A report is often a day off the event (time zones, "late Friday" filed on Saturday, next-morning papers
# dated after "last night") and a big story runs over several days, so a day also gets this share of the
# votes of the day before and the day after: of two days with equal votes, the one amid the coverage wins.
NEIGHBOUR_SHARE = 0.25
# An undated lead is dated by its publication day (see _undated_leads) with a quarter of the weight of a
# written date: enough to fill days that few articles date in words (T17 finan, tuning half: 57 candidate
# days instead of 39 for 65 asked), too little to outvote written dates where many articles name them.
UNDATED_LEADS = 3
LEAD_DAY_WEIGHT = 0.25
# Which undated leads are shown (each always votes). STRICT_LEADS: only an article's first sentence telling a
# finished event (see _undated_leads); HIDE_LEADS_ON_WRITTEN_DAYS: none on a day some sentence dates in words;
# LEAD_FALLBACK: a day with nothing else to show shows its leads anyway. Every strict setting tried lost the
# per-topic lead over the busiest-days baseline on the tuning half (benchmarks/README.md, "Timelines: which
# undated leads to show"), so the default shows every lead, as before.
STRICT_LEADS = False
HIDE_LEADS_ON_WRITTEN_DAYS = False
LEAD_FALLBACK = False
# An undated lead is shown as what was *reported* on its publication day (TimelineEntry.reported), and not
# at all when a sentence dating the same event in words says the same thing on another day.
HIDE_LEADS_TOLD_WITH_A_DATE = True
HIDE_BACKGROUND_LEADS = True  # a perfect over a span of time ("has hammered the yen this year") is not shown
DEICTIC_WEIGHT = 0.5  # "today" in passing says less about what happened when than a written date
_DEICTIC_RE = re.compile(r"(?i)(today|tonight|this (morning|afternoon|evening)|now|currently)")
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# month words of the date tagger's English lexicon and of every language table
_MONTHS = "|".join(
    re.escape(w)
    for w in sorted({*MONTHS, *(w.lower() for t in tables().values() for w, _ in t.months)}, key=len, reverse=True)
)
# a day of the month written out: "April 10", "10 April", "10/04/2026", "2026-04-10", "10月" + "日"
_STATED_DAY_RE = re.compile(
    rf"(?i)\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b)"
    r"|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
)


# a clock time alone ("at around 9.20am", "10:30"): the tagger gives it the publication day, but it names
# no day (in a story set in another year it is that year's night, not the day the article came out)
_BARE_CLOCK_RE = re.compile(
    r"(?i)^\W*(?:at\s+)?(?:(?:around|about|approximately|roughly|just|before|after)\s+)*"
    r"\d{1,2}(?:[.:h]\d{2})?\s*(?:[ap]\.?\s?m\.?|h|hrs|hours|gmt|utc|[a-z]{1,3}t)?\W*$"
)


# a span of time, not a day: "this year", "so far", "in recent weeks", "over the past decade", "for months"
_SPAN_RE = re.compile(
    r"(?i)\b(?:this|last|past) (?:year|month|decade|season)\b|\bso far\b|\bin recent (?:days|weeks|months|years)\b|"
    r"\bover the (?:past|last) \w+|\bfor (?:days|weeks|months|years|decades)\b|\bsince \d{4}\b"
)


@dataclass(slots=True)
class _Dated:
    unit: int
    day: str
    inferred: bool
    deictic: bool = False  # "today", "tonight": the article's own day, said in passing
    lead: bool = False  # an undated lead, dated by its publication day (see _undated_leads)
    shown: bool = True  # a photo caption votes for its day but is never shown
    told: bool = False  # shown as reported that day (a run-in time stamp's day, see _stamp_days)


def _dated_units(articles: Sequence[Article], units: Sequence[Unit]) -> list[_Dated]:
    """Each unit's event days (see :mod:`.event_dates`): a date in a side clause, a forecast, a deadline,
    a birth date or a site notice never places a sentence on a day."""
    out = []
    by_article: dict[int, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        by_article[u.article].append(i)
    for k, article in enumerate(articles):
        in_unit: dict[int, list[TimeMention]] = defaultdict(list)
        coarse: dict[int, list[TimeMention]] = defaultdict(list)  # "last weekend", "in February 2021"
        for mention in article.dates:
            if mention.anchored and mention.value and mention.granularity in _COARSE:
                for i in by_article[k]:
                    if units[i].start <= mention.start < units[i].end:
                        coarse[i].append(mention)
                        break
            if not (mention.anchored and mention.value and _DAY_RE.match(mention.value)):
                continue
            if mention.kind != "date" and mention.granularity not in ("day", "time"):
                continue
            if mention.granularity == "time" and _BARE_CLOCK_RE.match(mention.text):
                continue
            for i in by_article[k]:
                u = units[i]
                if _whole(u) <= mention.start < u.end:
                    in_unit[i].append(mention)
                    break
        published = article.published.date() if article.published else None
        if published is not None:
            leads = _undated_leads(article, units, by_article[k], in_unit, published)
            for d in leads:
                if any(_dates_the_lead(article, units[d.unit], m, published) for m in coarse.get(d.unit, ())):
                    d.shown = False  # "Russia began building up forces in February 2021": not that day's news
            out.extend(leads)
        for i, mentions in in_unit.items():
            u = units[i]
            seen: set[str] = set()
            span = (_whole(u), u.end)
            days = sentence_days(article.text, span, mentions, published, article.language)
            main = _shown_days(article.text, days, u)
            stamped = _stamp_days(days, u, main)
            for mention in days:
                assert mention.value is not None
                day = mention.value[:10]
                if day in seen:
                    continue
                seen.add(day)
                inferred = not any(_STATED_DAY_RE.search(m.text) for m in mentions if m.value and m.value[:10] == day)
                deictic = bool(_DEICTIC_RE.fullmatch(mention.text.strip()))
                shown = (day in main or day in stamped) and not is_caption(u.text)
                out.append(_Dated(i, day, inferred, deictic, shown=shown, told=day in stamped))
    return out


_COARSE = frozenset(("week", "month", "quarter", "year"))


def _shown_days(text: str, days: Sequence[TimeMention], u: Unit) -> set[str]:
    """The days a sentence is shown on when several date it (each still votes): its first event date in the
    sentence itself, before one in a run-in headline or time stamp ("Sunday 6 March 2005 01.36 GMT The
    journalist arrived in Rome yesterday"), and a later one only when a clause of its own holds it ("met on
    Sunday and signed the accord on Monday"); otherwise the later date hangs on the first clause's object or
    what it says ("told reporters Saturday he welcomed a call Friday by …", "found on Tuesday that he had
    killed … on Aug 10, 2021")."""
    own = [m for m in days if m.start >= u.start] or list(days)
    shown: list[TimeMention] = []
    for m in own:
        if not shown or _new_clause(text[shown[-1].end : m.start]):
            shown.append(m)
    return {m.value[:10] for m in shown if m.value}


def _stamp_days(days: Sequence[TimeMention], u: Unit, shown: set[str]) -> set[str]:
    """Days a run-in time stamp gives a sentence ("Sunday 6 March 2005 01.36 GMT The journalist arrived in
    Rome yesterday"): the stamp tells when it was reported, not when the event was, so the sentence is shown
    there labelled as reported that day, as an undated lead is on its publication day (and besides on its
    own day when it dates itself)."""
    own = any(m.start >= u.start for m in days)
    return {m.value[:10] for m in days if m.start < u.start and m.value and (not own or m.value[:10] not in shown)}


# "…, and on Oct 7 it was found", "… on Sunday and signed …", "…; on Monday …": a coordinated clause
_AND_RE = re.compile(r"(?i)[;]|\b(?:and|but|then)\s+(?:\w+ly\s+|then\s+|later\s+)?(\w+)|,\s*(?:and|but|while)\b")


def _new_clause(between: str) -> bool:
    for m in _AND_RE.finditer(between):
        word = m.group(1)
        if word is None or is_verb(word.lower()):
            return True
    return False


def _dates_the_lead(article: Article, u: Unit, mention: TimeMention, published: date) -> bool:
    """A week, month or year that dates the lead's own event ("warned last weekend that …", "in February 2021,
    Russia began …"): the lead then tells no news of its publication day. A period after a verb of speech
    ("…, adding that he met Putin last week") belongs to what was said."""
    head = article.text[u.start : mention.start]
    if any(w in SPEECH_WORDS for w in re.findall(r"[a-z]+", head.lower())):
        return False
    # no publication day: mention_role compares days, and whether the period is past is tested here
    role = mention_role(article.text, (u.start, u.end), mention, None, article.language)
    return role == EVENT and _before_period(mention.value or "", published)


def _before_period(value: str, published: date) -> bool:
    """``value`` (``2005``, ``2005-10``, ``2005-Q3``, ``2005-W41``, maybe with a suffix) is a period before
    the one ``published`` falls in."""
    year, week = published.isocalendar()[:2]
    own = {
        4: str(published.year),
        7: published.isoformat()[:7],
    }
    if re.match(r"\d{4}-W\d{2}", value):
        return value[:8] < f"{year}-W{week:02d}"
    if re.match(r"\d{4}-Q\d", value):
        return value[:7] < f"{published.year}-Q{(published.month - 1) // 3 + 1}"
    if re.match(r"\d{4}-\d{2}(?!\d)", value):
        return value[:7] < own[7]
    if re.match(r"\d{4}(?![\d-])", value):
        return value[:4] < own[4]
    return False


def _whole(u: Unit) -> int:
    """Where the unit's sentence starts, a run-in headline or caption included: its dates count too."""
    return u.sentence_start if 0 <= u.sentence_start <= u.start else u.start


def _undated_leads(
    article: Article,
    units: Sequence[Unit],
    indices: Sequence[int],
    in_unit: dict[int, list[TimeMention]],
    published: date,
) -> list[_Dated]:
    """The first ``UNDATED_LEADS`` sentences of a dated article that name no day are dated by its
    publication day, as *inferred* and with ``LEAD_DAY_WEIGHT``: a lead reports the news of its day
    ("Lehman Brothers filed for bankruptcy protection"). Only whole sentences with a past or perfect verb
    that do not look ahead, and no notice: "At least not yet, and …" or "… will vote" are no event.

    Such a sentence always votes for the day, but is shown only when it is the article's first sentence
    and tells a finished event in the simple past (no state, perfect or quote; see ``reports_simple_past``),
    and only on a day none of whose sentences carries a date of its own (``build_timeline``): its day is a
    guess, a written date is not."""
    out = []
    for i in indices:
        u = units[i]
        if u.position >= UNDATED_LEADS or i in in_unit or not u.well_formed:
            continue
        if is_notice(u.text) or looks_ahead(u.text) or not reports_past_event(u.text):
            continue
        shown = not STRICT_LEADS or (u.position == 0 and reports_simple_past(u.text) and not is_caption(u.text))
        # a perfect over a span of time ("has hammered the yen this year") is background, of no day
        shown = shown and not (HIDE_BACKGROUND_LEADS and _SPAN_RE.search(u.text) and not reports_simple_past(u.text))
        # a state ("The proposed scheme is in its consultation phase") votes but is no news of the day
        shown = shown and reports_past_event(u.text, strict=True)
        shown = shown and not (HIDE_BACKGROUND_LEADS and is_reflection(u.text))
        out.append(_Dated(i, published.isoformat(), True, lead=True, shown=shown))
    return out


def _day_weight(items: Sequence[_Dated], units: Sequence[Unit], articles: Sequence[Article]) -> float:
    """Articles mentioning the day, each once, counting more the nearer its mention is to its lead, and a
    little more when the day is the one it was published on (see ``PUBLISHED_BONUS``)."""
    best: dict[int, float] = {}
    for d in items:
        u = units[d.unit]
        published = articles[u.article].published
        bonus = PUBLISHED_BONUS if published is not None and published.date().isoformat() == d.day else 0.0
        weight = (1.0 / (1.0 + LEAD_DECAY * u.position) + bonus) * (DEICTIC_WEIGHT if d.deictic else 1.0)
        weight *= LEAD_DAY_WEIGHT if d.lead else 1.0
        best[u.article] = max(best.get(u.article, 0.0), weight)
    return sum(best.values())


_MIN_DAY, _MAX_DAY = date.min.toordinal(), date.max.toordinal()


def _with_neighbours(weight: dict[str, float]) -> dict[str, float]:
    """Each day's votes plus ``NEIGHBOUR_SHARE`` of those of the day before and after (see the constant)."""
    out = {}
    for day, w in weight.items():
        n = date.fromisoformat(day).toordinal()
        neighbours = (date.fromordinal(k).isoformat() for k in (n - 1, n + 1) if _MIN_DAY <= k <= _MAX_DAY)
        around = (weight.get(key, 0.0) for key in neighbours)  # the calendar's first and last day have one
        out[day] = w + NEIGHBOUR_SHARE * sum(around)
    return out


def _pick_days(
    by_day: dict[str, list[_Dated]],
    weight: dict[str, float],
    units: Sequence[Unit],
    articles: Sequence[Article],
    story_of: dict[str, str] | None,
    dates: int,
) -> list[str]:
    """The heaviest days; across a topic's stories, each story's best day first, in turns."""
    ranked = sorted(by_day, key=lambda day: (-weight[day], day))
    if not story_of:
        return ranked[:dates]
    per_story: dict[str, list[str]] = defaultdict(list)
    for day in ranked:
        stories = {story_of.get(articles[units[d.unit].article].id, "") for d in by_day[day]}
        for story in sorted(stories):
            per_story[story].append(day)
    picked: list[str] = []
    queues = [list(days) for _, days in sorted(per_story.items(), key=lambda kv: -weight[kv[1][0]])]
    while len(picked) < dates and any(queues):
        for queue in queues:
            while queue and queue[0] in picked:
                queue.pop(0)
            if queue and len(picked) < dates:
                picked.append(queue.pop(0))
    return picked


def _hide_leads_told_with_a_date(dated: Sequence[_Dated], matrix: Matrix) -> None:
    """An undated lead is not shown when a sentence that dates its event in words says the same thing
    (``SUPPORT_SIM``) on another day: that day is the event's, the lead's is only when it was reported."""
    written = [d for d in dated if not d.lead and d.shown]
    if not written:
        return
    rows = np.asarray([d.unit for d in written])
    for d in dated:
        if d.lead and d.shown:
            close = matrix.similar(d.unit)[rows] >= SUPPORT_SIM
            d.shown = not any(w.day != d.day for w, c in zip(written, close, strict=True) if c)


def _one_day_per_sentence(dated: Sequence[_Dated], units: Sequence[Unit], articles: Sequence[Article]) -> None:
    """The same sentence in several articles (a wire story run twice) is shown on one day only: that of the
    copy whose reading of its date is best supported, a stated day before an inferred one, then the
    earliest-published copy (a "last night" read against a later reprint's day lands a day late)."""
    by_text: dict[str, list[_Dated]] = defaultdict(list)
    for d in dated:
        if d.shown:
            by_text[" ".join(units[d.unit].text.lower().split())].append(d)
    for copies in by_text.values():
        if len({d.unit for d in copies}) < 2 or len({d.day for d in copies}) < 2:
            continue

        def rank(d: _Dated) -> tuple[bool, bool, str, str]:
            published = articles[units[d.unit].article].published
            return (d.lead, d.inferred, published.isoformat() if published else "9999", d.day)

        best = min(copies, key=rank).unit
        days = {d.day for d in copies if d.unit == best}
        for d in copies:
            d.shown = d.day in days


def build_timeline(
    articles: Sequence[Article],
    *,
    dates: int = DEFAULT_DATES,
    sentences: int = DEFAULT_SENTENCES,
    story_of: dict[str, str] | None = None,
    units: Sequence[Unit] | None = None,
    matrix: Matrix | None = None,
    support: SupportIndex | None = None,
) -> list[TimelineEntry]:
    """Dated entries in chronological order: the ``dates`` most reported days, ``sentences`` per day."""
    units = list(units) if units is not None else story_units(articles)
    if not units:
        return []
    matrix = matrix or build_matrix(units)
    support = support or SupportIndex(articles, units, matrix)
    support.prefer_originals()
    dated = [d for d in _dated_units(articles, units) if units[d.unit].eligible]
    if not dated:
        return []
    centrality = np.asarray(matrix.rows @ matrix.centroid).ravel()
    by_day: dict[str, list[_Dated]] = defaultdict(list)
    for d in dated:
        by_day[d.day].append(d)
    weight = _with_neighbours({day: _day_weight(items, units, articles) for day, items in by_day.items()})
    for items in by_day.values():
        written = any(not d.lead and d.shown for d in items)
        if written and HIDE_LEADS_ON_WRITTEN_DAYS:  # a day written in a sentence: show those, not guesses
            for d in items:
                d.shown = d.shown and not d.lead
        elif not written and LEAD_FALLBACK and not any(d.shown for d in items):
            for d in items:
                d.shown = d.lead and not is_caption(units[d.unit].text)
    if HIDE_LEADS_TOLD_WITH_A_DATE:
        _hide_leads_told_with_a_date(dated, matrix)
    _one_day_per_sentence(dated, units, articles)
    shown = {day: items for day, items in by_day.items() if any(d.shown for d in items)}
    top_days = _pick_days(shown, weight, units, articles, story_of, dates)
    entries = []
    for day in sorted(top_days):
        picked: list[int] = []
        for d in sorted(by_day[day], key=lambda x: (not units[x.unit].well_formed, -centrality[x.unit])):
            if not d.shown:
                continue
            if d.unit in picked:
                continue
            if picked and max(matrix.similar(d.unit)[j] for j in picked) > REDUNDANCY:
                continue
            picked.append(d.unit)
            unit = units[d.unit]
            sources, records = support.records(support.supports(d.unit))
            inferred = all(x.inferred for x in by_day[day])
            story = (story_of or {}).get(articles[unit.article].id)
            entries.append(
                TimelineEntry(
                    day, inferred, unit.text, sources, story, records, unit.suspect, reported=d.lead or d.told
                )
            )
            if len(picked) == sentences:
                break
    return entries


def undated_story(articles: Sequence[Article]) -> UndatedTimeline | None:
    """For a story none of whose articles has a publication date, the note that says so, with the window
    its articles were published in as far as their texts tell (the union of their inferred windows: a bound
    stays unknown when one article's is); None when any article is dated."""
    if not articles or any(a.published is not None for a in articles):
        return None
    windows = [a.published_window for a in articles]
    earliest = [w.earliest for w in windows if w is not None and w.earliest is not None]
    latest = [w.latest for w in windows if w is not None and w.latest is not None]
    first = min(earliest).isoformat() if len(earliest) == len(articles) else None
    last = max(latest).isoformat() if len(latest) == len(articles) else None
    return UndatedTimeline(first, last)


def undated_note(undated: UndatedTimeline) -> str:
    """The sentence a brief shows instead of a timeline for an undated story."""
    first, last = undated.earliest, undated.latest
    if first and last:
        window = f"between {first} and {last}" if first != last else f"on {first}"
    elif first or last:
        window = f"on or after {first}" if first else f"on or before {last}"
    else:
        return Msg.TIMELINE_UNDATED.format(window=Msg.TIMELINE_NO_WINDOW)
    return Msg.TIMELINE_UNDATED.format(window=Msg.TIMELINE_WINDOW.format(window=window))
