"""Direct quotes and who said them.

For each quoted span (:mod:`.spans`) the reporter's words around it are read for an attribution:
``“…,” he said`` / ``“…,” said Blinken`` after the quote, ``Blinken said: “…”`` / ``according to X``
/ ``X: “…”`` before it, a reporting verb earlier in the sentence for a quote woven into it, a quote
split around its attribution, and a quote paragraph that continues the previous speaker. Pronouns and
nominal mentions go to the most recent person named before the quote (never a date, place or acronym the
recogniser took for one; "it" to an organisation, "the judge" to the Justice named, "the statement" to its
issuer); organisations and places speak too ("the State Department said", "the South said"). Speakers
carry canonical names from :mod:`storybrief.annotate.entities`; a quote nobody can be attributed to has
``speaker=None``.

What may speak: a person, an organisation, or a description of people ("a spokeswoman for the hospital",
"Protesters marching past"). Never a phrase cut from a clause ("The question this hour is"), a named storm,
a post or caption with no author in reach ("the tweet said"; "Marsh's tweet said" is Marsh's), nor a place
used as a place ("residents of Cairo"). A place standing alone as the subject of a speech verb ("Cairo
said") is kept: news uses a capital for its government. "X's spokeswoman, Y, said" is Y's (or, unnamed,
"X's spokeswoman"'s), never X's. In an article set all in lower case, names after a speech verb are found
by their place ("said 23-year-old nicholas harris") and by names the article gave before. A quote with no
attribution in its sentence, its split pieces or the sentence right before it in the same paragraph stays
unattributed unless it continues the previous speaker's quote paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ...lang import LanguageTable
from ...lang import table as language_table
from ...lang.en import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from ...lang.en import TABLE as EN
from ...model import Block, Entity, Quote, Sentence
from .spans import Span, find_quote_spans

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
_APPOS = r"(?:(?:,\s*[^,“”\"«»;:!?]{1,160}?){1,3}(?:,|\s--))?"  # the last may close with a dash
# auxiliaries and adverbs between a speaker and the verb: "she still says", "my father often said"
_AUX = r"(?:(?:has|had|have|was|were|is|would|will|still|also|often|later|then|again|once|previously|recently|"
_AUX += r"repeatedly|frequently|simply|quickly|just|always|never|once"
# any lower-case adverb in -ly ("she angrily said", "then loudly asked"), never a noun or adjective in -ly
# that may itself be the subject's head ("the family said", "the elderly said")
_AUX += r"|(?!(?:family|assembly|rally|ally|supply|monopoly|anomaly|homily|bully|tally|belly|jelly|folly|holly|"
_AUX += r"reply|daily|weekly|monthly|quarterly|yearly|elderly|friendly|lonely|lovely|ugly|holy|silly|costly|"
_AUX += r"deadly|likely|unlikely|early|only|italy|sicily|kelly|emily|billy|molly|polly|sally|wally)\b)"
_AUX += r"(?-i:[a-z]{2,}ly))\s+)*"
_AFTER_NP_FIRST = re.compile(rf"^[\s,—–-]*(?P<np>{_NP}){_APPOS}\s+{_AUX}{_CUE}", re.I)
# "“…” for criminal behaviour, she said.": the attribution closes the sentence after a few more words
_AFTER_TAIL = re.compile(rf"^[^“”\"«»]{{0,100}}?,\s*(?P<np>{_NP}){_APPOS}\s+{_CUE}\s*[.!?]?\s*$", re.I)
# "“…” about the decision, said Ana Ruiz, a union leader.": the verb first, after the words that finish the sentence
_AFTER_TAIL_CUE_FIRST = re.compile(
    rf"^[^“”\"«»]{{0,160}}?,\s*{_CUE}\s+(?!{_PRONOUN}\b)(?P<np>{_NP})(?:,[^“”\"«»]{{0,200}})?\s*[.!?]?\s*$", re.I
)
# a name or pronoun and any past-tense verb, for a quote that ends with a comma: "“…,” Kell assured the crowd."
_AFTER_NAME_VERB = re.compile(
    r"^\s*(?P<np>(?-i:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})|he|she|they|it|I|we)\s+"
    r"(?:(?:then|also|later|quickly|simply|finally)\s+)?(?P<cue>(?-i:[a-z]{3,}ed|read|wrote|began))\b"
)
_AFTER_VERB_NAME = re.compile(
    r"^\s*(?P<cue>(?-i:[a-z]{3,}ed))\s+(?P<np>(?-i:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))(?<![’'s])\s*[.!]?\s*$"
)
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
    r"(?:,\s*|\s(?:while|as|before|after|by|upon)\s+)"
    r"(?:saying|adding|telling [\w ]{1,30}|noting|warning|arguing|insisting|writing|tweeting|posting|chanting|"
    r"shouting|declaring|explaining|asking|calling|promising|vowing|yelling|singing|remarking|replying|"
    r"responding|interjecting|stating|joking|quipping)"
    # a short circumstance after the participle: "saying at one point,", "writing on Twitter:"
    r"(?:\s+(?:at|in|on|during|to|from|with|via|after|before|of)\s+[\w’'. -]{1,40}?)?"
    r"\s*[,:]?\s*(?:that\s*)?$",
    re.I,
)
_ACCORDING = re.compile(rf"according to\s+(?P<np>{_NP})\s*[,:]?\s*$|according to\s+(?P<np2>{_NP})[,.]", re.I)
# the verb before its speaker at the start of the sentence or after a comma: "Said Ana Ruiz, a neighbour, “…”"
_INVERTED_BEFORE = re.compile(
    r"(?:^|[,;]|\b(?:But|And|Yet|Still|Or))\s*"
    r"(?P<cue>said|says|added|adds|explained|explains|asked|asks|wrote|writes|continued|replied|recalled|noted|"
    r"remembered|warned|argued|recounted|quipped|joked)\s+"
    r"(?P<np>(?-i:[A-Z][\w’'·.()-]*(?:\s+[A-Z][\w’'·.()-]*){0,4}))(?:,\s*[^“”\"«»;:!?]{1,160}?)?\s*[,:]\s*$",
    re.I,
)
_COLON = re.compile(rf"(?P<np>{_NP})\s*:\s*$")
_FRAME_CUE = re.compile(rf"(?P<np>{_NP}){_APPOS}\s+{_AUX}{_CUE}", re.I)
# periods that do not end a sentence: titles, initials, party tags ("Mr. Grant", "Laura B. Bennett", "(D-Val.)"),
# state abbreviations
_ABBREV_DOT_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Atty|Supt|Det|Adm|Maj|Cpl|Pvt|Sens|Reps|Del|Amb|Cmdr|Hon|Insp)\."
    r"|\b[A-Z]\.(?=\s*[A-Z])|\([A-Z]-[A-Za-z]{1,6}\.(?=\))|\([A-Z][a-z]{1,4}\.(?=\))"
    # a US state after a town ("Everett, Wash., recently")
    r"|(?<=, )(?:Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev"
    r"|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\.(?=,)"
)


def _mask_abbreviations(text: str) -> str:
    """The same text (same length) with the periods of abbreviations replaced by a middle dot."""
    return _ABBREV_DOT_RE.sub(lambda m: m.group(0)[:-1] + "·", text)


def _join_abbreviation_breaks(sentences: Sequence[Sentence], masked: str) -> list[Sentence]:
    """The sentences with a break after an abbreviation undone: the model ends a sentence at "(I-Vt.)" or
    "Sen." ("Sen. Ana Ruiz (I-Vt.) | said Sunday …"), where the masked text shows no sentence end."""
    joined: list[Sentence] = []
    for sent in sentences:
        tail = masked[joined[-1].start : joined[-1].end].rstrip() if joined else ""
        if tail.endswith(("·", "·)")) and "\n" not in masked[joined[-1].end : sent.start]:
            joined[-1] = Sentence(joined[-1].start, sent.end)
        else:
            joined.append(sent)
    return joined


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
    lowercased: bool = False  # the whole article is in lower case: names are found by their place, not capitals


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
    longer = _description_tail(ctx, offset, end)
    if longer > end:
        # "said a longtime adviser to both Castles": the description with its prepositional phrase
        return _speaker_from_np(ctx, ctx.text[offset:longer], offset)
    if last in PRONOUNS:
        at = offset + np_clean.rfind(words[-1])
        who = (_antecedent_org(ctx, at) if last == "it" else None) or _antecedent(ctx, at, last)
        return who, (words[-1], at, at + len(words[-1]))
    if last in ("who", "whom"):
        # "…, Ana Ruiz, who joked, “…”": the relative pronoun stands for the person right before it
        at = offset + np_clean.rfind(words[-1])
        if len(words) == 1:
            person = _person_ending_at(ctx, at)
            return (person.canonical, (words[-1], at, at + len(words[-1]))) if person else (None, None)
        return None, None  # "a young woman who suggested": a clause, not a speaker
    if last in _NOT_HEADS:
        return None, None  # "The question this hour is:", "the plan and": a phrase cut short, not a speaker
    if _AGE_BACK_RE.fullmatch(np_clean):
        # "the 28-year-old said": the person just described, as a pronoun would be
        who = _antecedent(ctx, offset, "they")
        return (who, (np_clean, offset, end)) if who else (None, None)
    if words[0].lower() in _LEADING_NOT_SPEAKER:
        # "adding that its value quadrupled", "In a statement released Thursday": reported speech or a
        # circumstance, never the one who speaks
        return None, None
    if words[0].lower().strip(",") in _LEADING_LINKS and len(words) > 1:
        # "and as Elena Marsh went on": the subject after the linking words
        rest = np_clean[len(words[0]) :].lstrip()
        return _speaker_from_np(ctx, rest, end - len(rest))
    if words[0].lower() in ("which", "who") and len(words) > 1:
        if words[1].lower() in _VERBISH or words[1].lower() in _NOT_HEADS:
            return None, None  # "which is also streamed on Hulu --": a relative clause, not a speaker
        # "… -- which Apple's chief executive, Tim Cook, called “…”": the phrase after the pronoun
        rest = np_clean[len(words[0]) :].lstrip()
        return _speaker_from_np(ctx, rest, end - len(rest))
    described = words[0].lower() in _DETERMINERS and len(words) > 1 and words[1][:1].islower()
    owned = _OWNED_RE.match(np_clean)
    fronted = words[0].lower() in _FRONTED_TOPIC and len(words) > 1
    if (
        (words[-1][:1].islower() and last.isalpha())
        or described
        or fronted
        or (owned and owned.group("role")[:1].islower())
    ):
        # a description, or an owner's role ("Apple's chief executive"), then a name in apposition; a fronted
        # topic ("Of Carlo Denz, Ana Ruiz said") is not the subject either. A name before the apposition speaks
        # ("Tom Rivers, Castle's campaign manager, said": Rivers, not Castle)
        named = _apposed_person(ctx, end)
        if named:
            # "His former partner at Lenox, Lawrence Cummings, said": the name in the apposition speaks
            return named.canonical, (named.text, named.start, named.end)
    if last in _CONJUNCTIONS:
        # "Elena Marsh toured the site sponsored by the bank and said: “…”": the sentence's subject, or the
        # description that opens the phrase ("The nominee also toured the site and said")
        found = _sentence_subject_at(ctx, offset)
        if found[0] or len(words) < 3:
            return found
        cut = next((k for k, w in enumerate(words) if k and (w.lower() in _VERBISH or w.lower().endswith("ed"))), 0)
        return _speaker_from_np(ctx, " ".join(words[:cut]), offset) if cut else (None, None)
    head, comma, _ = np_clean.partition(",")
    owned_head = _OWNED_RE.match(head.rstrip()) if comma else None
    if owned_head and owned_head.group("role").lower().split()[-1] in _AGENTS:
        # a subject with its apposition, "Mayor Cartalo's son, Piet, defended her": the son, by name
        named = _apposed_person(ctx, offset + len(head.rstrip()))
        if named:
            return named.canonical, (named.text, named.start, named.end)
    owner = _OWNED_RE.match(np_clean)
    if owner and owner.group("role").lower().split()[-1] in _DOCUMENTS:
        # "Elena Marsh's statement said": the owner of a publication speaks, never the publication
        return _owner_speaker(ctx, offset, offset + owner.end("owner"))
    if owner and owner.group("role").lower().split()[-1] in _AGENTS:
        # "Mayor Cartalo's spokeswoman, Dara Quell, said": the spokeswoman speaks, by name when given
        named = _apposed_person(ctx, end)
        if named:
            return named.canonical, (named.text, named.start, named.end)
        return np_clean, (np_clean, offset, end)
    person_inside = any(
        offset <= e.start < end and e.label == "PERSON" and not _DOCUMENTS & set(e.text.lower().split())
        for e in entities[bisect_right(starts, offset - 1) :]
    )
    if (
        any(w.lower().strip(",.") in _DOCUMENTS for w in words[:4])
        and not _names_an_org(ctx, offset, end, words)
        # "Post bureau chief Ana Ruiz": a paper's name before a person named in full is no document
        and not (person_inside and not any(w.strip(",.") in _DOCUMENTS for w in words[:4]))
    ):
        by = re.search(r"\b(?:from|by|of)\s+(.+)$", np_clean)
        found = _owner_speaker(ctx, offset + by.start(1), end) if by else (None, None)
        if not found[0] and words[0].lower() == "the" and len(words) == 2:
            issuer = _document_owner(ctx, offset, words[1].lower().strip(",."))[0]
            found = (issuer, (np_clean, offset, end)) if issuer else (None, None)
        if found[0] or not any(w.lower().strip(",.") in _POSTS for w in words[:4]):
            return found if found[0] else (np_clean, (np_clean, offset, end))
        return None, None  # "the tweet said", "a sign read": a post or caption with no author named in reach
    if (
        words[0].lower() in ("a", "an", "one", "another")
        and 2 <= len(words) <= 5
        and any(e.label == "NORP" and e.end == end for e in entities[bisect_right(starts, offset - 1) :])
    ):
        # "a New Hampshire Democrat", "another Valerian": one member of a party or nation, a person described
        return np_clean, (np_clean, offset, end)
    determiners = _DETERMINERS
    # "a spokeswoman for the hospital", "the Vermont senator": a determiner and a common noun as the head
    descriptive = (
        words[0].lower() in determiners and len(words) > 1 and (words[1][:1].islower() or words[-1][:1].islower())
    )
    if descriptive:
        head = ctx.text[max(0, offset - 80) : offset]
        m = re.search(r"([A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,3}),\s*$", head)
        if m:
            before = [e for e in entities if e.label == "PERSON" and e.end == offset - len(head) + m.end(1)]
            if before:
                return before[0].canonical, (before[0].text, before[0].start, before[0].end)
    inside = [
        e
        for e in entities[bisect_right(starts, offset - 1) :]
        if e.start < end and e.end <= end + 2 and not _is_storm(ctx, e) and not _in_party_tag(ctx, e)
    ]
    if not descriptive:
        for label in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
            for e in reversed(inside):  # the head of an English noun phrase comes last: "resident Agnes Pryor"
                if e.label == label and (label in ("PERSON", "ORG") or _whole_phrase(np_clean, e.text)):
                    # a place speaks only as the whole subject ("Ostrava said": its government); in a longer
                    # phrase ("Marrow Bay residents", "a crowd in Cairo") it is a place used as a place
                    who = _own_name(ctx, e) if label == "PERSON" else e.canonical
                    return who, (e.text, e.start, e.end)
        for m in re.finditer(r"\S+", np_clean):  # a person spaCy did not tag here, known in the article or input
            word = m.group(0)
            key = re.sub(r"(’s|'s|’|')$", "", word.strip(",.;:")).lower()
            name = ctx.people.get(key) if word[:1].isupper() and key not in _FUNCTION_WORDS else None
            if name and not _FUNCTION_WORDS & set(name.lower().split()):
                # ("In" or "He" capitalised at a sentence start are words, and a "name" holding one is a
                # recogniser's slip elsewhere in the input: "Murdoch In", "Trump Says He")
                return name, (word, offset + m.start(), offset + m.end())
    if (
        not descriptive
        and 1 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and words[0].lower().strip(",") not in _NOT_NAMES
        and not _STORM_RE.search(np_clean)
        and not any(e.label in ("GPE", "LOC", "NORP") for e in inside)
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
        titles |= {t for w in titles for t in _ROLE_SYNONYMS.get(w, ())}  # "the judge": "Justice Maniam"
        for e in reversed([e for e in entities if e.start < offset and e.label == "PERSON" and e.role]):
            if titles & {w.lower().strip(",.") for w in (e.role or "").split()}:
                return e.canonical, (np_clean, offset, end)
    if descriptive and len(words) <= 3:
        # "the ministry said": the organisation of the article whose name has that noun
        noun = words[-1].lower()
        for e in reversed([e for e in entities if e.start < offset]):
            if e.label == "ORG" and noun in e.canonical.lower().split():
                return e.canonical, (np_clean, offset, end)
    if descriptive and len(words) <= 12 and not _VERB_WORDS & {w.lower() for w in words}:
        return np_clean, (np_clean, offset, end)  # "a spokeswoman for the hospital": the best name there is
    if not any(w[:1].isupper() for w in words):
        lower_name = _lowercase_name(ctx, words)
        if lower_name:
            return lower_name, (np_clean, offset, end)
    if _is_group(words):
        return np_clean, (np_clean, offset, end)  # "Protesters marching by chanted", "Marrow Bay residents said"
    return None, None


_DETERMINERS = ("a", "an", "the", "my", "his", "her", "their", "our", "its", "one", "another", "some")
_AGE_BACK_RE = re.compile(r"the\s+\d{1,3}-year-old(?:\s+[a-z]+)?", re.I)
_NOT_HEADS = frozenset(
    "is are was were be been being am has have had do does did will would can could should may might must "
    "this that these those which there here it's that's what whether if than to of for from with by at in on "
    "about as like such the a an".split()
)
_CONJUNCTIONS = frozenset({"and", "but", "then"})
_FUNCTION_WORDS = (
    _NOT_HEADS
    | PRONOUNS
    | frozenset(
        "in on at for from with by of to as and or but the a an he she they we it his her their our its my who "
        "what when where why how just more most says said says called gave some all not no so up out over into "
        "after before".split()
    )
)
# the words after a speaker that make the speaker's agent or a publication of theirs the subject
_AGENTS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople representative representatives adviser advisor advisers "
    "advisors aide aides lawyer lawyers attorney attorneys counsel secretary deputy assistant manager agent "
    "staff staffer staffers surrogate surrogates envoy campaign office team son daughter wife husband mother "
    "father brother sister friend".split()
)
_DOCUMENTS = frozenset(
    "tweet tweets post posts statement statements report reports letter memo email e-mail ad ads advertisement "
    "video sign signs banner banners poster placard placards caption headline headlines article editorial book "
    "document documents release filing lawsuit complaint bill law bylaws website message text note transcript "
    "poll survey study slogan t-shirt shirt leaflet flyer column story op-ed blog page petition".split()
)
_OWNED_RE = re.compile(r"^(?:the\s+)?(?P<owner>[A-Z][^’']{0,60}?)(?:’s|'s|’)\s+(?P<role>(?:[\w-]+\s+){0,2}[\w-]+)$")
# posts and captions: the words of whoever wrote them, never a speaker of their own
_POSTS = frozenset(
    "tweet tweets post posts ad ads advertisement video sign signs banner banners poster placard placards caption "
    "headline headlines slogan t-shirt shirt leaflet flyer page message text".split()
)
_VERBISH = frozenset(
    "also has had have was were is are will would then later still again further once has just already".split()
)
_STORM_RE = re.compile(
    r"\b(?:Hurricane|Storm|Typhoon|Cyclone|Tornado|Tropical Depression)\s*$"
    r"|^(?:Hurricane|(?:Tropical )?Storm|Typhoon|Cyclone)\b",
    re.I,
)
_CLAUSE_OPENERS = frozenset(
    "when as while because if since although though whereas where until unless after before once whether so "
    "and but or which that".split()
)
_GROUP_STOP = frozenset("this thus its his has was does is always perhaps news politics as us yes less unless".split())


def _in_party_tag(ctx: _Context, e: Entity) -> bool:
    """A state inside a party tag ("Gov. John Kasich (R-OH)") is no speaker."""
    return re.search(r"\([RDI]-[\w.]{0,4}$", ctx.text[max(0, e.start - 6) : e.start]) is not None


def _is_storm(ctx: _Context, e: Entity) -> bool:
    """A named storm ("Storm Odile", "Hurricane Odile") is an event, never a speaker."""
    return bool(_STORM_RE.search(ctx.text[max(0, e.start - 20) : e.start]) or _STORM_RE.search(e.text))


def _whole_phrase(np_clean: str, name: str) -> bool:
    """The phrase is the name and nothing more (a leading "the" and a possessive aside)."""
    bare = re.sub(r"^the\s+", "", np_clean, flags=re.I)
    bare = re.sub(r"(’s|'s|’)$", "", bare)
    return bare == name or bare == re.sub(r"^the\s+", "", name, flags=re.I)


_VERB_WORDS = frozenset("is are was were be been being am might would will can could should may must".split())
_LEADING_NOT_SPEAKER = frozenset("that in on at during into than".split())
_FRONTED_TOPIC = frozenset("of about regarding for".split())  # "Of Denz, Ana Ruiz said": the topic, then the subject
_LEADING_LINKS = frozenset("and but or so yet as while when if because after before then".split())


def _is_group(words: Sequence[str]) -> bool:
    """A bare plural description of people ("Protesters marching past", "Marrow Bay residents"): no
    determiner, a plural common noun as its first or last word and nothing else capitalised after it."""
    if not 1 <= len(words) <= 8:
        return False
    first, last = words[0].strip(",."), words[-1].strip(",.")

    def plural(w: str) -> bool:
        return len(w) > 3 and w.lower().endswith("s") and w.isalpha() and w.lower() not in _GROUP_STOP

    if {w.lower() for w in words} & (_VERB_WORDS | {"where", "what", "when", "why", "how", "who"}):
        return False  # "troops are the answer": a clause, not a group of people
    if (
        plural(first)
        and first[:1].isupper()
        and first.lower() not in _NOT_NAMES
        and all(w[:1].islower() for w in words[1:])
    ):
        return True
    return plural(last) and last[:1].islower() and len(words) <= 4


def _names_an_org(ctx: _Context, start: int, end: int, words: Sequence[str]) -> bool:
    """The phrase is itself an organisation ("The Washington Post") rather than a publication noun."""
    return any(e.label == "ORG" and e.start <= start + 4 and e.end >= end - 1 for e in ctx.entities if e.start < end)


def _owner_speaker(ctx: _Context, start: int, end: int) -> tuple[str | None, MentionSpan | None]:
    """The person or organisation named in [start, end) (a publication's owner or author), if any."""
    for label in ("PERSON", "ORG"):
        for e in ctx.entities:
            if start <= e.start < end and e.label == label and not _is_storm(ctx, e):
                return e.canonical, (e.text, e.start, e.end)
    return None, None


def _document_owner(ctx: _Context, before: int, noun: str) -> tuple[str | None, MentionSpan | None]:
    """ "…,” said the statement.": whoever the latest sentence mentioning a statement (within 1,500
    characters before) names first, outside quotes ("In a statement, the Attorney-General's Chambers said")."""
    window = max(0, before - 1500)
    for m in reversed(list(re.finditer(rf"\b{re.escape(noun)}\b", ctx.text[window:before], re.I))):
        at = window + m.start()
        if not _outside_quotes(ctx, at):
            continue
        sent = _sentence_of(ctx, at)
        if re.match(
            rf"\s*(?:the\s+)?{re.escape(noun)}\s+(?:also\s+)?{_CUE_ANON}", ctx.masked[sent.start : sent.end], re.I
        ):
            continue  # "The report said …": the document speaks there too; an earlier mention names its issuer
        verb = _CUE_AT.search(ctx.masked, at, sent.end)
        stop = verb.start() if verb else sent.end  # the subject stands before the verb: not "… said La believed"
        for e in ctx.entities:
            if sent.start <= e.start < stop and e.label in ("ORG", "PERSON") and _outside_quotes(ctx, e.start):
                return e.canonical, None
        if verb:  # a name the recogniser missed, right before the verb: "…, the Attorney-General's Chambers said"
            named = re.search(
                r"(?:^|,\s*)(?:the\s+)?(?P<np>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5})\s+$", ctx.masked[at:stop]
            )
            if named and named.group("np").split()[0].lower() not in _NOT_NAMES:
                return named.group("np"), None
        return None, None  # the latest mention decides, named or not
    return None, None


def _apposed_person(ctx: _Context, end: int) -> Entity | None:
    """The person named in an apposition right after ``end``: "his spokesman, Ali Dorn, said"."""
    gap = re.match(r"\s*,\s*", ctx.text[end : end + 4])
    if not gap:
        return None
    at = end + gap.end()
    title = re.match(r"(?:[A-Z][a-z]{1,4}\.\s+)+", ctx.text[at : at + 24])  # "Gov. Ann Lorry", "Sen. Ali Dorn"
    starts = (at, at + title.end()) if title else (at,)
    found = next((e for e in ctx.entities if e.start in starts and e.label == "PERSON"), None)
    if found:
        return found
    # a name the recogniser missed, closed by a comma or the verb: "Schilling's son, Grant, said"
    m = re.match(
        r"((?:[A-Z][\w’'-]*[.·]?\s+){0,3}[A-Z][\w’'-]+)\s*(?:,|$|\s+(?:said|says|told)\b)", ctx.masked[at : at + 60]
    )
    if m and m.group(1).split()[0].lower() not in _NOT_NAMES | _FUNCTION_WORDS:
        name = m.group(1)
        canonical = ctx.people.get(name.lower(), ctx.people.get(name.split()[-1].lower(), name))
        return Entity(name, at, at + len(name), "PERSON", canonical)
    return None


def _person_ending_at(ctx: _Context, at: int) -> Entity | None:
    """The person named right before a relative pronoun at ``at`` ("Ana Ruiz, who …")."""
    head = ctx.text[max(0, at - 4) : at]
    gap = re.search(r",?\s*$", head)
    stop = at - (len(head) - gap.start()) if gap else at
    return next((e for e in reversed(ctx.entities) if e.end == stop and e.label == "PERSON"), None)


# what stands before a sentence's subject: a dateline ("DECATUR, Ill. —", "WASHINGTON, Dec. 8 (UPI) —"), then a
# circumstance ("In an interview with Ana Ruiz last year,", "Hours later,", "But a few days later,")
_DATELINE = r"(?-i:[A-Z][A-Z/ .'-]{2,})(?:,\s*[\w.· ]{1,20})?(?:\s*\([^()]{1,30}\))?\s*(?:[—–]|(?<=[A-Z]):)\s*"
_CIRCUMSTANCE = (
    r"(?:(?:But|And|So|Yet|Still|However|Meanwhile|Instead|Then|Also),?\s+)?"
    r"(?:(?:In|On|At|During|After|Before|Following|Despite|Amid|Since|Asked|Speaking|Responding|Appearing|Later"
    r"|Earlier|Then|Last|This|Over|Under|With)\b[^,“”\"]{0,120}|(?:[\w’'-]+\s+){0,3}(?:later|earlier|ago))\s*,"
)
_FRONTED_RE = re.compile(rf"\s*(?:{_DATELINE}(?:{_CIRCUMSTANCE})?|{_CIRCUMSTANCE})")


def _sentence_subject_at(ctx: _Context, pos: int) -> tuple[str | None, MentionSpan | None]:
    """The subject of the sentence holding ``pos``: a leading he/she, or its first person or organisation
    after a fronted dateline or circumstance."""
    sent = _sentence_of(ctx, pos)
    start = max(sent.start, ctx.text.rfind("\n", 0, pos) + 1)
    fronted = _FRONTED_RE.match(ctx.masked, start, pos)
    if fronted and ctx.masked[fronted.end() : pos].strip():
        start = fronted.end()
    pronoun = re.match(r"\s*(He|She)\b", ctx.text[start:pos])
    if pronoun:
        at = start + pronoun.start(1)
        who = _antecedent(ctx, at, pronoun.group(1).lower())
        return (who, (pronoun.group(1), at, at + len(pronoun.group(1)))) if who else (None, None)
    for e in ctx.entities:
        if start <= e.start < pos and e.label in ("PERSON", "ORG") and _outside_quotes(ctx, e.start):
            return e.canonical, (e.text, e.start, e.end)
    return None, None


_LOWER_NAME_STOP = frozenset(
    "the a an his her their its our my this that police officials official residents resident witnesses witness "
    "officer officers chief spokesman spokeswoman spokesperson reporters reporter he she they it we i you one "
    "someone everyone people mr mrs ms dr sen rep gov".split()
)


def _lowercase_name(ctx: _Context, words: Sequence[str]) -> str | None:
    """In an article set all in lower case, a name after a speech verb: "said 23-year-old nicholas harris".

    A name the article gave before (with capitals or found here) is looked up; otherwise the last two or
    three plain words after an age or a title are taken as a first name and surname, and remembered.
    """
    bare = [w.strip(",.") for w in words]
    known = ctx.people.get(" ".join(bare[-2:])) if len(bare) >= 2 else None
    if not known and ctx.lowercased and len(bare) <= 2:
        known = ctx.people.get(bare[-1])  # a lone surname only where capitals cannot tell a name from a word
    if known or not ctx.lowercased:
        return known
    k = 0
    while k < len(bare) and (any(c.isdigit() for c in bare[k]) or bare[k].lower() in _TITLE_LIKE):
        k += 1
    name = bare[k:]
    if not 2 <= len(name) <= 3 or any(not re.fullmatch(r"[a-z][a-z’'-]*", w) or w in _LOWER_NAME_STOP for w in name):
        return None
    full = " ".join(w[:1].upper() + w[1:] for w in name)
    for key in (full.lower(), name[-1], name[0]):
        ctx.people.setdefault(key, full)
    return full


_TITLE_LIKE = frozenset(
    "resident mayor minister senator governor president spokesman spokeswoman officer chief engineer teacher "
    "student farmer nurse doctor dr mr mrs ms sen rep gov former local retired witness neighbour neighbor "
    "owner driver volunteer".split()
)


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
    "prosecutor",
}  # fmt: skip
_ROLE_SYNONYMS = {
    "judge": ("justice", "magistrate", "commissioner", "registrar"),
    "prosecutor": ("dpp", "app", "prosecutors"),
}
_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _outside_quotes(ctx: _Context, pos: int) -> bool:
    return not any(a <= pos < b for a, b in ctx.quote_ranges)


