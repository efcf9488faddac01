"""Named people, organisations and places, each with one canonical name across the whole input.

spaCy finds the mentions. This module then cleans each mention (titles, possessives and stray
punctuation come off, and a title becomes the person's ``role``), links short forms to full names
("Blinken" → "Antony Blinken") first within the article and then across the input, and resolves
nominal mentions such as "the secretary" to the person whose role they name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..lang.en import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from ..model import Entity

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}

# Words that make a title when they stand before a name ("Defense Minister Lee", "Sen. Warren").
TITLE_WORDS = (
    "secretary|minister|president|vice|prime|premier|chancellor|mayor|governor|senator|sen\\.|rep\\.|representative|"
    "congressman|congresswoman|ambassador|envoy|general|gen\\.|admiral|adm\\.|colonel|col\\.|lt\\.|lieutenant|"
    "captain|capt\\.|sergeant|sgt\\.|officer|chief|commander|director|deputy|spokesman|spokeswoman|spokesperson|"
    "chairman|chairwoman|chair|ceo|executive|founder|king|queen|prince|princess|pope|judge|justice|attorney|"
    "commissioner|inspector|superintendent|leader|dr\\.|mr\\.|mrs\\.|ms\\.|prof\\.|professor|dean|bishop|"
    "archbishop|cardinal|rabbi|imam|sheikh|adviser|advisor|analyst|economist|engineer|candidate|nominee|"
    "coach|manager|head|resident|councillor|councilor|councilman|councilwoman|speaker|whip|marshal|sheriff|"
    "detective|trooper|firefighter|dr|mr|mrs|ms|foreign|defense|defence|finance|interior|health|state|"
    "environment|ports|energy|trade|justice|labour|labor|education|transport|home|deputy"
)
_ROLE_BEFORE_RE = re.compile(
    r"(?P<role>(?:(?:[A-Z][\w.’'-]*|of|the|and|for|to|on)\s+){0,7}?(?:[A-Z][\w.’'-]*\s+)*?"
    rf"(?:(?i:{TITLE_WORDS}))(?:\s+(?:of|for|to)(?:\s+the)?(?:\s+[A-Z][\w.’'-]*)+)?)\s+$"
)
_APPOSITION_AFTER_RE = re.compile(
    r"^,\s+(?:(?:a|an|the)\s+)?(?P<role>(?:former |acting |deputy |senior |chief |then-)*[a-zA-Z.’' -]{2,100}?"
    rf"\b(?i:{TITLE_WORDS})\b[^,.;:“”\"]{{0,80}}?)\s*(?=,|\.|;| told\b| said\b| says\b)"
)
_APPOSITION_BEFORE_RE = re.compile(
    rf"(?:^|[,.;]\s+|\b(?:and|but)\s+)(?:the|a|an)\s+(?P<role>[^,.;“”\"]{{2,80}}?\b(?i:{TITLE_WORDS})\b[^,.;“”\"]{{0,60}}?),\s+$"
)
# "Mayor Ines Cartalo's spokeswoman, Dara Quell": a role held for someone else, before the name
_OWNED_ROLE_BEFORE_RE = re.compile(
    r"(?:^|[,.;]\s+|\b(?:and|but|said|says)\s+)(?:the\s+)?(?P<role>(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*(?:’s|'s|’)"
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:(?i:{TITLE_WORDS})|aide|lawyer|representative))\s*,\s+$"
)
_POSSESSIVE_RE = re.compile(r"(’s|'s|’|')$")
_LEADING_TITLE_RE = re.compile(rf"^(?:(?i:{TITLE_WORDS})\s+)+(?=[A-Z])")
_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
_NOMINAL_RE = re.compile(
    r"\b(?P<mention>[Tt]he\s+(?P<noun>secretary|minister|president|mayor|governor|senator|ambassador|envoy|"
    r"chancellor|premier|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chief executive|ceo|general|"
    r"engineer|commander|director|judge|prince|king|queen|pope|diplomat|official|leader|candidate|coach))\b"
)
ALIASES = {
    "us": "United States", "u.s.": "United States", "u.s.a.": "United States", "usa": "United States",
    "united states": "United States", "america": "United States", "uk": "United Kingdom",
    "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "united kingdom": "United Kingdom", "un": "United Nations", "u.n.": "United Nations",
    "united nations": "United Nations", "eu": "European Union", "e.u.": "European Union",
    "european union": "European Union", "dprk": "North Korea", "rok": "South Korea",
}  # fmt: skip


@dataclass(slots=True)
class Mention:
    """A cleaned mention before canonical names are decided across the input."""

    text: str
    start: int
    end: int
    label: str
    role: str | None = None


def clean_mention(text: str, start: int, label: str) -> tuple[str, int] | None:
    """Strip possessives, titles, a leading "the" and punctuation; return the name and its new start."""
    name = text.strip()
    offset = start + (len(text) - len(text.lstrip()))
    name = _POSSESSIVE_RE.sub("", name).rstrip(" .,;:")
    if label == "PERSON":
        m = _LEADING_TITLE_RE.match(name)
        if m:
            name, offset = name[m.end() :], offset + m.end()
    elif label in ("ORG", "GPE", "LOC", "NORP"):
        m = _THE_RE.match(name)
        if m and not name[m.end() :][:1].islower():
            name, offset = name[m.end() :], offset + m.end()
    name = name.strip("“”\"'‘’ ")
    if not name or not any(c.isalpha() for c in name):
        return None
    return name, offset


def find_role(text: str, start: int, end: int) -> str | None:
    """A title before the name ("U.S. Secretary of State Antony Blinken") or an apposition around it."""
    before = text[max(0, start - 120) : start]
    before = before[max(before.rfind("\n") + 1, 0) :]
    m = _ROLE_BEFORE_RE.search(before)
    if m:
        role = m.group("role").strip()
        role = re.sub(r"^(?:(?:The|the|and|of|to|for|on)\s+)+", "", role)
        if (role and role[0].isupper()) or (role[:1].islower() and " " in role):
            return _POSSESSIVE_RE.sub("", role).strip() or None
    m = _APPOSITION_AFTER_RE.match(text[end : end + 200])
    if m:
        return m.group("role").strip()
    m = _APPOSITION_BEFORE_RE.search(before)
    if m:
        return m.group("role").strip()
    m = _OWNED_ROLE_BEFORE_RE.search(before)
    if m:
        return m.group("role").strip()
    return None


_TITLED_NAME_RE = re.compile(
    r"\b(?:Mayor|Minister|Secretary|President|Governor|Senator|Sen\.|Rep\.|Ambassador|Gen\.|General|Admiral|"
    r"Chancellor|Premier|Officer|Chief|Director|Commissioner|Judge|Justice|Dr\.|Mr\.|Mrs\.|Ms\.|Professor|Prof\.|"
    r"Chairman|Chairwoman|Chair|Spokesman|Spokeswoman|Councillor|Inspector|Sheriff|Detective|Captain|Capt\.|"
    r"Colonel|Col\.|Sergeant|Sgt\.|Engineer|Leader|Envoy|Deputy|Superintendent|Pope|King|Queen|Prince|Princess)"
    r"\s+(?P<name>(?:[A-Z][a-z’'-]+\s+){0,2}[A-Z][a-z’'-]*[a-z](?:-[A-Z]?[a-z]+)?)\b(?!\s+(?:of|for)\b)"
)


def titled_names(text: str) -> list[tuple[str, int, int, str]]:
    """Names right after a capitalised title ("Mayor Ines Cartalo"), which small models often miss."""
    return [(m.group("name"), m.start("name"), m.end("name"), "PERSON") for m in _TITLED_NAME_RE.finditer(text)]


_NAME_WORD_RE = re.compile(r"[A-Z][a-z’'-]+|[A-Z]\.")
_NOT_SURNAMES = frozenset(
    "house hall center centre street road avenue square bridge park school college university institute "
    "foundation group company inc news post times journal show campaign administration act fund party church "
    "chapel cathedral hospital clinic bank museum library hotel station airport county city river lake "
    "island award prize garden gardens valley beach bay harbour harbor port place line hills heights village "
    "tower towers mall plaza market court bridge".split()
)


def _first_name_person(name: str) -> bool:
    """A name the recogniser called an organisation or a place that is a common first name and a surname
    ("Carly Fiorina", "Donald J. Trump"), not "Grace Church" or "Warren Center"."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD_RE.fullmatch(w) for w in words):
        return False
    if words[-1].lower() in _NOT_SURNAMES or words[-1].endswith(".") or (len(words) == 3 and len(words[1]) != 2):
        return False
    return words[0].lower() in MALE_FIRST_NAMES or words[0].lower() in FEMALE_FIRST_NAMES


