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

from ..model import Block, Entity, Quote, Sentence
from .quote_spans import Span, find_quote_spans

CUES = (
    "said|says|say|saying|told|tells|telling|added|adds|adding|stressed|stresses|warned|warns|noted|notes|explained|"
    "explains|insisted|insists|argued|argues|claimed|claims|wrote|writes|asked|asks|replied|replies|responded|"
    "declared|declares|announced|announces|acknowledged|acknowledges|admitted|admits|recalled|recalls|continued|"
    "suggested|suggests|urged|urges|reiterated|reiterates|emphasized|emphasised|emphasizes|cautioned|complained|"
    "vowed|promised|predicted|conceded|observed|remarked|tweeted|posted|stated|states|stating|testified|concluded|"
    "concludes|confirmed|confirms|denied|denies|described|describes|called|calls|described|pointed out|went on|"
    "shouted|whispered|joked|quipped|boasted|lamented|agreed|countered|demanded|announced|reported|reports|"
    "thinks|believes|believed|wondered|mused|conceded|commented|comments|wrote|says of|denounced|condemned|"
    "mentioned|mentions|informed|instructed"
)
_CUE = rf"(?:also |later |then |again |further |once |previously )?(?P<cue>{CUES})\b"
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# words after which a pronoun starts a clause of its own: "what he called", "as she said"
_CLAUSE_WORDS = {"what", "as", "which", "that", "when", "where", "because", "and", "but", "so", "while", "who"}
_PRONOUN = r"(?:he|she|they|it|we|I)"
_NP = r"(?<![\w’'-])[^“”\"«»,.;:!?]{1,160}?"
# after the closing mark
_AFTER_CUE_FIRST = re.compile(
    rf"^[\s,]*{_CUE}\s+(?P<np>{_NP})(?=\s*(?:[,.;:!?]|$|\s+(?:on|in|at|during|after|before|when|as|to|of|from|who|which|adding)\b))",
    re.I,
)
_AFTER_NP_FIRST = re.compile(rf"^[\s,—–-]*(?P<np>{_NP})\s+{_CUE}", re.I)
# before the opening mark
_BEFORE_NP_CUE = re.compile(
    rf"(?P<np>{_NP})\s+(?:has |had |have |was |were |is |would |will )?{_CUE}(?P<rest>[^“”\"]{{0,80}}?)[,:]?\s*$", re.I
)
_ACCORDING = re.compile(rf"according to\s+(?P<np>{_NP})\s*[,:]?\s*$|according to\s+(?P<np2>{_NP})[,.]", re.I)
_COLON = re.compile(rf"(?P<np>{_NP})\s*:\s*$")
_FRAME_CUE = re.compile(rf"(?P<np>{_NP})\s+(?:has |had |have |was |were |is |would |will )?{_CUE}", re.I)
_WORD_RE = re.compile(r"\w+")
FRAGMENT_MAX_WORDS = 8


@dataclass(slots=True)
class _Context:
    """What attribution needs to know about one article."""

    text: str
    entities: Sequence[Entity]
    starts: list[int]
    sentences: Sequence[Sentence]
    sent_starts: list[int]
    people: dict[str, str]


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
        return _antecedent(entities, starts, at), (words[-1], at, at + len(words[-1]))
    descriptive = words[0].lower() in ("a", "an", "the") and len(words) > 1 and words[1][:1].islower()
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
    if not descriptive and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[0] != "The":
        # a name the recogniser missed: "Cartalo"
        return ctx.people.get(np_clean.lower(), np_clean), (np_clean, offset, end)
    if len(words) <= 3 and words[0].lower() == "the" and len(words) >= 2 and words[1][:1].isupper():
        # "the South", "the North": the place or organisation of the article that starts with that word
        for e in entities:
            if e.label in ("GPE", "ORG", "LOC") and len(e.canonical.split()) > 1 and e.canonical.split()[0] == words[1]:
                return e.canonical, (np_clean, offset, end)
    if descriptive and len(words) <= 12:
        return np_clean, (np_clean, offset, end)  # "a spokeswoman for the hospital": the best name there is
    return None, None


def _antecedent(entities: Sequence[Entity], starts: list[int], before: int) -> str | None:
    """The most recent person mentioned before ``before``."""
    idx = bisect_right(starts, before - 1)
    for e in reversed(entities[:idx]):
        if e.label == "PERSON":
            return e.canonical
    return None


