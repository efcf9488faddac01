"""Publication dates the text does not give: dates from the user, and inferred windows with their evidence.

A user can state when an input was published (``--date FILE=2021-10-01`` or a sidecar JSON file
mapping inputs to dates). For an article with no date at all, the dates it mentions bound its
publication: a day it speaks of as past was before publication, a day it speaks of as coming was
after. The window and the evidence are kept apart from ``published``, which is never guessed.
"""

from __future__ import annotations

import json
import re
from calendar import monthrange
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from ..errors import InputProblem
from ..lang import table
from ..model import Article, DateSource, DateWindow, TimeMention
from ..timeparse import parse_datetime
from .dates.core import Ctx


def parse_user_date(value: str, where: str) -> datetime:
    parsed = parse_datetime(value)
    if parsed is None:
        raise InputProblem(f"{where}: '{value}' is not a date (use e.g. 2021-10-01 or 2021-10-01T11:53+05:30)")
    return parsed


def read_dates_file(path: str) -> dict[str, datetime]:
    """A sidecar JSON object mapping inputs (paths, ``path:line``, file names) to dates."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputProblem(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise InputProblem(f"{path}:{exc.lineno}: malformed JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise InputProblem(f"{path}: expected a JSON object mapping inputs to dates")
    return {str(k): parse_user_date(str(v), f"{path}: '{k}'") for k, v in data.items()}


def parse_date_options(options: Iterable[str]) -> dict[str, datetime]:
    """``INPUT=DATE`` command-line options."""
    found: dict[str, datetime] = {}
    for option in options:
        key, sep, value = option.rpartition("=")
        if not sep or not key:
            raise InputProblem(f"--date '{option}': expected INPUT=DATE, e.g. articles/a.txt=2021-10-01")
        found[key] = parse_user_date(value, f"--date {option}")
    return found


def apply_user_dates(articles: Sequence[Article], dates: Mapping[str, datetime]) -> list[str]:
    """Set ``published`` (source ``user``) where the user gave a date; returns keys that matched nothing."""
    used: set[str] = set()
    for article in articles:
        for key in _keys(article.input):
            if key in dates:
                article.published, article.published_source = dates[key], DateSource.USER
                article.published_window = None
                used.add(key)
                break
    return [k for k in dates if k not in used]


def _keys(input_name: str) -> list[str]:
    """An input matches the user's key by full name, by name without its record suffix, or by file name."""
    base = input_name.split("#", 1)[0]
    keys = [input_name, base]
    if ":" in base and base.rsplit(":", 1)[1].isdigit():
        keys.append(base.rsplit(":", 1)[0])
    keys.extend(Path(k).name for k in list(keys))
    return list(dict.fromkeys(keys))


_YEARLESS_DAY_RE = re.compile(r"^XXXX-\d\d-\d\d$")


_SENTENCE_START_RE = re.compile(r"(?s:.*)(?:[.!?。！？][\"”’')」』]*\s*|\n\s*\n)")


def _cue_before(text: str, m: TimeMention, cues: Sequence[tuple[str, str]]) -> str | None:
    """The role of the language table's cue word nearest before ``m`` in its sentence ("akan"/"bakal": will,
    "sejak": since), or None."""
    head = text[max(0, m.start - 200) : m.start]
    cut = _SENTENCE_START_RE.match(head)
    if cut is not None:
        head = head[cut.end() :]
    head = head.lower()
    best: tuple[int, str] | None = None
    for word, role in cues:
        for found in re.finditer(rf"(?<!\w){re.escape(word.lower())}(?!\w)", head):
            if best is None or found.start() > best[0]:
                best = (found.start(), role)
    return None if best is None else best[1]