# a possessive after a name, not the contraction of "has" or "is" ("Kell's been saying", "Kell's not")
_POSSESSIVE_AFTER_RE = re.compile(
    r"[’'](?:s\b|(?!s))(?!\s+(?:been|got|gotten|gone|said|told|had|done|made|not|also|just|already|never|still|always|"
    r"a|an|the|going|trying|saying|getting|now|back|out|right|in|on|at)\b)"
)


def _antecedent(ctx: _Context, before: int, pronoun: str = "he") -> str | None:
    """The person a pronoun refers to: the subject of the latest sentence before it that names someone.

    People named inside quotes are not candidates, nor people known to take the other pronoun.
    """
    want = _GENDER.get(pronoun)
    idx = bisect_right(ctx.starts, before - 1)
    candidates = [
        e
        for e in ctx.entities[:idx]
        if (e.label == "PERSON" or _TITLED_RE.match(e.text))
        and e.start < before
        and _outside_quotes(ctx, e.start)
        and _may_be_person(e.text)
    ]
    if want and ctx.gender:
        candidates = [e for e in candidates if ctx.gender.get(e.canonical, want) == want]
    since = _sentence_of(ctx, candidates[-1].start).end if candidates else max(0, before - 600)
    missed = _unrecognised_subject(ctx, since, before)
    if missed:
        return missed
    if not candidates:
        return None
    last = candidates[-1]
    sent = _sentence_of(ctx, last.start)
    in_sentence = [e for e in candidates if e.start >= sent.start]
    # the subject stands after a fronted circumstance and is no possessive: "On Kell's claim that …, Ruiz said
    # he believes" is Ruiz
    fronted = _FRONTED_RE.match(ctx.masked, sent.start, before)
    subjects = [
        e
        for e in in_sentence
        if not (fronted and e.start < fronted.end()) and not _POSSESSIVE_AFTER_RE.match(ctx.text, e.end)
    ]
    who = (subjects or in_sentence or [last])[0]
    if who.label != "PERSON":  # "Ms Donelan" tagged as an organisation: the person the input knows by that name
        return ctx.people.get(who.text.split()[-1].lower(), who.canonical)
    return _own_name(ctx, who)