def _sentence_of(ctx: _Context, pos: int) -> Sentence:
    i = max(0, bisect_right(ctx.sent_starts, pos) - 1)
    return ctx.sentences[i] if ctx.sentences else Sentence(0, len(ctx.text))


def _lead(ctx: _Context, span: Span) -> tuple[int, str]:
    """The reporter's words right before a quote: from the sentence start or the previous closing mark."""
    sent = _sentence_of(ctx, span.open_mark)
    start = max(sent.start, ctx.text.rfind("\n", 0, span.open_mark) + 1)
    before = ctx.text[start : span.open_mark]
    last_close = max(before.rfind("”"), before.rfind('"'), before.rfind("»"))
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


def find_quotes(
    text: str,
    blocks: Sequence[Block],
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    people: dict[str, str] | None = None,
) -> list[Quote]:
    """Every quoted span of an article, with its kind and speaker.

    ``people`` maps lower-cased names and surnames to canonical names, for people the entity
    recogniser missed in a particular sentence.
    """
    entities = sorted(entities, key=lambda e: e.start)
    ctx = _Context(text, entities, [e.start for e in entities], sentences, [s.start for s in sentences], people or {})
    found: list[_Found] = []
    for span in find_quote_spans(text, blocks):
        kind = "fragment" if _is_fragment(ctx, span) else "full"
        speaker, mention, cue = _attribute(ctx, span)
        found.append(_Found(span, speaker, mention, cue, kind))
    return _assemble(ctx, found)


@dataclass(slots=True)
class _Found:
    span: Span
    speaker: str | None
    mention: MentionSpan | None
    cue: str | None
    kind: str


def _attribute(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    text = ctx.text
    close = span.close_mark if span.close_mark is not None else span.end
    end = max(_sentence_of(ctx, close).end, close + 1)
    nxt = re.search(r"[“\"«]", text[close + 1 : end])
    after = text[close + 1 : close + 1 + nxt.start()] if nxt else text[close + 1 : end]
    if not after.strip():
        # the sentence ended inside the quote: the attribution may open the next one ("….” he said.)
        nxt_sent = _sentence_of(ctx, close + 2)
        if nxt_sent.start > close:
            after = text[close + 1 : nxt_sent.end]
    for pattern in (_AFTER_CUE_FIRST, _AFTER_NP_FIRST):
        m = pattern.match(after)
        if m and len(_WORD_RE.findall(m.group("np"))) <= 12:
            speaker, mention = _speaker_from_np(ctx, m.group("np"), close + 1 + m.start("np"))
            if speaker:
                return speaker, mention, m.group("cue")
    lead_start, before = _lead(ctx, span)
    for pattern in (_ACCORDING, _BEFORE_NP_CUE, _COLON, _FRAME_CUE):
        matches = list(pattern.finditer(before))
        # a verb right before the quote is its cue; for a woven-in quote, the sentence's first (main) verb
        for m in matches if pattern is _FRAME_CUE else reversed(matches):
            group = "np2" if m.groupdict().get("np2") else "np"
            speaker, mention = _speaker_from_np(ctx, m.group(group), lead_start + m.start(group))
            if speaker:
                cue = m.groupdict().get("cue") or ("according to" if pattern is _ACCORDING else ":")
                return speaker, mention, cue
    return None, None, None


def _split_continues(ctx: _Context, prev: _Found, nxt: _Found) -> bool:
    """“…,” he said. “…” — the second quote continues the first across its attribution."""
    p = prev.span
    if p.continues:
        return True
    if prev.kind != "full" or nxt.kind != "full" or p.close_mark is None:
        return False
    between = ctx.text[p.close_mark + 1 : nxt.span.open_mark]
    if ctx.text[p.end - 1 : p.end] not in ",.?!…" or "\n" in between:
        return False
    cue = re.fullmatch(rf"[\s,]*(?:{_PRONOUN}|[^“”\"]{{1,60}}?)\s+{_CUE}[^“”\"]{{0,40}}?[.,:]?\s*", between, re.I)
    return cue is not None and (nxt.speaker is None or nxt.speaker == prev.speaker)


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
        pieces = [ctx.text[a:b].strip() for a, b in parts]
        quote_end = group[-1].span.end
        quotes.append(
            Quote(
                " ".join(p for p in pieces if p),
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