def _spoken_of_as_future(text: str, m: TimeMention, cues: Sequence[tuple[str, str]] = ()) -> bool:
    """The tagger's own direction, or for an expression it could not anchor, the same tense cues it uses;
    in a language with a table, its own cue words first (the tagger's tense cues are English)."""
    if cues and text:
        role = _cue_before(text, m, cues)
        if role is not None:
            return role == "expected"
    if m.direction is not None or not text:
        return m.direction == "future"
    return Ctx(text, None, True).direction(m.start, m.end) == "future"


def infer_window(
    mentions: Sequence[TimeMention], captured: datetime | None = None, text: str = "", language: str | None = None
) -> DateWindow | None:
    """Bounds on the publication date of an undated article from the dates it mentions.

    Only the evidence that sets each bound is kept: the latest day spoken of as past (or present), the
    earliest day spoken of as still to come, and the archive capture date when there is one. For text in a
    language other than English with a table, the table's cue words tell past from future.
    """
    found = table(language) if language and language != "en" else None
    cues = found.date_cues if found else ()
    earliest: tuple[date, str] | None = None
    latest: tuple[date, str] | None = None
    yearless: list[TimeMention] = []
    for m in mentions:
        first = _first_day(m)
        if first is None:
            if m.value and _YEARLESS_DAY_RE.match(m.value) and _spoken_of_as_future(text, m, cues):
                yearless.append(m)
            continue
        if _spoken_of_as_future(text, m, cues):
            last = _last_day(m.value or "", first)  # "elections in March": published before March is over
            if latest is None or last < latest[0]:
                latest = (last, f"speaks of “{m.text}” ({m.value}) as still to come: not after {last.isoformat()}")
        elif m.kind in ("date", "time") and (earliest is None or first > earliest[0]):
            earliest = (first, f"mentions “{m.text}” ({m.value}) as past or present: not before {first.isoformat()}")
    if captured is not None:
        day = _utc_day(captured)
        if latest is None or day < latest[0]:
            latest = (day, f"archived on {day.isoformat()}: not after that day")
    notes: list[str] = []
    for m in yearless:  # "scheduled for March 9": the first such day after the earliest bound, if there is one
        value = m.value or ""
        month, dom = int(value[5:7]), int(value[8:10])
        if earliest is not None:
            try:
                bound = date(earliest[0].year, month, dom)
                if bound < earliest[0]:
                    bound = date(earliest[0].year + 1, month, dom)
            except ValueError:
                continue
            if latest is None or bound < latest[0]:
                latest = (bound, f"speaks of “{m.text}” as still to come: not after {bound.isoformat()}")
        else:
            notes.append(f"speaks of “{m.text}” as still to come (no year given): published before a {m.text}")
    if earliest is None and latest is None and not notes:
        return None
    evidence = tuple(e[1] for e in (earliest, latest) if e is not None) + tuple(notes)
    return DateWindow(earliest[0] if earliest else None, latest[0] if latest else None, evidence)


def _utc_day(moment: datetime) -> date:
    """The UTC day of ``moment``; its own day when UTC would fall outside the calendar (0001-01-01T01:00+05:00)."""
    try:
        return moment.astimezone(UTC).date()
    except OverflowError:
        return moment.date()


def _last_day(value: str, first: date) -> date:
    if len(value) == 4:
        return date(first.year, 12, 31)
    if len(value) == 7:
        return date(first.year, first.month, monthrange(first.year, first.month)[1])  # no overflow in 9999-12
    return first


def _first_day(m: TimeMention) -> date | None:
    """The first day of an absolute day, month or year value; None for anything else."""
    v = m.value
    if not m.anchored or not v or not v[:4].isdigit():
        return None
    try:
        if len(v) == 4:
            return date(int(v), 1, 1)
        if len(v) == 7 and v[4] == "-" and v[5:7].isdigit():
            return date(int(v[:4]), int(v[5:7]), 1)
        if len(v) >= 10 and v[4] == "-" and v[7] == "-":
            return date(int(v[:4]), int(v[5:7]), int(v[8:10]))
    except ValueError:
        return None
    return None
