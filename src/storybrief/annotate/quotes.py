"""Direct quotes and who said them.

For each quoted span (:mod:`.quote_spans`) the reporter's words around it are read for an attribution:
``“…,” he said`` / ``“…,” said Blinken`` after the quote, ``Blinken said: “…”`` / ``according to X``
/ ``X: “…”`` before it, a reporting verb earlier in the sentence for a quote woven into it, a quote
split around its attribution, and a quote paragraph that continues the previous speaker. Pronouns and
nominal mentions go to the most recent person named before the quote; organisations and places speak
too ("the State Department said", "the South said"). Speakers carry canonical names from
:mod:`.entities`; a quote nobody can be attributed to has ``speaker=None``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang import LanguageTable
from ..lang import table as language_table
from ..lang.en import TABLE as EN
from ..model import Block, Entity, Quote, Sentence
from .quote_spans import Span, find_quote_spans

CUES = "|".join(EN.speech_verbs)  # the reporting verbs: storybrief.lang.en
_CUE = rf"(?:also |later |then |again |further |once |previously )?(?P<cue>{CUES})\b"
_CUE_ANON = rf"(?:also |later |then |again |further |once |previously )?(?:{CUES})\b"
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_PRONOUN = r"(?:he|she|they|it|we|I)"
_NP = r"(?<![\w’'-])[^“”\"«»,.;:!?]{1,160}?"
# after the closing mark
_AFTER_CUE_FIRST = re.compile(
    rf"^[\s,]*{_CUE}\s+(?P<np>{_NP})(?=\s*(?:[,.;:!?]|$|\s+(?:on|in|at|during|after|before|when|as|to|of|from|who|which|adding)\b))",
    re.I,
)
# "NAME, 54, said" / "NAME, a former minister, told": a description between the name and the verb
_APPOS = r"(?:(?:,\s*[^,“”\"«»;:!?]{1,160}?){1,3},)?"
# auxiliaries and adverbs between a speaker and the verb: "she still says", "my father often said"
_AUX = r"(?:(?:has|had|have|was|were|is|would|will|still|also|often|later|then|again|once|previously|recently|"
_AUX += r"repeatedly|frequently|simply|quickly|just|always|never|once)\s+)*"
_AFTER_NP_FIRST = re.compile(rf"^[\s,—–-]*(?P<np>{_NP}){_APPOS}\s+{_AUX}{_CUE}", re.I)
# "“…” for criminal behaviour, she said.": the attribution closes the sentence after a few more words
_AFTER_TAIL = re.compile(rf"^[^“”\"«»]{{0,100}}?,\s*(?P<np>{_NP}){_APPOS}\s+{_CUE}\s*[.!?]?\s*$", re.I)
_AFTER_ACCORDING = re.compile(rf"^[\s,]*according to\s+(?P<np>{_NP})(?=\s*(?:[,.;]|$))", re.I)
# a vox-pop line: “…” — Ana Ruiz, 44, a teacher
_AFTER_DASH = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<np>[A-Z][\w’'.·-]*(?:\s+[A-Z][\w’'.·-]*){0,3})(?=\s*(?:,|$|\n))")
# before the opening mark
_BEFORE_NP_CUE = re.compile(
    rf"(?P<np>{_NP}){_APPOS}\s+{_AUX}{_CUE}"
    rf"(?P<rest>[^“”\"]{{0,80}}?)[,:]?\s*$",
    re.I,
)
# "Smith criticised the plan, saying, “…”": the sentence's subject speaks
_PARTICIPLE = re.compile(
    r",\s*(?:saying|adding|telling [\w ]{1,30}|noting|warning|arguing|insisting|writing|tweeting|posting)"
    r"\s*,?\s*(?:that\s*)?$",
    re.I,
)
_ACCORDING = re.compile(rf"according to\s+(?P<np>{_NP})\s*[,:]?\s*$|according to\s+(?P<np2>{_NP})[,.]", re.I)
_COLON = re.compile(rf"(?P<np>{_NP})\s*:\s*$")
_FRAME_CUE = re.compile(rf"(?P<np>{_NP}){_APPOS}\s+{_AUX}{_CUE}", re.I)
# periods that do not end a sentence: titles, initials, party tags ("Mr. Grant", "Laura B. Bennett", "(D-Val.)"),
# state abbreviations
_ABBREV_DOT_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Atty|Supt|Det|Adm|Maj|Cpl|Pvt|Sens|Reps|Del|Amb|Cmdr|Hon|Insp)\."
    r"|\b[A-Z]\.(?=\s*[A-Z])|\([A-Z]-[A-Za-z]{1,6}\.(?=\))"
    # a US state after a town ("Everett, Wash., recently")
    r"|(?<=, )(?:Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev"
    r"|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\.(?=,)"
)


def _mask_abbreviations(text: str) -> str:
    """The same text (same length) with the periods of abbreviations replaced by a middle dot."""
    return _ABBREV_DOT_RE.sub(lambda m: m.group(0)[:-1] + "·", text)


_WORD_RE = re.compile(r"\w+")


@dataclass(slots=True)
class _Context:
    """What attribution needs to know about one article."""

    text: str
    entities: Sequence[Entity]
    starts: list[int]
    sentences: Sequence[Sentence]
    sent_starts: list[int]
    people: dict[str, str]
    masked: str = ""  # the text with abbreviation periods replaced, for matching attribution patterns
    quote_ranges: tuple[tuple[int, int], ...] = ()
    gender: dict[str, str] | None = None  # canonical person -> "m" / "f" where the article shows it


MentionSpan = tuple[str, int, int]  # the words that decided the speaker, with their offsets


def _speaker_from_np(ctx: _Context, np: str, np_start: int) -> tuple[str | None, MentionSpan | None]:
    """The canonical speaker a noun phrase names, or the person a pronoun refers to.

    In order: a pronoun right before the verb; an apposition ("Wi Sung-lac, a former minister ...,
    told") goes to the name before it; a named person, organisation or place in the phrase; a person
    the recogniser missed but the input names elsewhere; "the South" → the article's "South Korea"; a
    description ("a spokeswoman for the hospital") when nobody is named.
    """
    entities, starts = ctx.entities, ctx.starts
    np_clean = np.strip(" ,—–-")
    if not np_clean:
        return None, None
    offset = np_start + np.find(np_clean)
    end = offset + len(np_clean)
    words = np_clean.split()
    last = words[-1].lower()
    if last in PRONOUNS:
        at = offset + np_clean.rfind(words[-1])
        return _antecedent(ctx, at, last), (words[-1], at, at + len(words[-1]))
    determiners = ("a", "an", "the", "my", "his", "her", "their", "our", "its")
    descriptive = words[0].lower() in determiners and len(words) > 1 and words[1][:1].islower()
    if descriptive:
        head = ctx.text[max(0, offset - 80) : offset]
        m = re.search(r"([A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,3}),\s*$", head)
        if m:
            person = [e for e in entities if e.label == "PERSON" and e.end == offset - len(head) + m.end(1)]
            if person:
                return person[0].canonical, (person[0].text, person[0].start, person[0].end)
    inside = [e for e in entities[bisect_right(starts, offset - 1) :] if e.start < end and e.end <= end + 2]
    if not descriptive:
        for label in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
            for e in reversed(inside):  # the head of an English noun phrase comes last: "resident Agnes Pryor"
                if e.label == label:
                    return e.canonical, (e.text, e.start, e.end)
        for m in re.finditer(r"\S+", np_clean):  # a person spaCy did not tag here, known in the article or input
            word = m.group(0)
            name = ctx.people.get(word.strip("’'s").lower()) if word[:1].isupper() else None
            if name:
                return name, (word, offset + m.start(), offset + m.end())
    if (
        not descriptive
        and 1 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and words[0].lower().strip(",") not in _NOT_NAMES
    ):
        # a name the recogniser missed: "Cartalo"
        return ctx.people.get(np_clean.lower(), np_clean), (np_clean, offset, end)
    if len(words) <= 3 and words[0].lower() == "the" and len(words) >= 2 and words[1][:1].isupper():
        # "the South", "the North": the place or organisation of the article that starts with that word
        for e in entities:
            if e.label in ("GPE", "ORG", "LOC") and len(e.canonical.split()) > 1 and e.canonical.split()[0] == words[1]:
                return e.canonical, (np_clean, offset, end)
    if descriptive:
        # "the former secretary of state said": the person of the article whose role has that title
        titles = {w.lower().strip(",.") for w in words} & _ROLE_NOUNS
        for e in reversed([e for e in entities if e.start < offset and e.label == "PERSON" and e.role]):
            if titles & {w.lower().strip(",.") for w in (e.role or "").split()}:
                return e.canonical, (np_clean, offset, end)
    if descriptive and len(words) <= 3:
        # "the ministry said": the organisation of the article whose name has that noun
        noun = words[-1].lower()
        for e in reversed([e for e in entities if e.start < offset]):
            if e.label == "ORG" and noun in e.canonical.lower().split():
                return e.canonical, (np_clean, offset, end)
    if descriptive and len(words) <= 12:
        return np_clean, (np_clean, offset, end)  # "a spokeswoman for the hospital": the best name there is
    return None, None


# capitalised at the start of a sentence, but never a speaker's name
_NOT_NAMES = frozenset(
    "the a an after before meanwhile however but and then so still later earlier in on at when while since "
    "because although yet now today yesterday this that these those it there here also instead indeed even "
    "only just thus hence besides moreover furthermore nevertheless finally first second third last next "
    "some many most all both each every several few one two three".split()
)
_ROLE_NOUNS = {
    "secretary", "minister", "president", "senator", "governor", "mayor", "nominee", "candidate", "ambassador",
    "envoy", "chancellor", "premier", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
    "director", "commissioner", "attorney", "general", "judge", "leader", "congressman", "congresswoman",
    "representative", "engineer", "chief", "executive", "ceo", "coach", "king", "queen", "prince", "pope",
}  # fmt: skip
_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _outside_quotes(ctx: _Context, pos: int) -> bool:
    return not any(a <= pos < b for a, b in ctx.quote_ranges)


def _antecedent(ctx: _Context, before: int, pronoun: str = "he") -> str | None:
    """The person a pronoun refers to: the subject of the latest sentence before it that names someone.

    People named inside quotes are not candidates, nor people known to take the other pronoun.
    """
    want = _GENDER.get(pronoun)
    idx = bisect_right(ctx.starts, before - 1)
    candidates = [
        e for e in ctx.entities[:idx] if e.label == "PERSON" and e.start < before and _outside_quotes(ctx, e.start)
    ]
    if want and ctx.gender:
        candidates = [e for e in candidates if ctx.gender.get(e.canonical, want) == want]
    if not candidates:
        return None
    last = candidates[-1]
    sent = _sentence_of(ctx, last.start)
    in_sentence = [e for e in candidates if e.start >= sent.start]
    return in_sentence[0].canonical if in_sentence else last.canonical


def _sentence_of(ctx: _Context, pos: int) -> Sentence:
    i = max(0, bisect_right(ctx.sent_starts, pos) - 1)
    return ctx.sentences[i] if ctx.sentences else Sentence(0, len(ctx.text))


_CLOSING_MARKS = ("”", '"', "»", "」", "』")


def _lead(ctx: _Context, span: Span) -> tuple[int, str]:
    """The reporter's words right before a quote: from the sentence start or the previous closing mark."""
    sent = _sentence_of(ctx, span.open_mark)
    start = max(sent.start, ctx.text.rfind("\n", 0, span.open_mark) + 1)
    before = ctx.masked[start : span.open_mark]
    last_close = max(before.rfind(mark) for mark in _CLOSING_MARKS)
    if last_close >= 0:
        start += last_close + 1
        before = before[last_close + 1 :]
    return start, before


def _is_fragment(ctx: _Context, span: Span) -> bool:
    """A fragment is woven into the reporter's sentence; a full quote stands as a sentence of its own."""
    _, lead = _lead(ctx, span)
    lead = lead.strip()
    content = ctx.text[span.start : span.end].strip()
    if not lead or lead[-1] in ".!?:…" or (lead.endswith(",") and content[:1].isupper()):
        return False
    return not (re.search(rf"\b{_CUE}\s*$", lead, re.I) and content[:1].isupper())


def _genders(text: str, entities: Sequence[Entity]) -> dict[str, str]:
    """What the article itself says of its people's pronouns: titles (Mr., Ms.) and gendered roles."""
    found: dict[str, str] = {}
    for e in entities:
        if e.label != "PERSON":
            continue
        title = text[max(0, e.start - 6) : e.start]
        role = (e.role or "").lower()
        if re.search(r"\b(Mrs|Ms|Miss)\.?\s+$", title) or re.search(r"woman\b|\b(mother|wife|queen|princess)\b", role):
            found.setdefault(e.canonical, "f")
        elif re.search(r"\bMr\.?\s+$", title) or re.search(r"(?<!wo)man\b|\b(father|husband|king|prince)\b", role):
            found.setdefault(e.canonical, "m")
    return found


def find_quotes(
    text: str,
    blocks: Sequence[Block],
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    people: dict[str, str] | None = None,
    language: str | None = None,
) -> list[Quote]:
    """Every quoted span of an article, with its kind and speaker.

    ``people`` maps lower-cased names and surnames to canonical names, for people the entity
    recogniser missed in a particular sentence. ``language`` (ISO 639-1) chooses the cue words: a
    language with a table in :mod:`storybrief.lang` other than English is read with that table
    (:mod:`.quote_cues`); English, and a language without a table, with the English rules here.
    """
    entities = sorted(entities, key=lambda e: e.start)
    spans = find_quote_spans(text, blocks)
    ctx = _Context(
        text,
        entities,
        [e.start for e in entities],
        sentences,
        [s.start for s in sentences],
        people or {},
        masked=_mask_abbreviations(text),
        quote_ranges=tuple((sp.start, sp.end) for sp in spans),
        gender=_genders(text, entities),
    )
    table = language_table(language)
    if table is not None and table.code != EN.code:
        return _assemble(ctx, _found_with_table(ctx, spans, table))
    found: list[_Found] = []
    for span in spans:
        kind = "fragment" if _is_fragment(ctx, span) else "full"
        speaker, mention, cue = _attribute(ctx, span, kind)
        found.append(_Found(span, speaker, mention, cue, kind))
    return _assemble(ctx, found)


def _found_with_table(ctx: _Context, spans: Sequence[Span], table: LanguageTable) -> list[_Found]:
    from .quote_cues import Attributor

    attributor = Attributor(table, ctx)
    found = []
    for span in spans:
        kind = attributor.kind(span)
        speaker, mention, cue = attributor.attribute(span, kind)
        found.append(_Found(span, speaker, mention, cue, kind))
    return found


@dataclass(slots=True)
class _Found:
    span: Span
    speaker: str | None
    mention: MentionSpan | None
    cue: str | None
    kind: str


_SENTENCE_END_RE = re.compile(r"[.!?](?=[\"”’')]*(?:\s|$))|[。！？]")


def _after_text(ctx: _Context, span: Span) -> tuple[int, str]:
    """The reporter's words after the closing mark, up to the next quote or the end of their sentence.

    Sentence ends are found on the masked text, so "Sen." or "B." in a name does not cut it short.
    """
    text = ctx.masked
    close = span.close_mark if span.close_mark is not None else span.end
    after_start = close + (span.close_width if span.close_mark is not None else 0)
    para_end = text.find("\n", after_start)
    rest = text[after_start : para_end if para_end != -1 else len(text)]
    if not rest.strip(" \t"):
        return after_start, ""
    nxt = re.search(r"[“\"«「『]|''", rest)
    if nxt:
        rest = rest[: nxt.start()]
    stop = _SENTENCE_END_RE.search(rest.lstrip(" ,"))
    if stop and rest.lstrip(" ,")[: stop.start()].strip():
        rest = rest[: len(rest) - len(rest.lstrip(" ,")) + stop.end()]
    elif stop:
        # the sentence ended inside the quote: the attribution may be the next sentence ("….” He said.)
        lead = len(rest) - len(rest.lstrip(" ,"))
        body = rest.lstrip(" ,")[stop.end() :]
        nxt_stop = _SENTENCE_END_RE.search(body)
        rest = rest[: lead + stop.end() + (nxt_stop.end() if nxt_stop else len(body))]
    return after_start, rest


def _try_after(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    after_start, after = _after_text(ctx, span)
    for pattern in (_AFTER_CUE_FIRST, _AFTER_NP_FIRST, _AFTER_ACCORDING, _AFTER_DASH, _AFTER_TAIL):
        m = pattern.match(after)
        if m and len(_WORD_RE.findall(m.group("np"))) <= 12:
            np_start = after_start + m.start("np")
            speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : after_start + m.end("np")], np_start)
            if speaker:
                cue = m.groupdict().get("cue") or ("according to" if pattern is _AFTER_ACCORDING else "—")
                return speaker, mention, cue
    return None, None, None