def article_mentions(text: str, ents: Iterable[tuple[str, int, int, str]]) -> list[Mention]:
    """Clean spaCy's entity spans (text, start, end, label) into mentions with roles.

    Names after a title are added where spaCy found nothing or something other than a person.
    """
    spacy_ents = list(ents)
    titled = titled_names(text)
    people = _Spans((s, e) for _, s, e, label in spacy_ents if label == "PERSON")
    extra = [t for t in titled if not people.overlaps(t[1], t[2])]
    if extra:
        added = _Spans((t[1], t[2]) for t in extra)
        spacy_ents = [x for x in spacy_ents if not added.overlaps(x[1], x[2])] + extra
        spacy_ents.sort(key=lambda x: x[1])
    mentions: list[Mention] = []
    for ent_text, start, _end, label in spacy_ents:
        kind = LABELS.get(label)
        if kind is None:
            continue
        cleaned = clean_mention(ent_text, start, kind)
        if cleaned is None:
            continue
        name, offset = cleaned
        if kind != "PERSON" and _first_name_person(name):
            kind = "PERSON"
        if kind == "PERSON" and not any(c.isupper() for c in name[:1]):
            continue
        end = offset + len(name)
        role = find_role(text, offset, end) if kind == "PERSON" else None
        mentions.append(Mention(name, offset, end, kind, role))
    return mentions


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def _surname_key(token: str) -> bool:
    """Whether a name's last word may stand alone for it: not a word of two letters or fewer, which is an
    acronym or a function word as often as a name ("Kim Jong Un" is not the "UN", nor French "un")."""
    return len(token.strip(".’'")) >= 3