def _antecedent_org(ctx: _Context, before: int) -> str | None:
    """What "it said" refers to: the latest organisation named outside quotes in the paragraph or the one
    before; never a person. None when there is none."""
    prev_end = ctx.text.rfind("\n", 0, before) + 1
    while prev_end > 0 and ctx.text[prev_end - 1] in "\n \t":
        prev_end -= 1
    para = ctx.text.rfind("\n", 0, prev_end) + 1  # the start of the paragraph before
    orgs = [
        e
        for e in ctx.entities[: bisect_right(ctx.starts, before - 1)]
        if e.start >= para and e.label == "ORG" and _outside_quotes(ctx, e.start) and not _is_storm(ctx, e)
    ]
    if not orgs:  # none in the two paragraphs: the latest organisation named in the 1,500 characters before
        orgs = [
            e
            for e in ctx.entities[: bisect_right(ctx.starts, before - 1)]
            if e.start >= before - 1500 and e.label == "ORG" and _outside_quotes(ctx, e.start) and not _is_storm(ctx, e)
        ]
    if not orgs:
        return None
    sent = _sentence_of(ctx, orgs[-1].start)
    return next(e for e in orgs if e.start >= sent.start).canonical  # the subject: the first of its sentence


# the last word of a "person" the recogniser found that makes it a place: "Woodlands Checkpoint"
_PLACE_HEADS = frozenset(
    "checkpoint road street avenue bridge park centre center building tower station airport mall hospital square "
    "highway expressway port island river lake hill market plaza hall stadium camp base estate county district "
    "province hotel restaurant cafe pub bar church cathedral museum school university college library".split()
)


