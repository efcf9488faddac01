"""Quantities in sentences, and the pairs of them that disagree about one thing.

A *quantity* is a number with the thing it counts or measures: "40 households", "nearly 200,000 litres",
"Eleven people", "more than 40 households". Its value is an interval: a bare number is exact, "about" /
"an estimated" widen it by ``APPROX``, "nearly" / "almost" put it just below, "more than" / "at least" leave
it open above, "up to" / "fewer than" open below. Vague words ("dozens") are no quantity; neither are years,
times of day, dates ("March 13"), names ("Pier 7", "Tank 14"), money or "one".

Two quantities of articles that are not copies of one another *disagree* when they count the same thing
(the same noun, singular and plural folded together) of the same event and their intervals do not meet.
The same event is decided from the two sentences, never from the topic:

* **the same fact in other words**: the sentences share at least ``SHARED`` content terms beyond the number
  and its noun (all of the shorter one's, if it has fewer), that is at least ``SHARE`` of the shorter
  sentence's, and the words around the two numbers (``WINDOW`` words either side) share a term ("Eleven
  people were treated at … Hospital" / "Twelve people were treated in hospital");
* **the one figure each article gives**: for a specific noun (not a generic one such as "people", "years" or
  "percent", which count many things in one story), each article gives that noun one value only, and the
  two sentences still share ``SHARED_FIGURE`` content terms beyond it, one of them among the words around
  the numbers ("the company estimated that nearly 200,000 litres had escaped into the tank's bund" / "a
  tank … leaked an estimated 180,000 litres").

Either way, two counts are of different things when the words that govern them differ ("swapped 200
prisoners" / "released 10 prisoners"; "15 people were injured" / "12 people were killed": synonyms too, a
miss rather than a false flag), when one sentence also gives the other's value ("killing three people and
wounding 15" / "wounding 15 people"), or when the sentences name different days ("winds of 155 km/h on
Monday" / "… on Wednesday"). A noun with several values in one sentence ("the Dow rose 200 points, the
Nasdaq 86 points") and a number before a singular noun ("the 3300 block") are left out, and only English
sentences are read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..group.features import STOP, terms

APPROX = 0.05  # "about 180,000": within 5 %
SHARED = 3
SHARE = 0.3
WINDOW = 6
SHARED_FIGURE = 2
NOUN_REACH = 3  # words after a number in which its noun is looked for ("31 bulk chemical tanks")

_SMALL = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUE = {w: float(n) for n, w in enumerate(_SMALL, start=2)}
_WORD_VALUE |= {w: float(20 + 10 * n) for n, w in enumerate(_TENS)} | {"dozen": 12.0}
_UNITS = dict(zip("one two three four five six seven eight nine".split(), range(1, 10), strict=True))
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# qualifier -> (low factor, high factor) of the number; None: open on that side
_APPROX = (1 - APPROX, 1 + APPROX)
_QUALIFIERS: dict[str, tuple[float | None, float | None]] = {
    **dict.fromkeys(("about", "around", "approximately", "roughly", "some", "estimated", "close to"), _APPROX),
    **dict.fromkeys(("nearly", "almost", "just under", "just below"), (1 - APPROX, 1.0)),
    **dict.fromkeys(
        ("more than", "over", "above", "at least", "upwards of", "in excess of", "no fewer than", "no less than"),
        (1.0, None),
    ),
    **dict.fromkeys(("up to", "as many as", "at most", "fewer than", "less than", "under", "below"), (None, 1.0)),
}
_MONTHS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# nouns that count many different things in one story: only "the same fact in other words" relates them
GENERIC = frozenset(
    """people person men man women woman child children kid adult other member time percent cent point year month
    week day hour minute second night""".split()
)
# plural nouns without a final "s": any other noun after a number above one is a label ("the 3300 block",
# "a 737 jet"), not a count
_PLURALS = frozenset("people men women children police staff personnel cattle crew feet teeth mice geese".split())
_SKIP_BEFORE = frozenset("a an the".split())  # between a verb and its number: "leaked an estimated 180,000"
_AUX = frozenset("were was are is had have has been being be remain remained".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow".split())
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d+(?:,\d{3})*(?:\.\d+)?|%|\S")
_YEAR_RE = re.compile(r"(1[89]|20)\d{2}")


@dataclass(slots=True, frozen=True)
class Quantity:
    """A number with its noun in a sentence: ``text[start:end]`` as written, its value as an interval."""

    written: str
    noun: str  # folded and singular: what is counted
    noun_text: str  # as written
    low: float
    high: float
    start: int
    end: int
    window: frozenset[str]  # content terms of the words around it
    before: str | None = None  # the content word right before it ("evacuated 42 households"), folded
    after: str | None = None  # the content word right after its noun, past "were", "had been" …, folded


def _number(words: list[str], k: int, text: str, starts: list[int]) -> tuple[float, int] | None:
    """The value of the number starting at token ``k`` and the token after it (with a scale word), if any."""
    word = words[k]
    lower = word.lower()
    if word[0].isdigit():
        before = text[starts[k] - 1] if starts[k] else " "
        after_end = starts[k] + len(word)
        after = text[after_end] if after_end < len(text) else " "
        if before in "$€£¥:/.-#" or after in ":/-" or (after == "." and text[after_end + 1 : after_end + 2].isdigit()):
            return None  # money, a time, a date, a fraction, a compound ("500-metre"), a rank
        if _YEAR_RE.fullmatch(word):
            return None
        if k > 1 and words[k - 1][:1].isupper() and words[k - 1].lower() not in _QUALIFIER_LAST:
            return None  # "Pier 7", "Tank 14", "March 13"
        value = float(word.replace(",", ""))
    elif lower in _WORD_VALUE:
        value = _WORD_VALUE[lower]
    elif "-" in lower and lower.split("-")[0] in _TENS and lower.split("-")[-1] in _UNITS:
        tens, units = lower.split("-")[0], lower.split("-")[-1]
        value = 20 + 10 * _TENS.index(tens) + _UNITS[units]
    else:
        return None
    if k > 0 and words[k - 1].lower() in _MONTHS:
        return None
    nxt = k + 1
    if nxt < len(words) and words[nxt].lower() in _SCALE:
        value *= _SCALE[words[nxt].lower()]
        nxt += 1
    return value, nxt


_QUALIFIER_LAST = frozenset(q.split()[-1] for q in _QUALIFIERS)


def _qualifier(words: list[str], k: int) -> tuple[tuple[float | None, float | None], int]:
    """The factors of the qualifier just before token ``k`` and its length in tokens (0: none)."""
    for size in (3, 2, 1):
        if k - size < 0:
            continue
        phrase = " ".join(words[k - size : k]).lower()
        if phrase in _QUALIFIERS:
            return _QUALIFIERS[phrase], size
    return (1.0, 1.0), 0


def quantities(text: str) -> list[Quantity]:
    """The quantities of a sentence, in order."""
    found = [(m.group(), m.start()) for m in _TOKEN_RE.finditer(text)]
    words = [w for w, _ in found]
    starts = [s for _, s in found]
    out = []
    for k in range(len(words)):
        number = _number(words, k, text, starts)
        if number is None:
            continue
        value, nxt = number
        noun_k = _noun(words, nxt, value)
        if noun_k is None:
            continue
        noun_word = words[noun_k].lower()
        if value != 1 and noun_word != "%" and not noun_word.endswith("s") and noun_word not in _PLURALS:
            continue  # a label, not a count
        folded = terms(words[noun_k]) if words[noun_k] != "%" else ["percent"]
        if not folded:
            continue
        (low_f, high_f), size = _qualifier(words, k)
        low = value * low_f if low_f is not None else float("-inf")
        high = value * high_f if high_f is not None else float("inf")
        end = starts[noun_k] + len(words[noun_k])
        lo_k, hi_k = max(0, k - WINDOW), min(len(words), noun_k + 1 + WINDOW)
        around = terms(" ".join(words[lo_k:k] + words[noun_k + 1 : hi_k]))
        window = frozenset(t for t in around if not t[:1].isdigit()) - {folded[0]}
        first = starts[k - size]
        before, after = _predicate(words, k - size - 1, -1), _predicate(words, noun_k + 1, 1)
        quantity = Quantity(text[first:end], folded[0], words[noun_k], low, high, first, end, window, before, after)
        out.append(quantity)
    return out


def _predicate(words: list[str], k: int, step: int) -> str | None:
    """The content word at ``k`` (skipping articles before a number, auxiliaries after a noun), folded; ``None``
    when the next word that way is a stop word, a name or not a word."""
    skip = _SKIP_BEFORE if step < 0 else _AUX
    while 0 <= k < len(words) and words[k].lower() in skip:
        k += step
    if not 0 <= k < len(words):
        return None
    word = words[k]
    if not word[0].isalpha() or word[0].isupper() or word.lower() in STOP:
        return None
    folded = terms(word)
    return _stem(folded[0]) if folded else None


def _stem(word: str) -> str:
    """A crude stem, enough to tell "killing" and "killed" alike and "killed" and "injured" apart."""
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _noun(words: list[str], k: int, value: float) -> int | None:
    """Index of the noun a number counts: the first plural word among the next ``NOUN_REACH`` (stopping at a
    stop word), else the word right after; ``None`` when that is a stop word, a name or not a word."""
    if k >= len(words):
        return None
    if words[k] == "%":
        return k
    first = words[k]
    if not first[0].isalpha() or first.lower() in STOP or first[0].isupper():
        return None
    if value > 1:
        for j in range(k, min(len(words), k + NOUN_REACH)):
            w = words[j]
            if not w[0].isalpha() or w.lower() in STOP or w[0].isupper():
                break
            if w.lower().endswith("s") and not w.lower().endswith("ss"):
                return j
    return k


def disjoint(a: Quantity, b: Quantity) -> bool:
    """The two values cannot both be right."""
    return a.low > b.high * (1 + 1e-9) or b.low > a.high * (1 + 1e-9)


@dataclass(slots=True, frozen=True)
class Mention:
    """A quantity in sentence ``unit`` of article ``article`` (indices into a story's lists)."""

    unit: int
    article: int
    quantity: Quantity
    context: frozenset[str]  # the sentence's content terms, without numbers and the counted noun
    days: frozenset[str] = frozenset()  # the days it names ("monday", "march 13")
    values: frozenset[float] = frozenset()  # every number of the sentence, with a noun or not


def mentions(texts: Sequence[tuple[int, int, str]]) -> list[Mention]:
    """Quantities of sentences given as (unit, article, text)."""
    out = []
    for unit, article, text in texts:
        found = quantities(text)
        if not found:
            continue
        sentence = frozenset(t for t in terms(text) if not t[:1].isdigit())
        days = frozenset(_day_names(text))
        numbers = frozenset(_bare_numbers(text))
        values: dict[str, set[tuple[float, float]]] = defaultdict(set)
        for q in found:
            values[q.noun].add((q.low, q.high))
        for q in found:
            if len(values[q.noun]) > 1:
                continue  # one noun, several values in one sentence ("rose 200 points … lost 43 points")
            out.append(Mention(unit, article, q, sentence - {q.noun}, days, numbers))
    return out


_MONTH_DAY_RE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (\d{1,2})\b|\b(\d{1,2}) "
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    re.I,
)


