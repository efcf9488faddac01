"""Quote attribution from a language table (:mod:`storybrief.lang`), for languages other than English.

English has its own, finer rules in :mod:`.attribution`. For another language with a table, the reporter's
words around each quoted span are read for the table's cues:

* after the quote: an inverted verb and a name (``"…," kata Ahmad``), a verb carrying its speaker
  (``katanya``: the person last named), a name and a verb (``」李文华说。``), ``according to`` and a name;
* before it: ``Menurut X, "…"``, ``X berkata, "…"``, ``Kata X: "…"``, ``X表示：「…」``, ``据X称，“…”``;
* for a quote woven into a sentence, or run into after a comma, the first name-and-verb of the sentence;
* ``Agensi itu menyatakan`` (a noun and a demonstrative): the name met before that opens with the noun.

In spaced scripts a name is a run of capitalised words (with the table's particles: "bin", "binti") less
its titles ("Menteri Kanan … Datuk Dr"); a person the entity recogniser found inside the run is preferred.
In scripts without spaces the speaker is the clause before the verb, less the table's fillers (adverbs,
days), the occasion and whom it was said to. ``katanya`` and pronouns go to the subject of the latest clause
before the quote (a name before an active verb, ``Menurut X``; in Chinese the latest ``X说``), unless a
quote was attributed since: then to its speaker. The recogniser's labels are not trusted for that: on
Malay text it calls titles, events and adverbs people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ...lang import LanguageTable

if TYPE_CHECKING:
    from .attribution import MentionSpan, _Context
    from .spans import Span

Attribution = tuple[str | None, "MentionSpan | None", str | None]
MAX_NAME_WORDS = 6
MAX_CJK_SPEAKER = 32  # characters of a speaker in a script without spaces (a title and a name)
MAX_CJK_CLAUSE = 48  # characters of the clause it is read from (with a name in brackets, an occasion)
_CLAUSE_STOP = '，。！？；：,;:!?「」『』“”"«»\n'
_CLAUSE_START = ("", ".", "!", "?", ",", ";", ":", "\n", "–", "—", "-")  # what may stand before a clause's subject


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@dataclass(frozen=True, slots=True)
class _Patterns:
    after: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern) tried on the words after the quote
    before: tuple[tuple[str, re.Pattern[str]], ...]  # tried on the words before it, anchored at their end
    frame: re.Pattern[str]  # a name and a verb anywhere before a woven-in quote
    subject: re.Pattern[str] | None = None  # a name or pronoun before an active verb: a clause's subject


@lru_cache(maxsize=32)
def _patterns(table: LanguageTable) -> _Patterns:
    speech, inverted, selfv = _alt(table.speech_verbs), _alt(table.inverted_verbs), _alt(table.self_verbs)
    according, pronouns, fillers = _alt(table.according_to), _alt(table.pronouns), _alt(table.fillers)
    if not table.spaced:
        np = rf"(?P<np>[^{_CLAUSE_STOP}]{{1,{MAX_CJK_CLAUSE}}}?)"
        verb = rf"(?<![来來])(?:{speech})道?"  # "对…来说" is "as for", not "said"
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
    subject = None
    if table.verb_prefixes:
        # titles may run long and hold a bracketed short form: "Wakil Presiden (Wapres) RI Ma’ruf Amin"
        long_name = (
            rf"(?-i:(?P<np>[A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|\([A-Z][\w.]*\)|(?:{particles})))"
            rf"{{0,{MAX_NAME_WORDS + 3}}}))"
        )
        active = rf"(?-i:(?!(?:{_alt(table.not_verbs)})\b)(?:{_alt(table.verb_prefixes)})[a-z]{{3,}})"
        appos = r"(?P<appos>(?:\s*,[^,.!?“”\"\n–—]{1,60}?){1,2},?)?"  # "Menteri Luar, Datuk Seri X, berkata"
        subject = re.compile(
            rf"(?:(?P<by>{according})\s+)?(?:{long_name}{appos}|{pron})"
            rf"(?(by)(?=\s*,)|{fill}\s+(?:(?:{speech})\b|{active}\b))",  # "Menurut X, …" or "X berkata"
            re.I,
        )
    return _Patterns(after, before, frame, subject)


def _trim_cjk(table: LanguageTable, np: str) -> str:
    """The speaker of a clause before a verb: "卫生部长李文华周一也" -> "卫生部长李文华"."""
    np = re.sub(r"在[^在]{0,30}?[中上时時里裡]$", "", np.strip())  # "X在声明中表示": X said in a statement
    np = re.sub(r"(?<=.)在[^在]{1,12}$", "", np)  # "发言人普莱斯在华盛顿说": the place where
    # "韩德洙当天出席国会问政会时表示": the occasion, not the speaker
    np = re.sub(r"(?<=.)(?:出席|接受|参加|会见|會見|访问|訪問|回答|答复|答覆)[^在]{1,25}?[时時]$", "", np)
    np = re.sub(r"^.*?(?:引述|援引|引用)(?=.)", "", np)  # "报道引述检察官办公室简讯说": the one quoted speaks
    np = re.sub(r"[（(][^（）()]{1,40}[）)]$", "", np)  # "希尔教授（Emma Hill）": the name as the text writes it
    np = re.sub(r"(?<=.)[对對向跟][^对對向跟]{1,20}$", "", np)  # "沙利文曾对金圣翰说": said to someone
    changed = True
    while changed and np:
        changed = False
        for filler in table.fillers:
            if np.endswith(filler) and len(np) > len(filler):
                np, changed = np[: -len(filler)], True
    np = np.strip(" （）()")
    if len(np) > MAX_CJK_SPEAKER and "的" in np:  # "来自…镇的45岁女售货员 Marylou Maldonado": the head comes last
        np = np[np.rindex("的") + 1 :].strip()
    return np if len(np) <= MAX_CJK_SPEAKER else ""


# what may stand between a title and the name of its holder: the rest of a name cut at an abbreviation's
# stop, a bracketed ticker or short name, and the comma
_APPOSITION_RE = re.compile(r"(?:[\w.]*|\s+[\w.&-]+){0,3}\s*(?:\([^()\n]{1,20}\))?\s*,\s*")


class Attributor:
    """Attributes the quotes of one article, in order (a pronoun may need the speaker before)."""

    def __init__(self, table: LanguageTable, ctx: _Context) -> None:
        self.table, self.ctx = table, ctx
        self.patterns = _patterns(table)
        self.last: tuple[str, MentionSpan | None] | None = None
        self._titles = {t.lower() for t in table.titles}
        self.names: list[str] = []
        self.last_at = (
            -1
        )  # where the last attributed quote starts  # names found by their place in a clause, for their short forms

    def kind(self, span: Span) -> str:
        """A quote standing as a sentence of its own, or one the reporter's sentence weaves in."""
        from .attribution import _lead

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
            self.last_at = span.start
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
        holder = self._after_titles(np)
        if holder != np:  # "Menteri Kanan Pendidikan Datuk Dr Radzi Jidin": the name after the titles
            start += raw.find(np) + len(np) - len(holder)
            end = start + len(holder)
            np = holder
        # a person the recogniser found in the run; its other labels are unreliable outside English
        people = [e for e in ctx.entities if start <= e.start and e.end <= end and e.label == "PERSON"]
        if people:
            who = self._after_titles(people[-1].canonical)  # "Menteri Lawrence Wong": the recogniser's name
            return who, (people[-1].text, people[-1].start, people[-1].end), cue
        # a title and its holder in apposition ("jelas Presiden Direktur Bank X (BX), Lani Darmawan"):
        # the holder speaks, not the title
        tail = _APPOSITION_RE.match(ctx.text, end)
        if tail is not None:
            held = [e for e in ctx.entities if e.label == "PERSON" and e.start == tail.end()]
            if held:
                return held[0].canonical, (held[0].text, held[0].start, held[0].end), cue
        return self._full_name(np), (np, start, start + len(np)), cue

    def _full_name(self, np: str) -> str:
        """The canonical form of a name the recogniser may not know ("Ma’ruf" after "Ma’ruf Amin"): the
        input's own canonical name, else the longest name of this article that has it as a word."""
        known = self.ctx.people.get(np.lower())
        if known:
            return known
        words = set(np.lower().split())
        longer = [n for n in self.names if words < set(n.lower().split())]
        if len(np.split()) == 1 and longer:
            return max(longer, key=len)
        self.names.append(np)
        return np

    def _pointed_back(self, before: str, lead_start: int) -> Attribution:
        """ "Agensi itu menyatakan …: “…”": the name met before in the article that opens with that noun
        ("Agensi Sekitaran Kebangsaan"), the latest one."""
        pattern = _demonstrative_pattern(self.table)
        m = pattern.search(before) if pattern is not None else None
        if m is None:
            return None, None, None
        noun = m.group("noun")
        at = lead_start + m.start("noun")
        names = re.findall(rf"\b{re.escape(noun)}(?:[ \t]+[A-Z][\w’'-]*)+", self.ctx.text[max(0, at - 3000) : at])
        if not names:
            return None, None, None
        mention = (self.ctx.text[at : at + len(noun)], at, at + len(noun))
        return names[-1], mention, m.group("verb")

    def _after_titles(self, np: str) -> str:
        """The words of a name after its titles ("Wakil Presiden (Wapres) RI Ma’ruf Amin" -> "Ma’ruf Amin");
        the whole run when it is all titles (a role with nobody named) or has none."""
        titles = self._titles
        words = np.split()
        last = max(
            (k for k, w in enumerate(words) if w.lower().strip(".,’'") in titles or w.startswith("(")), default=-1
        )
        if last < 0 or last == len(words) - 1:
            return np
        return " ".join(words[last + 1 :])

    def _antecedent(self, at: int, cue: str) -> Attribution:
        """Who "katanya" or "dia" stands for: the subject of the latest clause before ``at`` (outside quotes)
        that has a name or a pronoun before an active verb; a pronoun there goes back further. With no
        such clause (or no rule for the language), the last speaker; else nobody."""
        ctx, pattern = self.ctx, self.patterns.subject
        from .attribution import _outside_quotes

        if pattern is not None and self.table.spaced:
            window = max(0, at - 3000)
            subjects = [
                m
                for m in pattern.finditer(ctx.masked, window, at)
                if _outside_quotes(ctx, m.start())
                and not (m.groupdict().get("np") or "").isupper()
                and (
                    ctx.masked[max(0, m.start() - 3) : m.start()].rstrip(" \t")[-1:] in _CLAUSE_START
                    or re.match(r"\s*,\s*\d{1,3}\s*(?:tahun\s*)?,", m.group("appos") or "")  # "…sebagai Ana Ruiz, 59,"
                )
            ]
            for m in reversed(subjects):
                if self.last is not None and self.last_at > m.start():
                    break  # a quote attributed since: its speaker is the one last named
                if m.group("pron") or (m.group("np") or "").lower() in self.table.pronouns:
                    continue  # "Lebih jauh, dia pun memberikan": the same person as before; look further back
                raw = m.group("np").strip().rstrip(".")
                np = self._after_titles(raw)
                first_appos = (m.group("appos") or ",").split(",")[1].strip()
                lead_word = first_appos.split()[0].lower() if first_appos else ""
                one_word = len(raw.split()) == 1 and raw.lower() not in ctx.people
                if one_word and first_appos and (lead_word in self.table.pronouns or first_appos[:1].islower()):
                    continue  # "Apalagi, dia menyampaikan", "Malah, agensi itu memaklumkan": no name here
                run = re.match(r"[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*)*", first_appos)
                holder = self._after_titles(run.group(0)) if run else ""
                if (
                    holder
                    and holder.lower() not in self._titles
                    and (raw.split()[0].lower() in self._titles or one_word)
                ):
                    # "Menteri Luar, Datuk Seri Saifuddin Abdullah, berkata": the holder of the title speaks;
                    # "Selanjutnya, Ma’ruf menuturkan": a sentence adverb, then the subject
                    np = raw = holder
                if raw.lower() in self.table.self_verbs or raw.lower() in self.table.stop_words:
                    continue
                if np.split()[0].lower() in self.table.stop_words:
                    continue
                start = ctx.masked.find(np, m.start())
                return self._full_name(np), (np, start, start + len(np)), cue
        elif not self.table.spaced:
            # "他说" goes to the latest "X说" / "X表示" clause before it outside quotes, unless a quote was
            # attributed since
            frames = [m for m in self.patterns.frame.finditer(ctx.text, max(0, at - 1500), at)]
            for m in reversed(frames):
                if not _outside_quotes(ctx, m.start("np")) or (self.last is not None and self.last_at > m.start()):
                    break
                np = _trim_cjk(self.table, m.group("np"))
                if np and not np.endswith(self.table.pronouns):
                    start = m.start("np") + m.group("np").find(np)
                    return np, (np, start, start + len(np)), cue
        if self.last is not None:
            return self.last[0], None, cue
        return None, None, None

    def _after(self, span: Span) -> Attribution:
        from .attribution import _after_text

        after_start, after = _after_text(self.ctx, span)
        for kind, pattern in self.patterns.after:
            m = pattern.match(after)
            if m:
                found = self._speaker(m, after_start, _cue(m, kind), kind)
                if found[0]:
                    return found
        return None, None, None

    def _before(self, span: Span, kind: str) -> Attribution:
        from .attribution import _lead

        lead_start, before = _lead(self.ctx, span)
        pointed = self._pointed_back(before, lead_start)
        if pointed[0]:
            return pointed
        for cue_kind, pattern in self.patterns.before:
            m = pattern.search(before)
            if m:
                found = self._speaker(m, lead_start, _cue(m, cue_kind), cue_kind)
                if found[0]:
                    return found
        if kind != "full" or before.rstrip()[-1:] in (",", "，"):
            # a woven-in quote, or one the reporter's sentence runs into after a comma ("X表示，…，“…”"):
            # the sentence's first name and verb
            for m in self.patterns.frame.finditer(before):
                found = self._speaker(m, lead_start, _cue(m, "verb"), "verb")
                if found[0]:
                    return found
        return None, None, None


def _demonstrative_pattern(table: LanguageTable) -> re.Pattern[str] | None:
    if not table.demonstratives or not table.spaced:
        return None
    return re.compile(
        rf"(?:^|[.!?]\s+)(?P<noun>[A-Z][\w-]+)\s+(?:{_alt(table.demonstratives)})\s+(?P<verb>{_alt(table.speech_verbs)})\b"
    )


def _cue(m: re.Match[str], kind: str) -> str:
    """The words of the match that are not the speaker: what the quote's ``cue`` records."""
    if "np" in m.re.groupindex and m.group("np") is not None:
        text = m.group(0)
        a, b = m.start("np") - m.start(), m.end("np") - m.start()
        rest = (text[:a] + " " + text[b:]).strip(" ,，:：\t")
    else:
        rest = m.group(0).strip(" ,，:：\t")
    return rest or kind