# a personal title opens it: a person, whatever label the recogniser gave ("Dr Faishal" as an organisation)
_TITLED_RE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mdm|Madam|Dr|Prof)\.?\s+[A-Z]")


_PERSONAL_TITLE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mdm|Madam|Encik|Puan|Cik)\.?\s+$")
_PERSONAL_TITLES = frozenset("mr mrs ms miss mdm madam encik puan cik".split())
_HONORIFICS = frozenset("justice judge chief deputy prosecutor assoc associate professor prof dr sir dame lord".split())


def _own_name(ctx: _Context, e: Entity) -> str:
    """The canonical name of a person mention, unless the article's own words contradict it: a surname whose
    canonical form was met in another article with another title ("Mr Lim" is not "Mdm Lim") or another first
    name ("Prosecutor Melina Chew" is not "Maximilian Chew"); then the article's own form."""
    canonical = e.canonical
    words = canonical.split()
    if len(e.text.split()) != 1 or canonical == e.text:
        return canonical
    if all(re.search(rf"\b{re.escape(w)}\b", ctx.text) for w in words):
        return canonical  # the article itself has the full name: it is this article's person
    title = _PERSONAL_TITLE_RE.search(ctx.text[max(0, e.start - 8) : e.start])
    if title and words[0].lower() in _PERSONAL_TITLES and words[0].lower() != title.group(1).lower():
        return f"{title.group(1)} {e.text}"
    first = words[0].lower()
    if title and (
        (title.group(1).lower() in ("mrs", "ms", "miss", "mdm", "madam", "puan", "cik") and first in MALE_FIRST_NAMES)
        or (title.group(1).lower() in ("mr", "encik") and first in FEMALE_FIRST_NAMES)
    ):
        return f"{title.group(1)} {e.text}"  # "Ms Chew" of this article is not another article's "Maximilian Chew"
    prev = re.search(r"(?<![\w’'-])([A-Z][a-z]+)\s+$", ctx.text[max(0, e.start - 30) : e.start])
    if (
        prev
        and prev.group(1).lower() not in _TITLE_LIKE | _PERSONAL_TITLES | _NOT_NAMES | _ROLE_NOUNS | _HONORIFICS
        and prev.group(1) not in words
        and len(words) > 1
        and words[0].lower() not in _PERSONAL_TITLES
    ):
        return f"{prev.group(1)} {e.text}"  # the first name the article gives, not another article's
    return canonical


def _may_be_person(name: str) -> bool:
    """Not a date ("Jun 1") nor a place ("Woodlands Checkpoint") the recogniser took for a person."""
    words = name.split()
    if len(words) == 1 and name.isupper() and len(name) <= 5:
        return False  # "UN", "NEA": an acronym, not a name
    return bool(words) and not any(c.isdigit() for c in name) and words[-1].lower() not in _PLACE_HEADS


# a sentence that opens with a name and a reporting verb: "Alina Voss, 20, said she hoped …"
_SUBJECT_NAME_RE = re.compile(
    rf"\s*(?P<np>(?-i:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{1,3}})){_APPOS}\s+{_AUX}{_CUE_ANON}", re.I
)


def _unrecognised_subject(ctx: _Context, start: int, stop: int) -> str | None:
    """The latest sentence in [start, stop) outside quotes that opens with a two- to four-word name and a
    reporting verb, when the recogniser tagged no person there: that name (a person it missed)."""
    found = None
    i = max(0, bisect_right(ctx.sent_starts, start - 1))
    for sent in ctx.sentences[i:]:
        if sent.start >= stop:
            break
        if not _outside_quotes(ctx, sent.start):
            continue
        m = _SUBJECT_NAME_RE.match(ctx.masked, sent.start, min(sent.end, stop))
        if not m or m.group("np").split()[0].lower() in _NOT_NAMES | _FUNCTION_WORDS:
            continue
        a, b = m.start("np"), m.end("np")
        if any(e.start < b and e.end > a for e in ctx.entities):
            continue  # the recogniser named something here (a person is a candidate already; a place is not one)
        found = ctx.people.get(m.group("np").lower(), m.group("np"))
    return found


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


_GENDERED_PRONOUN_RE = re.compile(r"\b(?:(?P<m>he|his|him|himself)|(?P<f>she|her|hers|herself))\b", re.I)


def _pronoun_genders(
    text: str, entities: Sequence[Entity], sentences: Sequence[Sentence], quote_ranges: Sequence[tuple[int, int]]
) -> dict[str, str]:
    """The pronoun the article uses for each person: the first "he"/"she" (or "his"/"her") after a person
    who opens a sentence, in that sentence or the next, before anyone else is named, outside quotes, is a
    vote; a person's gender is the clear winner of two votes or more ("Sarandon said … She added" is "f")."""

    def quoted(pos: int) -> bool:
        return any(a <= pos < b for a, b in quote_ranges)

    people = [e for e in entities if e.label == "PERSON" and not quoted(e.start)]
    sent_starts = [s.start for s in sentences]
    votes: dict[str, list[int]] = {}
    for k, e in enumerate(people):
        si = bisect_right(sent_starts, e.start) - 1
        if si < 0 or (k and people[k - 1].start >= sentences[si].start) or text.startswith(("’s", "'s"), e.end):
            continue  # not the first person of its sentence, or an owner ("Marsh's campaign … after he")
        stop = sentences[si + 1].end if si + 1 < len(sentences) else sentences[si].end
        if k + 1 < len(people):
            stop = min(stop, people[k + 1].start)
        for m in _GENDERED_PRONOUN_RE.finditer(text, e.end, max(e.end, stop)):
            if not quoted(m.start()):
                votes.setdefault(e.canonical, [0, 0])[0 if m.group("m") else 1] += 1
                break
    found: dict[str, str] = {}
    for name, (male, female) in votes.items():
        if male >= 2 and male > 2 * female:
            found[name] = "m"
        elif female >= 2 and female > 2 * male:
            found[name] = "f"
    return found