class EntityIndex:
    """Canonical names across the input: full names seen anywhere, and the short forms that point to them."""

    def __init__(self, articles_mentions: Sequence[Sequence[Mention]]) -> None:
        self.full_by_token: dict[str, Counter[str]] = defaultdict(Counter)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.as_person: Counter[str] = Counter()  # a one-word name: how often the input uses it for a person
        self.as_place: Counter[str] = Counter()  # … and for a place or a nationality
        for mentions in articles_mentions:
            for m in mentions:
                if m.label == "PERSON":
                    self.as_person[_key(m.text.split()[-1])] += 1
                elif m.label in ("GPE", "LOC", "NORP"):
                    self.as_place[_key(m.text)] += 1
                if m.label == "PERSON" and len(m.text.split()) >= 2 and _surname_key(m.text.split()[-1]):
                    # across articles only the surname stands for a full name: a first name or a title
                    # ("Lee", "Mr") met in another story is somebody else as often as not
                    self.full_by_token[_key(m.text.split()[-1])][m.text] += 1
                    self.surnames[_key(m.text.split()[-1])].add(m.text)

    def is_person(self, name: str) -> bool:
        """A single token that is the surname of exactly one full name in the input."""
        return " " not in name.strip() and _surname_key(name) and len(self.surnames.get(_key(name), ())) == 1

    def is_person_not_place(self, name: str) -> bool:
        """:meth:`is_person`, for a word the recogniser called a place or a nationality: only when the input
        uses it for a person at least as often ("Reinholt", a surname; not "Paris" or "Democrats", which one
        story's "Piet Paris" or a misread "Hill Democrats" share)."""
        return self.is_person(name) and self.as_place[_key(name)] <= self.as_person[_key(name)]

    def canonical_person(self, name: str, local: dict[str, str]) -> str:
        """The full name a short mention stands for: in the article first, then across the input."""
        key = _key(name)
        if key in local:
            return local[key]
        if len(name.split()) >= 2 or not _surname_key(name):
            return name
        candidates = self.full_by_token.get(key)
        if candidates and len(candidates) == 1:
            return next(iter(candidates))
        if candidates:
            (best, n), *rest = candidates.most_common()
            if n > 2 * rest[0][1]:
                return best
        return name