def _bare_numbers(text: str) -> set[float]:
    """Every number of a sentence, in digits or words ("wounding 15", "three"), without scale words."""
    out = set()
    for word in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?|[A-Za-z]+", text):
        if word[0].isdigit():
            out.add(float(word.replace(",", "")))
        elif word.lower() in _WORD_VALUE:
            out.add(_WORD_VALUE[word.lower()])
    return out


def _day_names(text: str) -> set[str]:
    """Weekdays, "yesterday" … and month days a sentence names, folded ("march 13" and "13 march" alike)."""
    found = {w for w in re.findall(r"[a-z]+", text.lower()) if w in _DAYS}
    for m in _MONTH_DAY_RE.finditer(text):
        month = (m.group(1) or m.group(4)).lower()[:3]
        found.add(f"{month} {int(m.group(2) or m.group(3))}")
    return found


def same_event(a: Mention, b: Mention, single_figure: bool) -> bool:
    """Whether two mentions of one noun count the same thing of the same event (see the module)."""
    qa, qb = a.quantity, b.quantity
    if (qa.low == qa.high and qa.low in b.values) or (qb.low == qb.high and qb.low in a.values):
        return False  # the other sentence gives this value too ("killing three people and wounding 15")
    if (qa.before and qb.before and qa.before != qb.before) or (qa.after and qb.after and qa.after != qb.after):
        return False  # "killing three people" / "wounding 15 people": two things counted
    if a.days and b.days and not a.days & b.days:
        return False  # "on Monday" / "on Wednesday": two moments
    shared = a.context & b.context
    smaller = min(len(a.context), len(b.context))
    sentences_match = smaller and len(shared) >= min(SHARED, smaller) and len(shared) >= SHARE * smaller
    if sentences_match and a.quantity.window & b.quantity.window:
        return True
    if not single_figure or a.quantity.noun in GENERIC:
        return False
    return len(shared) >= SHARED_FIGURE and bool(a.quantity.window & b.quantity.window)