def _genders(
    text: str,
    entities: Sequence[Entity],
    sentences: Sequence[Sentence] = (),
    quote_ranges: Sequence[tuple[int, int]] = (),
) -> dict[str, str]:
    """What the article itself says of its people's pronouns: titles (Mr., Ms.) and gendered roles, then
    first names that English gives one gender, then the pronouns that follow them (:func:`_pronoun_genders`)."""
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
    for e in entities:
        first = e.canonical.split()[0].lower() if e.label == "PERSON" and " " in e.canonical else ""
        if first in MALE_FIRST_NAMES:
            found.setdefault(e.canonical, "m")
        elif first in FEMALE_FIRST_NAMES:
            found.setdefault(e.canonical, "f")
    for name, gender in _pronoun_genders(text, entities, sentences, quote_ranges).items():
        found.setdefault(name, gender)
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
    (:mod:`.cues`); English, and a language without a table, with the English rules here.
    """
    entities = sorted(entities, key=lambda e: e.start)
    spans = find_quote_spans(text, blocks)
    masked = _mask_abbreviations(text)
    sentences = _join_abbreviation_breaks(sentences, masked)
    ctx = _Context(
        text,
        entities,
        [e.start for e in entities],
        sentences,
        [s.start for s in sentences],
        dict(people or {}),  # a copy: names found in lower-cased text are added to it
        masked=masked,
        quote_ranges=tuple((sp.start, sp.end) for sp in spans),
        gender=_genders(text, entities, sentences, tuple((sp.start, sp.end) for sp in spans)),
        lowercased=_is_lowercased(text),
    )
    table = language_table(language)
    if table is not None and table.code != EN.code:
        return _assemble(ctx, _found_with_table(ctx, spans, table))
    found: list[_Found] = []
    for span in spans:
        kind = "fragment" if _is_fragment(ctx, span) else "full"
        listed = found[-1] if found and kind == "fragment" and _continues_a_list(ctx, found[-1].span, span) else None
        if listed and listed.speaker:
            # “…,” and “…” and “…”: quoted phrases listed after one verb share its speaker
            found.append(_Found(span, listed.speaker, listed.mention, listed.cue, kind))
            continue
        speaker, mention, cue = _attribute(ctx, span, kind)
        found.append(_Found(span, speaker, mention, cue, kind))
    return _assemble(ctx, found)


def _found_with_table(ctx: _Context, spans: Sequence[Span], table: LanguageTable) -> list[_Found]:
    from .cues import Attributor

    attributor = Attributor(table, ctx)
    found = []
    for span in spans:
        kind = attributor.kind(span)
        speaker, mention, cue = attributor.attribute(span, kind)
        found.append(_Found(span, speaker, mention, cue, kind))
    return found


def _continues_a_list(ctx: _Context, prev: Span, span: Span) -> bool:
    """Only "and", "or" or a comma stand between the previous quote and this one, in one sentence."""
    if prev.close_mark is None:
        return False
    between = ctx.text[prev.close_mark + prev.close_width : span.open_mark]
    return "\n" not in between and re.fullmatch(r"\s*,?\s*(?:(?:and|or)\s+)?", between) is not None


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


def _is_lowercased(text: str) -> bool:
    """An article set all in lower case (a feed that folds case): capitals cannot mark its names."""
    words = _WORD_RE.findall(text[:20000])
    letters = [w for w in words if w[:1].isalpha()]
    return len(letters) >= 8 and sum(w[:1].isupper() for w in letters) <= len(letters) // 50


# after the verb of a sentence that follows a closed quote, the start of a clause it reports: "Kasich said he …"
_CLAUSE_AFTER_CUE_RE = re.compile(r"\s+(?:that|he|she|they|it|we|I|there|his|her|its|their|the|a|an|this)\s")
_DIRECT_AFTER = (_AFTER_CUE_FIRST, _AFTER_NP_FIRST, _AFTER_ACCORDING, _AFTER_DASH)


def _try_after(
    ctx: _Context,
    span: Span,
    patterns: Sequence[re.Pattern[str]] = (*_DIRECT_AFTER, _AFTER_TAIL, _AFTER_TAIL_CUE_FIRST),
) -> tuple[str | None, MentionSpan | None, str | None]:
    after_start, after = _after_text(ctx, span)
    closed = ctx.text[span.start : span.end].rstrip()[-1:] in (".", "?", "!")
    for pattern in patterns:
        m = pattern.match(after)
        np_words = _WORD_RE.findall(m.group("np")) if m else []
        as_said = re.match(r"\s*as\s+", m.group("np"), re.I) if m and pattern is _AFTER_NP_FIRST else None
        if m and as_said and 2 <= len(np_words) <= 5 and np_words[1].lower() not in PRONOUNS | {"if", "though"}:
            # "“…,” as Kell said on Monday": the speaker after "as" (never "as if", nor "as he said they would")
            np_start = after_start + m.start("np") + as_said.end()
            speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : after_start + m.end("np")], np_start)
            if speaker:
                return speaker, mention, m.group("cue")
        if np_words and np_words[0].lower() in _CLAUSE_OPENERS and pattern is not _AFTER_CUE_FIRST:
            continue  # "“…,” when Okafor asked": a clause of its own, not the quote's attribution
        if m and pattern is not _AFTER_CUE_FIRST and (m.groupdict().get("cue") or "").lower().endswith("ing"):
            continue  # "“…” One hawker will buy it, adding that …": the participle brings the words after it
        if (
            m
            and pattern is _AFTER_NP_FIRST
            and closed
            and not re.match(r"(?:tel|tol|ask|remind|assur|warn|urg)", m.group("cue"), re.I)  # whom: "told the crowd"
            and _CLAUSE_AFTER_CUE_RE.match(after, m.end("cue"))
        ):
            continue  # "“….” Kasich said he would have fired him": a new sentence with words of its own
        if m and len(np_words) <= 12:
            np_start = after_start + m.start("np")
            speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : after_start + m.end("np")], np_start)
            if speaker:
                cue = m.groupdict().get("cue") or ("according to" if pattern is _AFTER_ACCORDING else "—")
                return speaker, mention, cue
    return None, None, None


_DESCRIPTION_PP_RE = re.compile(
    r"\s+(?:to|at)\s+(?!reporters\b|journalists\b)(?:(?!\b(?:as|when|while|after|before|who|which|where)\b)"
    r"[^“”\"«»,.;:!?\n]){1,60}?(?=\s*[,.;:!?]|$)"
)


def _description_tail(ctx: _Context, start: int, end: int) -> int:
    """Where a description after the verb ends: "said a longtime adviser to both Castles", "wrote the
    ambassador at the time, Ann Lorry" take their prepositional phrase (and so the name after it) along."""
    words = ctx.text[start:end].split()
    if len(words) < 2 or words[0].lower() not in _DETERMINERS or not words[-1][:1].islower():
        return end
    pp = _DESCRIPTION_PP_RE.match(ctx.masked, end)
    if not pp:
        return end
    if pp.group(0).split()[0] == "at" and not _apposed_person(ctx, pp.end()):
        return end  # "said the mayor at a rally": a circumstance, unless a name follows it in apposition
    return pp.end()


def _subject_phrase(ctx: _Context, start: int, stop: int) -> tuple[int, int] | None:
    """The words before the first verb of the clause at ``start`` (an auxiliary, an adverb like "also", or
    a past form), within its first eight words; None when no verb shows there."""
    relative, prev_end = False, 0
    for k, m in enumerate(re.finditer(r"[^\s,]+", ctx.masked[start:stop])):
        if k >= 8:
            return None
        word = m.group(0).lower()
        if relative and "," in ctx.masked[start + prev_end : start + m.start()]:
            relative = False  # "One trader, who gave no name, will buy": the relative clause is closed
        prev_end = m.end()
        if word in ("who", "which", "whom", "whose"):
            relative = True
        if (
            k
            and not relative
            and (
                word in _VERBISH
                or word in _IRREGULAR_PAST
                or (word.endswith("ed") and len(word) > 4)
                or _CUE_AT.fullmatch(word)
            )
        ):
            return start, start + m.start()
    return None


# past forms without "-ed" that end a subject as well: "Ana Ruiz sent it after Piet Kell published …"
_IRREGULAR_PAST = frozenset(
    "sent went made took gave got came became began brought bought built caught chose did drew drove fell felt "
    "fought found flew forgot held hid kept knew led left lent lost meant met paid ran rode rose saw sold shot "
    "shut sang sat slept spent spoke stood stole struck swore taught thought threw understood woke won wore "
    "wrote".split()
)


_CUE_AT = re.compile(rf"(?<![\w’'-]){_CUE}", re.I)
_NP_BEFORE_CUE = re.compile(rf"(?P<np>{_NP}){_APPOS}\s+{_AUX}$", re.I)
_NP_BEFORE_CUE_LAST = re.compile(rf"(?s:.*)(?P<np>{_NP}){_APPOS}\s+{_AUX}$", re.I)


_OWNER_BEFORE_RE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)|\w(?:’s|'s|’|'))\s+$", re.I
)


def _a_noun_here(text: str, at: int) -> bool:
    """A cue word after an owner or an article is a noun: "Reinholt's comments are", "his remarks"."""
    return _OWNER_BEFORE_RE.search(text[max(0, at - 40) : at]) is not None


def _in_a_name(text: str, at: int) -> bool:
    """A capitalised cue word after a capitalised word is part of a name: "the United States has"."""
    if not text[at : at + 1].isupper():
        return False
    prev = re.search(r"(\S+)\s+$", text[:at])
    return bool(prev and prev.group(1)[:1].isupper())


