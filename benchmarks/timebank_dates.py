"""Temporal expression tagging on TimeBank 1.2 (TempEval-3 TBAQ-cleaned), scored as TempEval-3 does.

Input: ``tempeval3_tbaq/TBAQ-cleaned/TimeBank/*.tml`` (183 newswire documents, 1989-1998). For each
document the creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) is the anchor and
the plain text of the TEXT element (tags stripped, the text between them kept exactly, so offsets line
up) is the input. Gold: the TIMEX3 elements inside TEXT, with their offsets, types and values.

Scores, for storybrief's ``tag_dates`` and a trivial baseline run in the same process:

- extent: strict (same span) and relaxed (overlapping spans) precision / recall / F1, system and gold
  mentions paired one to one (largest overlap first);
- value accuracy and type accuracy over the gold timexes matched by relaxed overlap;
- value F1 as TempEval-3 defines it: relaxed F1 times value accuracy (a match counts only when the
  value is right too); type F1 likewise;
- throughput: documents and words per second of ``tag_dates`` alone, in CPU time (median of 7 passes).

The baseline tags 4-digit years (1900-2099) and month names with an optional day and year, and gives
only values that need no anchor (``1997``, ``1998-02``, ``1998-02-13``).

    python benchmarks/timebank_dates.py [--show-errors N] [--no-tense]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from _data import datasets_dir
from storybrief.annotate.dates import tag_dates

# Published TempEval-3 results (UzZaman et al., SemEval 2013, Task 1, Table 3: HeidelTime-t on the TE3
# platinum test set, a different set of 20 documents, so not directly comparable).
HEIDELTIME_TE3 = {"strict F1": 0.813, "relaxed F1": 0.903, "value F1": 0.776, "type F1": 0.821}


@dataclass(slots=True)
class Span:
    start: int
    end: int
    type: str
    value: str | None
    text: str


@dataclass(slots=True)
class Doc:
    name: str
    dct: date
    text: str
    gold: list[Span]


def load(folder: Path) -> list[Doc]:
    """Every ``.tml`` file of ``folder``: its DCT, TEXT plain text and gold TIMEX3 spans."""
    docs = []
    for path in sorted(folder.glob("*.tml")):
        root = ET.parse(path).getroot()
        dct_value = next(
            (t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None
        )
        text_el = root.find("TEXT")
        if dct_value is None or text_el is None:
            continue
        pieces: list[str] = []
        gold: list[Span] = []
        _walk(text_el, pieces, gold, [0])
        docs.append(Doc(path.stem, date.fromisoformat(dct_value[:10]), "".join(pieces), gold))
    return docs


def _walk(el: ET.Element, pieces: list[str], gold: list[Span], pos: list[int]) -> None:
    """Append the text under ``el`` to ``pieces`` (``pos[0]`` its length), recording TIMEX3 spans."""
    start = pos[0]
    if el.text:
        pieces.append(el.text)
        pos[0] += len(el.text)
    for child in el:
        _walk(child, pieces, gold, pos)
        if child.tail:
            pieces.append(child.tail)
            pos[0] += len(child.tail)
    if el.tag == "TIMEX3":
        text = "".join(el.itertext())
        gold.append(Span(start, pos[0], el.get("type", ""), el.get("value"), text))


# --- systems ---------------------------------------------------------------------------------------

_MONTHS = "January February March April May June July August September October November December".split()
_BASELINE = re.compile(
    r"\b(?P<m>" + "|".join(_MONTHS) + r")(?:\s+(?P<d>[12]?\d|3[01])\b)?(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
    r"|\b(?P<year>(?:19|20)\d\d)\b"
)


def baseline(text: str, dct: date) -> list[Span]:
    """4-digit years and month names, with a value only when the text alone gives it."""
    out = []
    for m in _BASELINE.finditer(text):
        value = None
        if m["year"]:
            value = m["year"]
        elif m["y"]:
            month = _MONTHS.index(m["m"]) + 1
            value = f"{m['y']}-{month:02d}" + (f"-{int(m['d']):02d}" if m["d"] else "")
        out.append(Span(m.start(), m.end(), "DATE", value, m.group()))
    return out


def storybrief(text: str, dct: date, tense_aware: bool = True) -> list[Span]:
    return [
        Span(t.start, t.end, t.kind.upper(), t.value, t.text) for t in tag_dates(text, dct, tense_aware=tense_aware)
    ]


# --- scoring ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Score:
    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0


def pair(system: list[Span], gold: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping system and gold spans, largest overlap first."""
    options = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if overlap > 0:
                options.append((overlap, i, j))
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(options, key=lambda o: -o[0]):
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((system[i], gold[j]))
    return pairs


def prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(
    docs: list[Doc], system: Callable[[str, date], list[Span]], errors: list[str] | None = None
) -> tuple[Score, float]:
    score = Score()
    start = time.perf_counter()
    outputs = [system(doc.text, doc.dct) for doc in docs]
    elapsed = time.perf_counter() - start
    for doc, predicted in zip(docs, outputs, strict=True):
        score.system += len(predicted)
        score.gold += len(doc.gold)
        pairs = pair(predicted, doc.gold)
        matched = {id(g) for _, g in pairs}
        for s, g in pairs:
            score.relaxed += 1
            score.strict += s.start == g.start and s.end == g.end
            score.value_ok += s.value == g.value
            score.type_ok += s.type == g.type
            if errors is not None and s.value != g.value:
                errors.append(f"VALUE {doc.name} dct={doc.dct} {_ctx(doc.text, g)}\n      gold {g.value!r} ({g.text!r})"
                              f"  got {s.value!r} ({s.text!r})")  # fmt: skip
        if errors is not None:
            for g in doc.gold:
                if id(g) not in matched:
                    errors.append(f"MISSED {doc.name} dct={doc.dct} {g.type} {g.value!r} {_ctx(doc.text, g)}")
            paired = {id(s) for s, _ in pairs}
            for s in predicted:
                if id(s) not in paired:
                    errors.append(f"SPURIOUS {doc.name} dct={doc.dct} {s.value!r} {_ctx(doc.text, s)}")
    return score, elapsed


def _ctx(text: str, span: Span) -> str:
    left = text[max(0, span.start - 60) : span.start]
    right = text[span.end : span.end + 40]
    return " ".join(f"{left}[[{text[span.start : span.end]}]]{right}".split())


def throughput(docs: list[Doc], runs: int = 7) -> tuple[float, float]:
    """Documents and words per second of ``tag_dates``: CPU time of this process (one core, not
    disturbed by other processes on a shared machine), median of ``runs`` passes."""
    words = sum(len(doc.text.split()) for doc in docs)
    times = []
    for _ in range(runs):
        start = time.process_time()
        for doc in docs:
            tag_dates(doc.text, doc.dct)
        times.append(time.process_time() - start)
    median = statistics.median(times)
    return len(docs) / median, words / median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-errors", type=int, default=0, help="print N value errors, misses and spurious tags")
    parser.add_argument("--no-tense", action="store_true", help="also score tag_dates with tense_aware=False")
    args = parser.parse_args()
    folder = datasets_dir() / "tempeval3_tbaq" / "TBAQ-cleaned" / "TimeBank"
    docs = load(folder)
    n_gold = sum(len(d.gold) for d in docs)
    n_words = sum(len(d.text.split()) for d in docs)
    print(f"TimeBank 1.2 (TBAQ-cleaned): {len(docs)} documents, {n_words} words, {n_gold} gold TIMEX3 in TEXT\n")
    systems: list[tuple[str, Callable[[str, date], list[Span]]]] = [
        ("baseline (years, month names)", baseline),
        ("storybrief tag_dates", storybrief),
    ]
    if args.no_tense:
        systems.append(("storybrief, tense_aware=False", lambda t, d: storybrief(t, d, tense_aware=False)))
    header = (
        f"{'system':31} {'strict P':>8} {'R':>5} {'F1':>5}   {'relaxed P':>9} {'R':>5} {'F1':>5}"
        f"   {'value acc':>9} {'value F1':>8}   {'type acc':>8} {'type F1':>7}"
    )
    print(header)
    print("-" * len(header))
    errors: list[str] = []
    for name, system in systems:
        score, _ = evaluate(docs, system, errors if system is storybrief else None)
        sp, sr, sf = prf(score.strict, score.system, score.gold)
        rp, rr, rf = prf(score.relaxed, score.system, score.gold)
        vacc = score.value_ok / score.relaxed if score.relaxed else 0.0
        tacc = score.type_ok / score.relaxed if score.relaxed else 0.0
        print(
            f"{name:31} {sp:8.3f} {sr:5.3f} {sf:5.3f}   {rp:9.3f} {rr:5.3f} {rf:5.3f}"
            f"   {vacc:9.3f} {rf * vacc:8.3f}   {tacc:8.3f} {rf * tacc:7.3f}"
        )
    h = HEIDELTIME_TE3
    print(
        f"{'HeidelTime, TE3 (published)*':31} {'':>8} {'':>5} {h['strict F1']:5.3f}   {'':>9} {'':>5} "
        f"{h['relaxed F1']:5.3f}   {'':>9} {h['value F1']:8.3f}   {'':>8} {h['type F1']:7.3f}"
    )
    print(
        "\n* UzZaman et al. (2013), SemEval-2013 Task 1 (TempEval-3), HeidelTime-t on the TE3 platinum test set:"
        "\n  a different test set (20 unseen documents), quoted for reference only."
    )
    docs_s, words_s = throughput(docs)
    print(
        f"\nthroughput (tag_dates only, one core, CPU time): {docs_s:,.0f} docs/s, {words_s:,.0f} words/s"
        f" = {words_s / 600:,.0f} articles/s of 600 words"
    )
    if args.show_errors:
        print()
        for kind in ("VALUE", "MISSED", "SPURIOUS"):
            chosen = [e for e in errors if e.startswith(kind)][: args.show_errors]
            for line in chosen:
                print(line)


if __name__ == "__main__":
    main()