def disagreeing_groups(
    found: Sequence[Mention], root: Callable[[int], str], allowed: Callable[[Mention, Mention], bool] | None = None
) -> list[list[Mention]]:
    """Groups of mentions counting one thing with values that cannot all be right, each group in the order
    the mentions were given; ``root(article)`` tells copies apart (a copy never disagrees with its original),
    ``allowed`` may rule pairs out."""
    by_noun: dict[str, list[int]] = defaultdict(list)
    for n, m in enumerate(found):
        by_noun[m.quantity.noun].append(n)
    parent = list(range(len(found)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    linked: set[int] = set()
    for members in by_noun.values():
        values: dict[int, set[tuple[float, float]]] = defaultdict(set)
        for n in members:
            values[found[n].article].add((found[n].quantity.low, found[n].quantity.high))
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = found[i], found[j]
                if root(a.article) == root(b.article) or not disjoint(a.quantity, b.quantity):
                    continue
                if allowed is not None and not allowed(a, b):
                    continue
                single = len(values[a.article]) == 1 and len(values[b.article]) == 1
                if same_event(a, b, single):
                    parent[find(i)] = find(j)
                    linked.update((i, j))
    groups: dict[int, list[Mention]] = defaultdict(list)
    for n in sorted(linked):
        groups[find(n)].append(found[n])
    return [groups[k] for k in sorted(groups, key=lambda g: min(n for n in linked if find(n) == g))]