def _nearest_cues(before: str, lead_start: int) -> list[tuple[int, int, str]]:
    """Speaker phrases of the reporting verbs before a quote, the verb nearest the quote first.

    Each phrase is read between the verb and the verb before it: in "she said, but as Elena Marsh went on
    about “…”" the nearer "went on" has "as Elena Marsh"; in "The ad ends with footage of Marsh saying, “…”"
    "saying" has "with footage of Marsh", not "The ad".
    """
    all_cues = [
        m
        for m in _CUE_AT.finditer(before)
        if not _in_a_name(before, m.start("cue")) and not _a_noun_here(before, m.start("cue"))
    ]
    cues = [m for m in all_cues if len(before) - m.end() <= 80]
    out: list[tuple[int, int, str]] = []
    for m in reversed(cues):
        if m.group("cue").lower().endswith("ing") and re.search(
            r"(?:,|\b(?:while|as|before|after|by|when))\s*$", before[: m.start()], re.I
        ):
            continue  # "while chanting": this participle has no subject of its own (the participle rule's case)
        prev_end = max((c.end() for c in all_cues if c.end() <= m.start()), default=0)
        if prev_end and not before[prev_end : m.start()].strip(" ,"):
            # "Ana Ruiz, who called Piet shortly after the result was declared, told …": the verb before is in
            # the subject's relative clause, and the subject stands before that clause
            prev_end = 0
        region = before[prev_end : m.start()]
        np = _NP_BEFORE_CUE.search(region)
        if np and np.group("np").strip().lower() in _LEADING_LINKS and region[np.end("np") :].startswith(","):
            # "Or, as Ana Ruiz, a former mayor, put it": the subject is in the clause after the link word
            out.append((lead_start + prev_end + np.end("np"), lead_start + m.start(), m.group("cue")))
        elif np and np.group("np").strip():
            out.append((lead_start + prev_end + np.start("np"), lead_start + prev_end + np.end("np"), m.group("cue")))
            # the latest phrase that fits, for when the earliest is the reporter's clause and not a speaker
            # ("Perhaps it is a twist of irony, but … -- which Apple's chief executive, Tim Cook, called")
            late = _NP_BEFORE_CUE_LAST.match(region)
            if late and late.start("np") != np.start("np") and late.group("np").strip():
                a, b = lead_start + prev_end + late.start("np"), lead_start + prev_end + late.end("np")
                out.append((a, b, m.group("cue")))
            # a fronted clause, then the subject: "After winning the primary, Gov. Ana Ruiz (R-OH), said"
            segment = re.match(r",\s*([^,]+?)\s*,", region[np.end("np") :])
            if segment:
                a = lead_start + prev_end + np.end("np") + segment.start(1)
                out.append((a, a + len(segment.group(1)), m.group("cue")))
    return out


# a sentence that opens with he or she, after a word linking it to the sentence before ("Then he cut into …")
_LEADING_PRONOUN_RE = re.compile(
    r"\s*(?:(?:And|But|So|Yet|Then|Still|Later)(?:\s+then)?,?\s+)?(He|She|(?<=\s)he|(?<=\s)she)\b"
)


def _predicate_subject(ctx: _Context, at: int) -> tuple[str | None, MentionSpan | None]:
    """The subject of a sentence whose predicate starts at ``at`` (:func:`_sentence_subject_at`), but a person
    named before the predicate rather than an organisation in a title ("Senate Majority Leader Ana Ruiz,
    R-Val., delivered a message")."""
    speaker, mention = _sentence_subject_at(ctx, at)
    if mention is not None and mention[0].lower() not in ("he", "she"):
        for e in ctx.entities:
            if mention[1] <= e.start < at and e.label == "PERSON" and _outside_quotes(ctx, e.start):
                return e.canonical, (e.text, e.start, e.end)
    return speaker, mention


def _is_past_verb(word: str) -> bool:
    """A lower-case past form ("issued", "went"), as far as the spelling shows."""
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4)


def _try_before(
    ctx: _Context, span: Span, lead: tuple[int, str, int] | None = None
) -> tuple[str | None, MentionSpan | None, str | None]:
    """The attribution in the reporter's words before the quote. ``lead`` (start, words, end) reads other
    words than the quote's own sentence: the introduction that closes the previous paragraph."""
    lead_start, before, open_at = lead if lead else (*_lead(ctx, span), span.open_mark)
    adding = re.search(r",\s*adding(?:\s+that)?\b", before)
    if adding:
        # "…, said the spokesperson, adding that SIA “…”": the one the clause before "adding" names
        head = before[: adding.start()]
        m = _ENDS_WITH_ATTRIBUTION.search(head + ".") or _ENDS_WITH_ATTRIBUTION.search(
            head[: max(0, head.rfind(","))] + "."  # "said Ana Ruiz, the airline's spokeswoman, adding"
        )
        if m:
            group = "np" if m.group("np") else "np2"
            np_start = lead_start + m.start(group)
            speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : lead_start + m.end(group)], np_start)
            if speaker:
                return speaker, mention, "adding"
    inverted = _INVERTED_BEFORE.search(before)
    if inverted and not _in_a_name(before, inverted.start("cue")):
        # "Said Dara Quell, a neighbour, “…”" / "But, explained Quell, “…”": the verb first, then its speaker
        np_start = lead_start + inverted.start("np")
        speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : lead_start + inverted.end("np")], np_start)
        if speaker:
            return speaker, mention, inverted.group("cue")
    if _PARTICIPLE.search(before):
        pronoun = _LEADING_PRONOUN_RE.match(before)
        if pronoun and lead_start == _sentence_of(ctx, open_at - (lead is not None)).start:
            at = lead_start + pronoun.start(1)
            who = _antecedent(ctx, at, pronoun.group(1).lower())
            if who:
                return who, (pronoun.group(1), at, at + len(pronoun.group(1))), "saying"
        # "X criticised the plan, saying, “…”": the sentence's subject, the phrase before its first verb
        # ("Small groups of protesters circled the stadium - where the Panthers played - while chanting")
        # the words linking the sentence to the one before are no part of its subject ("And then Kell went on
        # the attack, saying")
        link = re.match(r"\s*(?:(?:and|but|so|yet|then|still)\b,?\s*)+", before, re.I)
        subject = _subject_phrase(ctx, lead_start + (link.end() if link else 0), open_at)
        fronted = _FRONTED_RE.match(before)
        if subject is not None and fronted and subject[1] <= lead_start + fronted.end():
            # a fronted circumstance, then the subject: "In a statement Thursday, Rep. Ana Ruiz reacted, saying:"
            subject = _subject_phrase(ctx, lead_start + fronted.end(), open_at) or subject
        elif subject is not None and fronted:
            # the subject phrase ran over the circumstance ("On Tuesday, Mr. Kell deflected …"): the words after it
            subject = (lead_start + fronted.end(), subject[1])
        sent = _sentence_of(ctx, open_at)
        if (
            subject is not None
            and lead is None
            and lead_start > max(sent.start, ctx.text.rfind("\n", 0, open_at) + 1)
            and ctx.text[subject[0] : subject[1]].strip()[:1].islower()
        ):
            # an earlier quote of the sentence cut the lead ("Kell insisted it was “premature” to back Ruiz's plan
            # while adding, “…”"): the words left are no subject, the sentence's subject is the participle's
            speaker, mention = _predicate_subject(ctx, lead_start)
            if speaker:
                return speaker, mention, "saying"
        if subject is not None:
            speaker, mention = _speaker_from_np(ctx, ctx.text[subject[0] : subject[1]], subject[0])
            return (speaker, mention, "saying") if speaker else (None, None, None)
        inside = [e for e in ctx.entities if lead_start <= e.start < open_at and e.label in ("PERSON", "ORG")]
        if inside:
            return inside[0].canonical, (inside[0].text, inside[0].start, inside[0].end), "saying"
    for np_start, np_end, cue in _nearest_cues(before, lead_start):
        if cue.lower().endswith("ing") and not before[: np_start - lead_start].strip():
            # the sentence's own clause before a participle: its subject (as below), after a dateline or a
            # fronted circumstance ("DECATUR, Ill. — Sen. Ana Ruiz weighed in …, calling")
            fronted = _FRONTED_RE.match(ctx.masked, np_start, open_at)
            if fronted and np_start < fronted.end() < open_at:
                np_start = fronted.end()
                np_end = max(np_end, np_start)
            np_start, np_end = _subject_phrase(ctx, np_start, np_end) or (np_start, np_end)
        first = re.match(r"\s*([a-z][\w-]*)", ctx.text[np_start:np_end])
        if cue.lower().endswith("ing") and first and _is_past_verb(first.group(1)):
            # "Mr. Kell, who …, issued a statement Tuesday saying": a predicate before the participle, whose
            # subject is the sentence's
            speaker, mention = _predicate_subject(ctx, np_start)
            if speaker:
                return speaker, mention, cue
            continue
        speaker, mention = _speaker_from_np(ctx, ctx.text[np_start:np_end], np_start)
        if speaker:
            return speaker, mention, cue
    # a bare colon ("Ana Ruiz: “…”") labels a quote on its own line, never one a paragraph later ("NBC has proof:")
    # unless the introduction is a short label ("Stated Ana Ruiz:", "Kell went on:")
    label = lead is None or len(before.split()) <= 4
    patterns = (_ACCORDING, _BEFORE_NP_CUE, _COLON, _FRAME_CUE) if label else (_ACCORDING, _BEFORE_NP_CUE, _FRAME_CUE)
    for pattern in patterns:
        matches = list(pattern.finditer(before))
        # a verb right before the quote is its cue; for a woven-in quote, the sentence's first (main) verb
        for m in matches if pattern is _FRAME_CUE else reversed(matches):
            if m.groupdict().get("cue") and (
                _in_a_name(before, m.start("cue")) or _a_noun_here(before, m.start("cue"))
            ):
                continue
            group = "np2" if m.groupdict().get("np2") else "np"
            np_start, np_end = lead_start + m.start(group), lead_start + m.end(group)
            if (
                m.groupdict().get("cue")
                and ctx.text[np_start:np_end].strip().lower() in _LEADING_LINKS
                and ctx.text[np_end : np_end + 1] == ","
            ):
                # "Or, as Ana Ruiz, a former mayor, put it:": the subject is in the clause after the link word
                np_start, np_end = np_end, lead_start + m.start("cue")
            dash = list(re.finditer(r"\s[-—–]{1,2}\s", ctx.text[np_start:np_end])) if pattern is _COLON else []
            if dash:
                # a digest line, "Pollsters missed the upset - Ana Ruiz: “…”": the label after the dash speaks
                np_start += dash[-1].end()
            first = re.match(r"\s*([a-z][\w-]*)", ctx.text[np_start:np_end]) if pattern is _COLON else None
            if first and _is_past_verb(first.group(1)) and not _CUE_AT.fullmatch(first.group(1)):
                # "Ana Ruiz, a harbour pilot, gave the plan a try in an interview with Radio Val on Tuesday:": a
                # predicate before the colon, whose subject is the sentence's, never a name inside it
                speaker, mention = _predicate_subject(ctx, np_start)
                if speaker:
                    return speaker, mention, ":"
                continue
            if (m.groupdict().get("cue") or "").lower().endswith("ing"):
                # "The town released a statement Wednesday saying …": the participle's subject is the clause's
                # subject, the words before its verb, never the whole clause (after a dateline: "DECATUR, Ill. —")
                fronted = _FRONTED_RE.match(ctx.masked, np_start, lead_start + m.start("cue"))
                if fronted and fronted.end() >= np_end:
                    np_start, np_end = fronted.end(), lead_start + m.start("cue")
                np_start, np_end = _subject_phrase(ctx, np_start, np_end) or (np_start, np_end)
            speaker, mention = _speaker_from_np(ctx, ctx.text[np_start:np_end], np_start)
            if speaker:
                cue = m.groupdict().get("cue") or ("according to" if pattern is _ACCORDING else ":")
                return speaker, mention, cue
    return None, None, None