def _try_before(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    lead_start, before = _lead(ctx, span)
    if _PARTICIPLE.search(before):
        pronoun = re.match(r"\s*(He|She)\b", before)
        if pronoun and lead_start == _sentence_of(ctx, span.open_mark).start:
            at = lead_start + pronoun.start(1)
            who = _antecedent(ctx, at, pronoun.group(1).lower())
            if who:
                return who, (pronoun.group(1), at, at + len(pronoun.group(1))), "saying"
        # "X criticised the plan, saying, “…”": the sentence's first person or organisation
        inside = [e for e in ctx.entities if lead_start <= e.start < span.open_mark and e.label in ("PERSON", "ORG")]
        if inside:
            return inside[0].canonical, (inside[0].text, inside[0].start, inside[0].end), "saying"
    for pattern in (_ACCORDING, _BEFORE_NP_CUE, _COLON, _FRAME_CUE):
        matches = list(pattern.finditer(before))
        # a verb right before the quote is its cue; for a woven-in quote, the sentence's first (main) verb
        for m in matches if pattern is _FRAME_CUE else reversed(matches):
            group = "np2" if m.groupdict().get("np2") else "np"
            np_start = lead_start + m.start(group)
            speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : lead_start + m.end(group)], np_start)
            if speaker:
                cue = m.groupdict().get("cue") or ("according to" if pattern is _ACCORDING else ":")
                return speaker, mention, cue
    return None, None, None