def canonical_place_or_org(name: str) -> str:
    return ALIASES.get(_key(name), name)


# titles that say whether a person is a woman or a man ("Mrs Liew", "Encik Wong", "Puan Aminah")
_FEMALE_TITLE_RE = re.compile(r"(?<![\w-])(?:Mrs|Ms|Miss|Mdm|Madam|Madame|Mme|Puan|Cik|Lady|Dame)\.?\s+$")
_MALE_TITLE_RE = re.compile(r"(?<![\w-])(?:Mr|Messrs|Encik|Sir|Tuan)\.?\s+$")


def _title_gender(text: str, start: int) -> str | None:
    """The gender the title right before ``start`` gives, "f" or "m"; None without such a title."""
    before = text[max(0, start - 10) : start]
    if _FEMALE_TITLE_RE.search(before):
        return "f"
    if _MALE_TITLE_RE.search(before):
        return "m"
    return None


def _full_name_genders(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """The gender of each full name of an article: a gendered title before it, else its common first name;
    a name with both genders' signs gets none."""
    votes: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label == "PERSON" and len(m.text.split()) >= 2:
            first = m.text.split()[0].lower()
            gender = _title_gender(text, m.start) or (
                "m" if first in MALE_FIRST_NAMES else "f" if first in FEMALE_FIRST_NAMES else None
            )
            if gender:
                votes[m.text].add(gender)
    return {name: next(iter(g)) for name, g in votes.items() if len(g) == 1}


def resolve_article(text: str, mentions: Sequence[Mention], index: EntityIndex) -> list[Entity]:
    """Entities of one article with canonical names, plus nominal mentions ("the secretary")."""
    local: dict[str, str] = {}
    surnames: set[str] = set()
    roles: dict[str, str] = {}
    # a surname two full names of the article share ("Ivanka Trump" in the first paragraph, "Donald Trump"
    # five times after) stands for the one the article names most often, the first named on a tie
    written = Counter(m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2)
    by_token: dict[str, str] = {}
    for m in mentions:
        if m.label == "PERSON" and len(m.text.split()) >= 2:
            parts = m.text.split()
            for token in (parts[-1], parts[0]):
                if _surname_key(token):
                    held = by_token.get(_key(token))
                    if held is None or written[m.text] > written[held]:
                        by_token[_key(token)] = m.text
    for m in mentions:
        if m.label == "PERSON" and len(m.text.split()) >= 2:
            parts = m.text.split()
            for token in (parts[-1], parts[0]):
                if _surname_key(token):
                    local.setdefault(_key(token), by_token[_key(token)])
            local[_key(m.text)] = m.text
            surnames.add(_key(m.text))
            if _surname_key(parts[-1]):
                surnames.add(_key(parts[-1]))
    full_genders = _full_name_genders(text, mentions)
    entities: list[Entity] = []
    for m in mentions:
        if m.label != "PERSON" and (
            _key(m.text) in surnames
            or (index.is_person(m.text) if m.label == "ORG" else index.is_person_not_place(m.text))
        ):
            m = Mention(m.text, m.start, m.end, "PERSON", m.role)  # spaCy called a known person a place
        if m.label == "PERSON":
            canonical = index.canonical_person(m.text, local)
            titled = _title_gender(text, m.start) if canonical != m.text else None
            if titled and full_genders.get(canonical, titled) != titled:
                # "Mrs Liew" is not the "Karl Liew" of the article: a title's gender never goes to a full name of
                # the other gender; a full name of the article with the title's gender takes it ("Mrs. Clinton"
                # is Hillary Clinton, not the Bill Clinton named more often), else the short form keeps its
                # title ("Mrs Liew") so that it is no one else's either
                same = {
                    name
                    for name, gender in full_genders.items()
                    if gender == titled and _key(name.split()[-1]) == _key(m.text)
                }
                title = re.search(r"(\S+)\s+$", text[max(0, m.start - 10) : m.start])
                titled_form = f"{title.group(1)} {m.text}" if title else m.text
                canonical = same.pop() if len(same) == 1 else titled_form
            if m.role:
                roles.setdefault(canonical, m.role)
        else:
            canonical = canonical_place_or_org(m.text)
        entities.append(Entity(m.text, m.start, m.end, m.label, canonical, m.role))
    entities = _propagate_names(text, entities, local, index)
    entities = _expand_short_places(entities)
    entities.extend(_nominal_mentions(text, entities, roles))
    entities.sort(key=lambda e: e.start)
    return [
        Entity(
            e.text,
            e.start,
            e.end,
            e.label,
            e.canonical,
            e.role or (roles.get(e.canonical) if e.label == "PERSON" else None),
        )
        for e in entities
    ]


def _propagate_names(text: str, entities: list[Entity], local: dict[str, str], index: EntityIndex) -> list[Entity]:
    """Later mentions of a person the recogniser tagged once ("Cartalo" after "Ines Cartalo") become entities too."""
    names = {e.canonical for e in entities if e.label == "PERSON" and " " in e.canonical}
    forms: dict[str, str] = {}
    for name in sorted(names):  # a surname two names share goes to the same one whatever the hash seed
        forms[name] = name
        forms.setdefault(name.split()[-1], name)
    for e in entities:
        if e.label == "PERSON" and " " not in e.text and index.is_person(e.text):
            forms.setdefault(e.text, e.canonical)
    if not forms:
        return entities
    pattern = re.compile(
        r"(?<![\w’'-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])"
    )
    taken = _Spans((e.start, e.end) for e in entities)
    added = [
        Entity(m.group(1), m.start(), m.end(), "PERSON", forms[m.group(1)])
        for m in pattern.finditer(text)
        if not taken.overlaps(m.start(), m.end())
    ]
    return sorted(entities + added, key=lambda e: e.start) if added else entities


class _Spans:
    """Character spans, asked whether any overlaps a range in logarithmic time (a long article has
    thousands of entities and of matches: checking every span for every match was quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # the spans that start before ``end``
        return k > 0 and self.reach[k - 1] > start


def _expand_short_places(entities: list[Entity]) -> list[Entity]:
    """ "South" or "the North" after "South Korea": the single word stands for the longer name."""
    longer: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.label in ("GPE", "LOC", "ORG") and len(e.canonical.split()) > 1:
            longer[e.canonical.split()[0]].add(e.canonical)
    out = []
    for e in entities:
        names = longer.get(e.canonical) if e.label != "PERSON" and " " not in e.canonical else None
        if names and len(names) == 1:
            e = Entity(e.text, e.start, e.end, "GPE" if e.label == "NORP" else e.label, next(iter(names)), e.role)
        out.append(e)
    return out


def people_lookup(entities: Sequence[Entity], index: EntityIndex) -> dict[str, str]:
    """Lower-cased names and surnames of the article's people → canonical name, for attribution."""
    lookup: dict[str, str] = {}
    for e in entities:
        if e.label == "PERSON" and " " in e.canonical:
            for token in (e.canonical.split()[-1], e.canonical.split()[0], e.canonical):
                if token == e.canonical or _surname_key(token):
                    lookup.setdefault(_key(token), e.canonical)
    for token, names in index.full_by_token.items():
        if len(names) == 1:
            lookup.setdefault(token, next(iter(names)))
    return lookup


def _nominal_mentions(text: str, entities: Sequence[Entity], roles: dict[str, str]) -> list[Entity]:
    """ "the secretary" → the most recently mentioned person whose role contains "secretary"."""
    found: list[Entity] = []
    people = [e for e in entities if e.label == "PERSON"]
    for m in _NOMINAL_RE.finditer(text):
        noun = m.group("noun").lower()
        best: str | None = None
        for person in people:
            if person.start > m.start():
                break
            role = roles.get(person.canonical, "")
            if re.search(rf"\b{re.escape(noun)}\b", role, re.IGNORECASE):
                best = person.canonical
        if best is not None:
            found.append(Entity(m.group("mention"), m.start(), m.end(), "PERSON", best, roles.get(best)))
    return found