def _sentence_subject(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    """For a fragment woven into a sentence with no reporting verb the rules know ("Reid has gone after
    Trump as a “…”"), the first person named in the sentence before it: English puts the subject first."""
    lead_start, lead = _lead(ctx, span)
    sent = _sentence_of(ctx, span.open_mark)
    start = max(sent.start, ctx.text.rfind("\n", 0, span.open_mark) + 1)
    if start < lead_start and _outside_quotes(ctx, start):
        # an earlier quote in the sentence cut the lead short ("Ramos lamented that the “danger” came from
        # Trump's ability … while “…”"): the subject before the sentence's first verb speaks
        speaker, mention = _subject_speaker(ctx, start, lead_start)
        if speaker:
            return speaker, mention, None
    pronoun = _LEADING_PRONOUN_RE.match(lead)
    if pronoun and lead_start == sent.start:
        at = lead_start + pronoun.start(1)
        who = _antecedent(ctx, at, pronoun.group(1).lower())
        if who:
            return who, (pronoun.group(1), at, at + len(pronoun.group(1))), None
    if lead_start == start:
        # the subject before the sentence's first verb, rather than the first full name, which may be its
        # object ("The agency declined to detail the inquiry's “…”", "The Harbour Party released a statement,
        # saying the plan is “…”", "One aide tried to downplay Kell's comments, saying they were “…”")
        fronted = _FRONTED_RE.match(ctx.masked, start, span.open_mark)
        speaker, mention = _subject_speaker(ctx, fronted.end() if fronted else start, span.open_mark, True)
        if speaker:
            return speaker, mention, None
    for e in ctx.entities:
        # a full name only: a lone capitalised word the model calls a person is too often not one ("Graffiti")
        if (
            lead_start <= e.start < span.open_mark
            and e.label == "PERSON"
            and " " in e.canonical
            and _outside_quotes(ctx, e.start)
        ):
            # the subject comes before any clause: "voters agreed that Clinton is in “…”" is the voters' view
            if _SUBORDINATE_RE.search(ctx.masked[lead_start : e.start]):
                break
            e = _head_person(ctx, e, span.open_mark)
            return e.canonical, (e.text, e.start, e.end), None
    return None, None, None


# verbs after a subject that make the sentence a description of it, not its words: "Guns are “…”", "The
# show was named “…”", "The new project will be dubbed “…”"
_NOT_ACTIVE = _VERB_WORDS | frozenset(
    "has had have also still then later titled entitled named dubbed nicknamed called known labeled labelled "
    "described termed branded".split()
)


def _subject_speaker(
    ctx: _Context, start: int, stop: int, active: bool = False
) -> tuple[str | None, MentionSpan | None]:
    """The speaker the words before the first verb of the clause at ``start`` name, when they are a subject:
    not a linking word or a subordinate clause ("While the plan …"), no quotation in them; with ``active``,
    only a phrase without a comma (no circumstance left in it) before a verb that is no form of "be" or "have",
    nor a passive naming."""
    adverb = re.match(
        r"\s*(?:Instead|However|Meanwhile|Still|Yet|Also|Separately|Now|Indeed|Moreover|Likewise),\s*",
        ctx.masked[start:stop],
    )
    if adverb:
        start += adverb.end()  # "Instead, the statement talked about": the subject after the sentence adverb
    subject = _subject_phrase(ctx, start, stop)
    words = ctx.text[subject[0] : subject[1]].split() if subject else []
    verb = re.match(r"\s*([\w’'-]+)", ctx.masked[subject[1] : stop]) if subject else None
    if (
        subject is None
        or not words
        or words[0].lower().strip(",") in _LEADING_LINKS | _CLAUSE_OPENERS
        or re.search(r"[“”\"«»]|''", ctx.text[start : subject[1]])
        or (active and (verb is None or verb.group(1).lower() in _NOT_ACTIVE or "," in ctx.text[start : subject[1]]))
    ):
        return None, None
    speaker, mention = _speaker_from_np(ctx, ctx.text[subject[0] : subject[1]], subject[0])
    if (
        active
        and mention is not None
        and len(mention[0].split()) > 1
        and words[0].lower() not in _DETERMINERS
        and not any(e.start == mention[1] and e.label in ("PERSON", "ORG") for e in ctx.entities)
    ):
        return None, None  # a bare phrase ("Vast crowds gathered … to view “…”") speaks only when it is a name
    return speaker, mention


# lower-case words between a modifier and the head of a phrase: "Obama spokesman", "Castle's campaign manager"
_ROLE_BETWEEN_RE = re.compile(r"(?:’s|'s|’)?\s+(?:[a-z][\w-]*\s+){1,4}(?:like\s+|such\s+as\s+)?")


_HEAD_ROLES = (
    _AGENTS
    | _ROLE_NOUNS
    | frozenset(
        "speechwriter speechwriters strategist strategists pollster official officials ally allies supporter "
        "supporters critic critics economist economists analyst analysts host chair chief adviser".split()
    )
)


def _head_person(ctx: _Context, e: Entity, stop: int) -> Entity:
    """The person a phrase is about when the first name in it only modifies a role: "Former Marsh spokesman
    Tom Rivers derided …" is Rivers, "Marsh advisers like Ann Lorry" is Lorry; otherwise ``e`` itself."""
    for later in ctx.entities:
        if e.end < later.start < stop and later.label == "PERSON":
            between = _ROLE_BETWEEN_RE.fullmatch(ctx.text, e.end, later.start)
            words = between.group(0).split() if between else []
            while words and words[-1] in ("like", "such", "as"):
                words.pop()
            if words and words[-1].lower() in _HEAD_ROLES and not any(w.endswith("ed") for w in words):
                return later
            break
    return e


_SUBORDINATE_RE = re.compile(rf"\b(?:that|which|who|whom|whose|whether|because|if|{CUES})\b", re.I)
# a transcript inside the marks: "“KELL: The pumps failed. … OKAFOR: Why?”"
_TRANSCRIPT_RE = re.compile(r"\s*(?P<name>[A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2}):\s")
_NOT_LABELS = frozenset({"UPDATE", "BREAKING", "NOTE", "EDITOR", "WARNING", "EXCLUSIVE", "WATCH", "READ", "VIDEO"})


def _transcript_label(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    """A quote that opens with a speaker label in capitals ("PENCE: Well, …") is that speaker's."""
    m = _TRANSCRIPT_RE.match(ctx.text, span.start, span.end)
    if not m or m.group("name").split()[0] in _NOT_LABELS or len(m.group("name").strip(".")) < 2:
        return None, None, None
    labels = list(_TRANSCRIPT_RE.finditer(ctx.text, span.start, span.end))
    labels = [x for x in labels if x.start() == span.start or ctx.text[x.start() - 2 : x.start()].strip() in ("…", ".")]
    if len({x.group("name") for x in labels}) > 1:
        # several speakers in one quoted transcript: it is credited to the one who says the most
        size: dict[str, int] = {}
        for k, x in enumerate(labels):
            stop = labels[k + 1].start() if k + 1 < len(labels) else span.end
            size[x.group("name")] = size.get(x.group("name"), 0) + stop - x.end()
        m = max(labels, key=lambda x: (size[x.group("name")], -x.start()))
    name = m.group("name")
    words = name.lower().split()
    canonical = ctx.people.get(name.lower()) or ctx.people.get(words[-1]) or name.title()
    return canonical, (name, m.start("name"), m.end("name")), ":"


# "…, engineer Ruta Kell said." / "…, said Ruta Kell.": a sentence that ends with its attribution
_ENDS_WITH_ATTRIBUTION = re.compile(
    rf",\s*(?:(?P<np>{_NP}){_APPOS}\s+{_AUX}{_CUE_ANON}|{_CUE_ANON}\s+(?P<np2>{_NP}))\s*[.]\s*$", re.I
)


# "Ruta Kell, an engineer, called the pumps a disgrace.": a sentence that opens with its speaker and a cue
_OPENS_WITH_ATTRIBUTION = re.compile(rf"\s*(?P<np>{_NP}){_APPOS}\s+{_AUX}{_CUE_ANON}(?P<np2>(?!))?", re.I)


def _previous_sentence(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    """A quote that opens a sentence right after "…, Kell said." in the same paragraph is Kell's: the
    paraphrase and the quote are one passage. Only that sentence is read; nothing further back."""
    lead_start, lead = _lead(ctx, span)
    sent = _sentence_of(ctx, span.open_mark)
    if lead.strip() or lead_start != sent.start:
        return None, None, None
    para = ctx.text.rfind("\n", 0, span.open_mark) + 1
    prev = _sentence_of(ctx, sent.start - 1) if sent.start > para else None
    if prev is None or prev.start < para:
        return None, None, None
    before = ctx.masked[prev.start : span.open_mark]
    marks = list(re.finditer(r"[“”\"«»]|''", before))
    if marks:
        # the previous sentence holds a quote of its own: its attribution, when it closes that sentence, goes on
        # to this quote ("“It is rare,” said Ana Ruiz, a lawyer. “It is also hard.”")
        at = marks[-1].end()
        tail = before[at:]
        if not tail.rstrip().endswith("."):
            return None, None, None
        for pattern in (_AFTER_CUE_FIRST, _AFTER_NP_FIRST):
            m = pattern.match(tail)
            if m and not (m.group("cue") or "").lower().endswith("ing"):
                words = _WORD_RE.findall(m.group("np"))
                if not words or len(words) > 12 or words[0].lower() in _CLAUSE_OPENERS:
                    continue
                np_start = prev.start + at + m.start("np")
                speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : prev.start + at + m.end("np")], np_start)
                if speaker:
                    return speaker, mention, "continues"
        return None, None, None
    fronted = _FRONTED_RE.match(before)
    # after a fronted circumstance too: "In response to Kell's charge, she said she had …. “…”"
    opens = _OPENS_WITH_ATTRIBUTION.match(before, fronted.end()) if fronted else None
    for m in (_ENDS_WITH_ATTRIBUTION.search(before), _OPENS_WITH_ATTRIBUTION.match(before), opens):
        if not m:
            continue
        group = "np" if m.group("np") else "np2"
        np_start = prev.start + m.start(group)
        speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : prev.start + m.end(group)], np_start)
        if speaker:  # ("…, Cummings, called him a master …": the end is no attribution; the opening is)
            return speaker, mention, "continues"
    return None, None, None