def _sentence_subject(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    """For a fragment woven into a sentence with no reporting verb the rules know ("Reid has gone after
    Trump as a “…”"), the first person named in the sentence before it: English puts the subject first."""
    lead_start, lead = _lead(ctx, span)
    pronoun = re.match(r"\s*(He|She)\b", lead)
    if pronoun and lead_start == _sentence_of(ctx, span.open_mark).start:
        at = lead_start + pronoun.start(1)
        who = _antecedent(ctx, at, pronoun.group(1).lower())
        if who:
            return who, (pronoun.group(1), at, at + len(pronoun.group(1))), None
    for e in ctx.entities:
        # a full name only: a lone capitalised word the model calls a person is too often not one ("Graffiti")
        if (
            lead_start <= e.start < span.open_mark
            and e.label == "PERSON"
            and " " in e.canonical
            and _outside_quotes(ctx, e.start)
        ):
            return e.canonical, (e.text, e.start, e.end), None
    return None, None, None


def _attribute(ctx: _Context, span: Span, kind: str) -> tuple[str | None, MentionSpan | None, str | None]:
    """A full quote is usually attributed after it; a woven-in fragment by the verb that introduces it."""
    order = (_try_before, _try_after, _sentence_subject) if kind == "fragment" else (_try_after, _try_before)
    for attempt in order:
        found = attempt(ctx, span)
        if found[0]:
            return found
    return None, None, None


# the reporter's words between the pieces of one quoted sentence: an attribution and nothing else
# ("he said", "said Elena Marsh, the mayor,", "the minister told reporters on Monday"), then the punctuation
# that hands back to the quote; a clause of its own ("as a man held a sign reading") is not an attribution
_SPEAKER = rf"(?:{_PRONOUN}|(?:[A-Z][\w’'·.()-]*|the|a|an|his|her|their|its|our|my)(?:\s+[\w’'·.()-]+){{0,5}}?)"
_PREPOSITION = r"(?:on|in|at|to|during|after|before|from|with|for|outside|inside|while|via|of|last|this)"
_TAIL = rf"(?:\s+{_PREPOSITION}\b[^“”\"«»,.;:!?]{{0,100}})*"
# ", a lawyer for the club, who has fought the plan for years": appositions and relative clauses, never a
# clause of the reporter's own ("and one banner read:")
_ASIDE = r"(?:,(?!\s*(?:and|but|or|so|then|yet|as|while|others|(?:some|one)(?!\s+of\b))\b)\s*[^“”\"«».;:!?]{1,160}?)"
_NAME_WORD = r"(?-i:[A-Z][\w’'·.&-]*)"  # capitalised even where the rest of the pattern ignores case
# whom it was said to: "told reporters", "told the host", "told Valeport Wire", "told The Maren Post"
_TOLD = rf"(?:\s+(?:reporters|journalists|the\s+host|(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}))"
_ATTRIBUTION_ONLY = re.compile(
    rf"[\s,—–-]*(?:{_SPEAKER}{_APPOS}\s+{_AUX}{_CUE_ANON}{_TOLD}?"
    rf"|{_CUE_ANON}\s+{_SPEAKER})"
    rf"{_TAIL}{_ASIDE}{{0,3}}"
    rf"(?:,(?!\s*adding\b)\s*\w+ing\b[^“”\"«»,.;:!?]{{0,160}})?"  # "she said, clapping."
    r"(?:,\s*adding(?:\s+later)?(?:\s+that)?\s*[,:]?|\s*[,.:—–])\s*",
    re.I,
)
_CUT_ENDS = ",;—–-…:"  # the quoted sentence goes on after the attribution


def _split_continues(ctx: _Context, prev: _Found, nxt: _Found) -> bool:
    """“…,” he said. “…” — the second quote continues the first across its attribution.

    One speaker's words interrupted by their attribution are one quote: the first piece must end with
    punctuation (or the next go on in lower case), the words between must be an attribution and nothing
    more, ending in the punctuation that hands back to the quote, and the two pieces must not name
    different speakers. Two quotations of one paragraph that the reporter's own clause connects (a chant
    and a sign), or of a second speaker, stay two quotes.
    """
    p = prev.span
    if p.continues:
        return True
    if prev.kind != "full" or p.close_mark is None:
        return False
    between = ctx.masked[p.close_mark + p.close_width : nxt.span.open_mark]
    if "\n" in between:
        return False
    last = ctx.text[p.start : p.end].rstrip()[-1:]
    first = ctx.text[nxt.span.start : nxt.span.end].lstrip()[:1]
    if not last or (last not in _CUT_ENDS + ".!?" and not first.islower()):
        return False
    if _ATTRIBUTION_ONLY.fullmatch(between) is None:
        return False
    return nxt.speaker is None or prev.speaker is None or nxt.speaker == prev.speaker


_MARKS_AND_SPACE = re.compile(r"[\s“”\"«»„‘’']*")


def join_pieces(text: str, parts: Sequence[tuple[int, int]]) -> str:
    """The pieces of a quote as one string that invents no words: a space where only whitespace and
    quotation marks lie between two pieces (a quote running over paragraphs), " … " where the reporter's
    words were cut out (an attribution)."""
    out = ""
    for n, (a, b) in enumerate(parts):
        piece = text[a:b].strip()
        if not piece:
            continue
        if out:
            gap = text[parts[n - 1][1] : a]
            out += " " if _MARKS_AND_SPACE.fullmatch(gap) else " … "
        out += piece
    return out


def _assemble(ctx: _Context, found: list[_Found]) -> list[Quote]:
    """Join split and multi-paragraph quotes, share speakers within a sentence, carry speakers forward."""
    for f in found:
        if f.speaker is None:  # another quote of the same sentence named its speaker
            sent = _sentence_of(ctx, f.span.open_mark)
            for other in found:
                if other.speaker and _sentence_of(ctx, other.span.open_mark) == sent:
                    f.speaker, f.mention, f.cue = other.speaker, other.mention, other.cue
                    break
    quotes: list[Quote] = []
    previous: tuple[str, int] | None = None
    i = 0
    while i < len(found):
        first = found[i]
        group = [first]
        while i + 1 < len(found) and _split_continues(ctx, group[-1], found[i + 1]):
            i += 1
            group.append(found[i])
        speaker = next((f.speaker for f in group if f.speaker), None)
        mention = next((f.mention for f in group if f.speaker), None)
        cue = next((f.cue for f in group if f.speaker), None)
        if speaker is None and first.kind == "full" and previous and first.span.open_mark - previous[1] < 600:
            # a quote paragraph with no attribution continues the previous speaker, unless someone else
            # has been named in between
            # (people named in the previous quote's own attribution sentence do not count)
            boundary = max(previous[1], _sentence_of(ctx, previous[1]).end)
            between = [e for e in ctx.entities if e.label == "PERSON" and boundary <= e.start < first.span.open_mark]
            if all(e.canonical == previous[0] for e in between):
                speaker, mention, cue = previous[0], None, "continues"
        parts = tuple((f.span.start, f.span.end) for f in group)
        quote_end = group[-1].span.end
        quotes.append(
            Quote(
                join_pieces(ctx.text, parts),
                first.span.start,
                quote_end,
                speaker,
                first.kind,
                mention[0] if mention else None,
                cue,
                parts if len(parts) > 1 else (),
                mention[1] if mention else None,
                mention[2] if mention else None,
            )
        )
        if speaker:
            previous = (speaker, quote_end)
        i += 1
    return quotes
