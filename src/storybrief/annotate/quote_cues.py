"""Quote attribution from a language table (:mod:`storybrief.lang`), for languages other than English.

English has its own, finer rules in :mod:`.quotes`. For another language with a table, the reporter's
words around each quoted span are read for the table's cues:

* after the quote: an inverted verb and a name (``"…," kata Ahmad``), a verb carrying its speaker
  (``katanya``: the person last named), a name and a verb (``」李文华说。``), ``according to`` and a name;
* before it: ``Menurut X, "…"``, ``X berkata, "…"``, ``Kata X: "…"``, ``X表示：「…」``, ``据X称，“…”``;
* for a quote woven into a sentence, the first name-and-verb of the sentence before it.

In spaced scripts a name is a run of capitalised words (with the table's particles: "bin", "binti"); a
person the entity recogniser found inside the run is preferred. In scripts without spaces the speaker
is the clause before the verb, less the table's fillers (adverbs, days). Pronouns go to the person last
named before the quote, else the last speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lang import LanguageTable

if TYPE_CHECKING:
    from .quote_spans import Span
    from .quotes import MentionSpan, _Context

Attribution = tuple[str | None, "MentionSpan | None", str | None]
MAX_NAME_WORDS = 6
MAX_CJK_SPEAKER = 20  # characters of a speaker clause in a script without spaces
_CLAUSE_STOP = '，。！？；：,;:!?「」『』“”"«»\n'


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@dataclass(frozen=True, slots=True)
class _Patterns:
    after: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern) tried on the words after the quote
    before: tuple[tuple[str, re.Pattern[str]], ...]  # tried on the words before it, anchored at their end
    frame: re.Pattern[str]  # a name and a verb anywhere before a woven-in quote


@lru_cache(maxsize=32)
def _patterns(table: LanguageTable) -> _Patterns:
    speech, inverted, selfv = _alt(table.speech_verbs), _alt(table.inverted_verbs), _alt(table.self_verbs)
    according, pronouns, fillers = _alt(table.according_to), _alt(table.pronouns), _alt(table.fillers)
    if not table.spaced:
        np = rf"(?P<np>[^{_CLAUSE_STOP}]{{1,{MAX_CJK_SPEAKER}}}?)"
        verb = rf"(?:{speech})道?"
        after: tuple[tuple[str, re.Pattern[str]], ...] = (
            ("according", re.compile(rf"^[\s，,]*(?:{according}){np}(?:{verb})?(?=[。，,.！!；;\s]|$)")),
            ("verb", re.compile(rf"^[\s，,]*{np}{verb}(?=[。，,.！!；;：:\s]|$)")),
        )
        before: tuple[tuple[str, re.Pattern[str]], ...] = (
            ("according", re.compile(rf"(?:^|[{_CLAUSE_STOP}])\s*(?:{according}){np}(?:{verb})?[，,：:]?\s*$")),
            ("verb", re.compile(rf"(?:^|[{_CLAUSE_STOP}])\s*{np}{verb}[，,：:]?\s*$")),
        )
        frame = re.compile(rf"(?:^|[{_CLAUSE_STOP}])\s*{np}{verb}[，,：:]")
        return _Patterns(after, before, frame)
    particles = _alt(table.name_particles)
    word = rf"(?:[^\W\d_][\w’'.-]*|(?:{particles}))"
    name = rf"(?-i:(?P<np>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:{particles}))){{0,{MAX_NAME_WORDS - 1}}}))"
    pron = rf"(?P<pron>\b(?:{pronouns})\b)"
    fill = rf"(?:\s+(?:{fillers}))*"
    after = (
        ("inverted", re.compile(rf"^[\s,]*(?:{inverted})\s+{name}", re.I)),
        ("self", re.compile(rf"^[\s,]*(?P<cue>{selfv})\b", re.I)),
        ("verb", re.compile(rf"^[\s,—–-]*{name}{fill}\s+(?:{speech})\b", re.I)),
        ("pronoun", re.compile(rf"^[\s,]*{pron}{fill}\s+(?:{speech})\b", re.I)),
        ("according", re.compile(rf"^[\s,]*(?:{according})\s+{name}", re.I)),
    )
    tail = rf"(?:\s+{word}){{0,6}}?\s*[,:]?\s*"
    before = (
        ("according", re.compile(rf"(?:{according})\s+{name}\s*[,:]?\s*$", re.I)),
        ("inverted", re.compile(rf"(?:^|[.!?]\s+)(?:{inverted})\s+{name}\s*[,:]\s*$", re.I)),
        ("verb", re.compile(rf"{name}{fill}\s+(?:{speech})\b{tail}$", re.I)),
        ("pronoun", re.compile(rf"{pron}{fill}\s+(?:{speech})\b{tail}$", re.I)),
    )
    frame = re.compile(rf"{name}{fill}\s+(?:{speech})\b", re.I)
    return _Patterns(after, before, frame)


def _trim_cjk(table: LanguageTable, np: str) -> str:
    """The speaker of a clause before a verb: "卫生部长李文华周一也" -> "卫生部长李文华"."""
    np = re.sub(r"在[^在]{0,30}?[中上时時里裡]$", "", np.strip())  # "X在声明中表示": X said in a statement
    np = re.sub(r"(?<=.)在[^在]{1,8}$", "", np)  # "发言人普莱斯在华盛顿说": the place where
    changed = True
    while changed and np:
        changed = False
        for filler in table.fillers:
            if np.endswith(filler) and len(np) > len(filler):
                np, changed = np[: -len(filler)], True
    return np.strip(" （）()")


# what may stand between a title and the name of its holder: the rest of a name cut at an abbreviation's
# stop, a bracketed ticker or short name, and the comma
_APPOSITION_RE = re.compile(r"(?:[\w.]*|\s+[\w.&-]+){0,3}\s*(?:\([^()\n]{1,20}\))?\s*,\s*")


class Attributor:
    """Attributes the quotes of one article, in order (a pronoun may need the speaker before)."""

    def __init__(self, table: LanguageTable, ctx: _Context) -> None:
        self.table, self.ctx = table, ctx
        self.patterns = _patterns(table)
        self.last: tuple[str, MentionSpan | None] | None = None

    def kind(self, span: Span) -> str:
        """A quote standing as a sentence of its own, or one the reporter's sentence weaves in."""
        from .quotes import _lead

        _, lead = _lead(self.ctx, span)
        lead = lead.strip()
        if not lead or lead[-1] in ".!?:…,。！？：，":
            return "full"
        return "fragment"

    def attribute(self, span: Span, kind: str) -> Attribution:
        found = self._after(span) if kind == "full" else (None, None, None)
        if found[0] is None:
            found = self._before(span, kind)
        if found[0] is None and kind != "full":
            found = self._after(span)
        if found[0] is not None:
            self.last = (found[0], found[1])
        return found

    def _speaker(self, m: re.Match[str], offset: int, cue: str, kind: str) -> Attribution:
        ctx = self.ctx
        if kind == "self" or m.groupdict().get("pron"):
            group = "cue" if kind == "self" else "pron"
            at = offset + m.start(group)
            return self._antecedent(at, cue)
        start, end = offset + m.start("np"), offset + m.end("np")
        raw = ctx.text[start:end]
        if not self.table.spaced:
            np = _trim_cjk(self.table, raw)
            if not np:
                return None, None, None
            at = start + raw.find(np)
            if np.endswith(self.table.pronouns):  # "他", "是因为他": a pronoun, not a name
                return self._antecedent(at, cue)
            return np, (np, at, at + len(np)), cue
        np = raw.strip().rstrip(".")  # the sentence's stop, not an initial's
        if np.lower() in self.table.pronouns:  # "Dia mengatakan"
            return self._antecedent(start, cue)
        # a person the recogniser found in the run; its other labels are unreliable outside English
        people = [e for e in ctx.entities if start <= e.start and e.end <= end and e.label == "PERSON"]
        if people:
            return people[-1].canonical, (people[-1].text, people[-1].start, people[-1].end), cue
        # a title and its holder in apposition ("jelas Presiden Direktur Bank X (BX), Lani Darmawan"):
        # the holder speaks, not the title
        tail = _APPOSITION_RE.match(ctx.text, end)
        if tail is not None:
            holder = [e for e in ctx.entities if e.label == "PERSON" and e.start == tail.end()]
            if holder:
                return holder[0].canonical, (holder[0].text, holder[0].start, holder[0].end), cue
        return ctx.people.get(np.lower(), np), (np, start, start + len(np)), cue

    def _antecedent(self, at: int, cue: str) -> Attribution:
        from .quotes import _antecedent

        who = _antecedent(self.ctx, at, "they") if self.table.spaced else None
        if who and who.lower() not in self.table.pronouns:  # "Dia menjelaskan … jelasnya": not a name
            return who, None, cue
        if self.last is not None:
            return self.last[0], None, cue
        return None, None, None

    def _after(self, span: Span) -> Attribution:
        from .quotes import _after_text

        after_start, after = _after_text(self.ctx, span)
        for kind, pattern in self.patterns.after:
            m = pattern.match(after)
            if m:
                found = self._speaker(m, after_start, _cue(m, kind), kind)
                if found[0]:
                    return found
        return None, None, None

    def _before(self, span: Span, kind: str) -> Attribution:
        from .quotes import _lead

        lead_start, before = _lead(self.ctx, span)
        for cue_kind, pattern in self.patterns.before:
            m = pattern.search(before)
            if m:
                found = self._speaker(m, lead_start, _cue(m, cue_kind), cue_kind)
                if found[0]:
                    return found
        if kind != "full":
            for m in self.patterns.frame.finditer(before):
                found = self._speaker(m, lead_start, _cue(m, "verb"), "verb")
                if found[0]:
                    return found
        return None, None, None


def _cue(m: re.Match[str], kind: str) -> str:
    """The words of the match that are not the speaker: what the quote's ``cue`` records."""
    if "np" in m.re.groupindex and m.group("np") is not None:
        text = m.group(0)
        a, b = m.start("np") - m.start(), m.end("np") - m.start()
        rest = (text[:a] + " " + text[b:]).strip(" ,，:：\t")
    else:
        rest = m.group(0).strip(" ,，:：\t")
    return rest or kind