def _lead_ends_with_cue(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    """ "Marchers chanted “…” as they passed, a reporter wrote": the verb right before the quote names its
    speaker; a reporter's attribution at the end of the sentence is of the description, not of the chant."""
    _, lead = _lead(ctx, span)
    if not re.search(rf"\S\s+{_CUE_ANON}\s*[,:]?\s*$", lead, re.I):
        return None, None, None
    return _try_before(ctx, span)


_ANNOUNCES_TEXT = re.compile(r"\b(?:statement|following|remarks|tweeted|posted|message)\b", re.I)


# a headline that opens with its speaker: "Marsh: Council ‘Asleep At The Wheel’", "Kell On The Pumps: ‘…’"
_HEADLINE_LABEL = re.compile(
    r"\s*(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:\s+[Oo]n\s+[^:“”\"‘]{1,80}?)?:\s+(?P<rest>[^:“”\"‘]*)$"
)


def _headline_label(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    """A short line without a sentence end before the quote whose first words, before a colon, are a name."""
    para = ctx.text.rfind("\n", 0, span.open_mark) + 1
    para_end = ctx.text.find("\n", span.open_mark)
    line = ctx.masked[para : para_end if para_end != -1 else len(ctx.text)]
    before = ctx.masked[para : span.open_mark]
    if len(line.split()) > 25 or _SENTENCE_END_RE.search(before):
        return None, None, None
    m = _HEADLINE_LABEL.match(before)
    if not m or len(m.group("rest").split()) > 8:
        return None, None, None
    np_start = para + m.start("np")
    if re.fullmatch(r"[A-Z][A-Z/ .'-]+", m.group("np")) and (
        m.group("rest").strip() or any(e.start == np_start and e.label in ("GPE", "LOC") for e in ctx.entities)
    ):
        return None, None, None  # "SAN DIEGO: A contractor nicknamed “…”": a dateline, not a speaker
    speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : para + m.end("np")], np_start)
    return (speaker, mention, ":") if speaker else (None, None, None)


def _paraphrase_before(ctx: _Context, span: Span, prev_end: int) -> tuple[str | None, MentionSpan | None, str | None]:
    """A paragraph that is only a quote, after a paragraph whose last sentence reports its speaker's words
    ("Kell said the pumps would fail."): the news convention goes on from the paraphrase to the quote."""
    close = span.close_mark + span.close_width if span.close_mark is not None else span.end
    line_end = ctx.text.find("\n", close)
    if ctx.text[close : line_end if line_end != -1 else len(ctx.text)].strip():
        return None, None, None  # the paragraph goes on after the quote: its own words attribute it, or not
    prev_para = ctx.text.rfind("\n", 0, prev_end) + 1
    sent = _sentence_of(ctx, prev_end - 1)
    start = max(prev_para, sent.start)
    before = ctx.masked[start:prev_end]
    if re.search(r"[“”\"«»]|''", ctx.masked[prev_para:prev_end]):
        return None, None, None  # a paragraph with quotes of its own: the usual continuation decides
    for m in (_ENDS_WITH_ATTRIBUTION.search(before), _OPENS_WITH_ATTRIBUTION.match(before)):
        if not m:
            continue
        group = "np" if m.group("np") else "np2"
        words = _WORD_RE.findall(m.group(group))
        if not words or len(words) > 6 or words[0].lower() in _CLAUSE_OPENERS:
            continue
        np_start = start + m.start(group)
        speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : start + m.end(group)], np_start)
        if speaker:
            return speaker, mention, "continues"
    return None, None, None


def _paragraph_introduction(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    """A quote paragraph introduced by the paragraph before it, which ends with a colon ("Kell told the
    council:" / "The ministry said in a statement:") is the speaker of that introduction. Only the last
    sentence of the previous paragraph is read, and only when the quote opens its own paragraph."""
    para = ctx.text.rfind("\n", 0, span.open_mark) + 1
    if ctx.text[para : span.open_mark].strip():
        return None, None, None
    prev_end = len(ctx.text[:para].rstrip())
    if prev_end and ctx.text[prev_end - 1] in ".!?":
        return _paraphrase_before(ctx, span, prev_end)
    if prev_end == 0 or ctx.text[prev_end - 1] != ":":
        return None, None, None
    prev_para = ctx.text.rfind("\n", 0, prev_end) + 1
    start = max(prev_para, _sentence_of(ctx, prev_end - 1).start)
    before = ctx.masked[start:prev_end]
    last_close = max(before.rfind(mark) for mark in _CLOSING_MARKS)
    if last_close >= 0:
        start += last_close + 1
        before = before[last_close + 1 :]
    found = _try_before(ctx, span, (start, before, prev_end))
    if found[0] is None and _ANNOUNCES_TEXT.search(before):
        # "The ministry released the following statement:": the subject of the sentence, after a fronted clause
        fronted = re.match(r"\s*(?:In|On|At|During|After|Before|When|As|Later|Earlier)\b[^,“”\"]{0,80},", before)
        at = start + (fronted.end() if fronted else 0)
        subject = _subject_phrase(ctx, at, prev_end)
        if subject is not None:
            speaker, mention = _speaker_from_np(ctx, ctx.text[subject[0] : subject[1]], subject[0])
            if speaker:
                return speaker, mention, ":"
    return found


def _try_tail(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    return _try_after(ctx, span, (_AFTER_TAIL, _AFTER_TAIL_CUE_FIRST))


def _try_direct_after(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None]:
    found = _try_after(ctx, span, _DIRECT_AFTER)
    if found[0] is None and ctx.text[span.start : span.end].rstrip()[-1:] in (",", "?", "!"):
        # a quote cut at a comma (or a question) goes on with its attribution even when the verb is none of
        # the reporting verbs: "“…,” Ana Ruiz assured the crowd.", "“Really?” Kell questioned."
        found = _try_after(ctx, span, (_AFTER_NAME_VERB,))
    if found[0] is None and ctx.text[span.start : span.end].rstrip()[-1:] in (",", "?", "!", "."):
        # the verb first, any past form, then a name that closes the sentence: "“…?” reacted Kell."
        found = _try_after(ctx, span, (_AFTER_VERB_NAME,))
    return found


_ASKED_RE = re.compile(
    r"\b(?:was|were|is|are|been|being|be|gets|got)\s+asked\b(?:\s+by\s+(?P<np>[^“”\"«»,.;:!?]{1,120}?))?"
    r"(?P<rest>,[^“”\"«»]{0,200}?)?\s*[,:]?\s*$",
    re.I,
)


def _asked(ctx: _Context, span: Span) -> tuple[str | None, MentionSpan | None, str | None] | None:
    """ "Ana Ruiz was asked, “…”": the words are the question, and the one asked did not say them. The asker
    speaks when named ("was asked by the host, Piet Kell, “…”"); otherwise nobody the text names. None when
    the quote is not introduced so."""
    lead_start, before = _lead(ctx, span)
    m = _ASKED_RE.search(before)
    if not m:
        return None
    if m.group("np"):
        np_start = lead_start + m.start("np")
        speaker, mention = _speaker_from_np(ctx, ctx.text[np_start : lead_start + m.end("np")], np_start)
        return (speaker, mention, "asked") if speaker else (None, None, None)
    return None, None, None


def _attribute(ctx: _Context, span: Span, kind: str) -> tuple[str | None, MentionSpan | None, str | None]:
    """A full quote is usually attributed after it; a woven-in fragment by the verb that introduces it."""
    asked = _asked(ctx, span)
    if asked is not None:
        return asked
    close = span.close_mark + span.close_width if span.close_mark is not None else span.end
    handed_over = ctx.text[span.start : span.end].rstrip()[-1:] in (",", "?", "!") and re.match(
        rf"\s*{_CUE_ANON}\s+(?-i:[A-Z])", ctx.masked[close : close + 60], re.I
    )
    order = (
        # a fragment cut at a comma or a question that hands over to its verb and speaker right after it
        # (“…?” asked Kell) is theirs, whatever verb came earlier in the sentence: that one may be the
        # reporter's aside ("— as many believe, but Moscow denies — “…?” asked Kell")
        (_transcript_label, _headline_label, _try_direct_after, _try_before, _try_after, _sentence_subject)
        if kind == "fragment" and handed_over
        else (_transcript_label, _headline_label, _try_before, _try_after, _sentence_subject)
        if kind == "fragment"
        else (
            _transcript_label,
            _headline_label,
            _try_direct_after,
            _lead_ends_with_cue,
            _try_tail,
            _try_before,
            _previous_sentence,
            _paragraph_introduction,
        )
    )
    for attempt in order:
        found = attempt(ctx, span)
        if found[0]:
            return found
    return None, None, None


# the reporter's words between the pieces of one quoted sentence: an attribution and nothing else
# ("he said", "said Elena Marsh, the mayor,", "the minister told reporters on Monday"), then the punctuation
# that hands back to the quote; a clause of its own ("as a man held a sign reading") is not an attribution
# (a period ends a word only inside an abbreviation the masked text kept: "writes to Sullivan. He" is two sentences)
_WORD_CHAR = r"(?:[\w’'·()-]|\.(?!\s))"
_SPEAKER = rf"(?:{_PRONOUN}|(?:[A-Z]{_WORD_CHAR}*|the|a|an|his|her|their|its|our|my)(?:\s+{_WORD_CHAR}+){{0,5}}?)"
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
    if p.continues:  # left open at the end of its paragraph: only the quote that opens the next one goes on
        return _MARKS_AND_SPACE.fullmatch(ctx.text[p.end : nxt.span.open_mark]) is not None
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
