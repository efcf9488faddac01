"""Topics: the subjects that span several stories (developments), over any length of time.

A story is one development, bounded in time (see :mod:`.stories`); a topic is the subject those
developments share: its main actors and its vocabulary, with no time limit. A story's profile sums its
articles' entity and term counts, weighted with *smoothed* IDF over the stories, so that the names and words
every story of a subject repeats (the subject's own) count for much rather than nothing.

Stories are placed largest first: each joins the topic whose *centroid* (the sum of its stories' profiles) is
most similar, or starts a new one. Comparing with the centroid rather than averaging story pairs is what
lets a long-running subject hold many small stories that share little with one another but much with the
subject as a whole. Candidate topics come from an inverted index of their stories' top keys, so the work per
story stays flat. Untitled, lower-cased articles have no entities: their profiles are compared on terms.

Placing largest first means a subject's first story may join another subject's topic because no better one
exists yet; a refinement round lets every story move to the topic most like it once all are placed. Last,
topics merge smallest first; the topic taken in is compared through the first-pass topics it is made of
(average link over those parts, :func:`_parts_link`), so merges do not chain subjects together.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from ..clean.metadata import agency_name
from ..lang import cjk_chars
from ..model import Article, Story, Topic
from .features import ArticleFeatures, DocFreq, Vector, top_keys, weigh

TOPIC_THRESHOLD = 0.15
TOPIC_MERGE = 0.4
ENTITY_SHARE = 0.6  # weight of shared entities against shared terms (when both sides have entities)
MAX_POSTINGS = 200  # a key held by more topics than this proposes none of them
MAX_CANDIDATES = 30
KEYS = 10
# rounds in which each story may move to the topic now most like it (its own counted without it): the first
# pass places stories largest first, so a subject's first story joins whatever topic exists by then
REFINE = 1
# a fragment of a subject (a topic of at most SMALL_STORIES stories when the merge pass reaches it: a development or two
# told in words of its own) joins a large topic (LARGE_STORIES stories or more, a subject's main topic) at the
# lower bar SMALL_MERGE, if at least SMALL_KEYS of its stories' top names and words are among the large topic's
# (one shared name is no evidence of one subject)
SMALL_STORIES = 3
SMALL_MERGE = 0.2
LARGE_STORIES = 10
SMALL_KEYS = 3
LABEL_ENTITIES = 3
LABEL_TERMS = 3
MAX_ACRONYM = 4  # a name in capitals up to this long is an acronym (IEA, CJEU); longer, a dateline's place
LABEL_CJK_CHARS = 8  # a CJK "name" longer than this is a clause the recogniser took whole
# a name ending in an upper-case place, where a dateline ran into a byline ("Noel Randewich MEXICO")
_DATELINE_RUN_IN_RE = re.compile(r"[a-z]\w* [A-Z]{3,}$")
# a credit line inside the text, as wires end their reports: "(Reporting by A and B; Editing by C)"
_CREDIT_RE = re.compile(
    r"(?:^|[(;|\n]|[.!?] )\s*(?:Additional |Further )?"
    r"(?:[Rr]eporting|Editing|Writing|Compiled|Produced|Edited|Written|Reported)(?: [a-z]+){0,2} by "
    r"([A-Z][^;)\n|]{0,80}?)(?=[;)\n|]|[.!?](?:\s|$)|$)",
    re.M,
)
_CREDIT_SPLIT_RE = re.compile(r",| and | in [A-Z]\w+")
_CREDIT_LEAD_RE = re.compile(r"^[A-Za-z]+(?: [a-z]+)? by ")
# a page's note on where the text ran: "This article appeared on p18 of the G2 section of the Guardian"
_APPEARED_RE = re.compile(
    r"\b(?:article|story|report) (?:first |originally )?(?:appeared|was published|ran) (?:(?:on|in)\b[^.\n]{0,60}\b)?"
    r"(?:of|in) (?:the |The )?([A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})"
)
_CLOCK_ZONE_RE = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?\s*)?\(?([A-Z]{2,4})\b")
_NAME_RE = re.compile(r"^[A-Z][\w'’.&-]*(?: (?:[A-Z][\w'’.&-]*|of|the|de|al|bin|van|von|and|du|la))*$")


def _shared(counts: Mapping[str, float], df: DocFreq) -> dict[str, float]:
    return {k: v for k, v in counts.items() if df.counts.get(k, 0) > 1}


class _SmoothDocFreq(DocFreq):
    def idf(self, key: str) -> float:
        return super().idf(key) + 1.0


def _mix(ent: float, text: float, with_entities: bool = True) -> float:
    """One score from entity and term similarity; terms alone when there are no shared entities."""
    return ENTITY_SHARE * ent + (1 - ENTITY_SHARE) * text if with_entities and ent > 0 else text


class _Centroid:
    """A running sum of unit vectors, with its squared norm kept up to date."""

    __slots__ = ("norm2", "vec")

    def __init__(self) -> None:
        self.vec: dict[str, float] = defaultdict(float)
        self.norm2 = 0.0

    def add(self, v: Vector) -> None:
        dot = sum(x * self.vec.get(k, 0.0) for k, x in v.items())
        self.norm2 += 2 * dot + sum(x * x for x in v.values())
        for k, x in v.items():
            self.vec[k] += x

    def remove(self, v: Vector) -> None:
        dot = sum(x * self.vec.get(k, 0.0) for k, x in v.items())
        self.norm2 = max(0.0, self.norm2 - 2 * dot + sum(x * x for x in v.values()))
        for k, x in v.items():
            self.vec[k] -= x

    def merge(self, other: _Centroid) -> None:
        self.norm2 += 2 * self.dot(other) + other.norm2
        for k, x in other.vec.items():
            self.vec[k] += x

    def dot(self, other: _Centroid) -> float:
        small, large = (self.vec, other.vec) if len(self.vec) <= len(other.vec) else (other.vec, self.vec)
        return sum(x * large.get(k, 0.0) for k, x in small.items())

    def similar(self, other: _Centroid) -> float:
        if self.norm2 <= 0 or other.norm2 <= 0:
            return 0.0
        return self.dot(other) / math.sqrt(self.norm2 * other.norm2)

    def cosine(self, v: Vector) -> float:
        if not v or self.norm2 <= 0:
            return 0.0
        return sum(x * self.vec.get(k, 0.0) for k, x in v.items()) / math.sqrt(self.norm2)


def _parts_link(whole: tuple[_Centroid, _Centroid], parts: Sequence[tuple[_Centroid, _Centroid, int]]) -> float:
    """How well a topic made of ``parts`` (entity centroid, term centroid, stories) fits the topic ``whole``
    (entity and term centroids): the average of its parts' similarities to it, weighted by their stories. A
    topic grown by merges thus links only as far as its parts do on average (average link), not through its
    centroid, which has become a mixture of what was merged into it (single-link chaining)."""
    total = sum(n * _mix(whole[0].similar(ent), whole[1].similar(term)) for ent, term, n in parts)
    return total / sum(n for _, _, n in parts)


def group_topics(
    stories: Sequence[Story],
    features: Sequence[ArticleFeatures],
    articles: Sequence[Article],
    *,
    threshold: float = TOPIC_THRESHOLD,
    merge_threshold: float = TOPIC_MERGE,
) -> list[Topic]:
    """Cluster ``stories`` into topics; sets ``Story.topic``. ``features`` line up with ``articles``."""
    position = {a.id: i for i, a in enumerate(articles)}
    entity_counts: list[Counter[str]] = []
    term_counts: list[dict[str, float]] = []
    for story in stories:
        ents: Counter[str] = Counter()
        terms: dict[str, float] = defaultdict(float)
        for aid in story.articles:
            f = features[position[aid]]
            ents.update(f.entity_counts)
            for term, count in f.term_counts.items():
                terms[term] += count
        entity_counts.append(ents)
        term_counts.append(terms)
    entity_df, term_df = _SmoothDocFreq(), _SmoothDocFreq()
    for ents, terms in zip(entity_counts, term_counts, strict=True):
        entity_df.add(ents)
        term_df.add(terms)
    # a key only one story has links it to nothing, yet it would dilute every cosine: profiles keep shared keys
    ent_vecs = [weigh(_shared(c, entity_df), entity_df) for c in entity_counts]
    term_vecs = [weigh(_shared(c, term_df), term_df) for c in term_counts]

    order = sorted(range(len(stories)), key=lambda i: (-len(stories[i].articles), i))
    members: list[list[int]] = []
    ent_centroids: list[_Centroid] = []
    term_centroids: list[_Centroid] = []
    postings: dict[str, set[int]] = defaultdict(set)
    keys_of: dict[int, list[str]] = {}
    topic_of: dict[int, int] = {}
    for i in order:
        keys = ["e:" + k for k in top_keys(ent_vecs[i], KEYS)] + ["t:" + k for k in top_keys(term_vecs[i], KEYS)]
        shared: Counter[int] = Counter()
        for key in keys:
            posting = postings.get(key)
            if posting and len(posting) <= MAX_POSTINGS:
                shared.update(posting)
        best, best_score = -1, threshold
        for cand, _n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]:
            score = _mix(
                ent_centroids[cand].cosine(ent_vecs[i]), term_centroids[cand].cosine(term_vecs[i]), bool(ent_vecs[i])
            )
            if score >= best_score and (best < 0 or score > best_score or cand < best):
                best, best_score = cand, score
        if best < 0:
            best = len(members)
            members.append([])
            ent_centroids.append(_Centroid())
            term_centroids.append(_Centroid())
        members[best].append(i)
        ent_centroids[best].add(ent_vecs[i])
        term_centroids[best].add(term_vecs[i])
        for key in keys:
            postings[key].add(best)
        keys_of[i] = keys
        topic_of[i] = best

    # refinement: each story (a topic's only story stays) goes to the topic whose centroid, without the story
    # itself, is now most like it, if that beats its own topic and reaches ``threshold``: stories placed before
    # their subject had a topic leave the topic they joined for want of a better one
    for _round in range(REFINE):
        for i in order:
            cur = topic_of[i]
            if len(members[cur]) < 2:
                continue
            near: Counter[int] = Counter()
            for key in keys_of[i]:
                posting = postings[key]
                if len(posting) <= MAX_POSTINGS:
                    near.update(t for t in posting if members[t])
            ent_centroids[cur].remove(ent_vecs[i])
            term_centroids[cur].remove(term_vecs[i])
            best, best_score = cur, -1.0
            for cand, _n in sorted(near.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]:
                score = _mix(
                    ent_centroids[cand].cosine(ent_vecs[i]),
                    term_centroids[cand].cosine(term_vecs[i]),
                    bool(ent_vecs[i]),
                )
                if score > best_score:
                    best, best_score = cand, score
            if best != cur and best_score < threshold:
                best = cur
            ent_centroids[best].add(ent_vecs[i])
            term_centroids[best].add(term_vecs[i])
            if best != cur:
                members[cur].remove(i)
                members[best].append(i)
                topic_of[i] = best
                for key in keys_of[i]:
                    postings[key].add(best)

    # second pass: a subject's early stories may have started topics of their own before its centroid grew;
    # topics merge, smallest first, into the most similar. The topic taken in is compared through the
    # first-pass topics it is made of (see _parts_link), so that a topic grown by merges is not carried into
    # another subject by a centroid that has become a mixture (single-link chaining); the topic taking it in
    # is compared by its grown centroid, the profile of its whole subject so far.
    topic_keys: dict[int, set[str]] = defaultdict(set)
    for key, posting in postings.items():
        for t in posting:
            topic_keys[t].add(key)
    grown = [(_Centroid(), _Centroid()) for _ in members]  # each topic's centroids, grown by its merges
    for t, (ent_c, term_c) in enumerate(grown):
        ent_c.merge(ent_centroids[t])
        term_c.merge(term_centroids[t])
    made_of = [[(ent_centroids[t], term_centroids[t], len(members[t]))] for t in range(len(members))]
    alive = {t for t in range(len(members)) if members[t]}
    for t in sorted(range(len(members)), key=lambda t: (len(members[t]), t)):
        if t not in alive:
            continue
        shared = Counter()  # topics sharing keys with t
        for key in topic_keys[t]:
            posting = postings[key]
            if len(posting) <= MAX_POSTINGS:
                shared.update(o for o in posting if o != t and o in alive)
        best, best_score = -1, 0.0
        small = len(members[t]) <= SMALL_STORIES
        for cand, n_keys in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]:
            score = _parts_link(grown[cand], made_of[t])
            lower = small and len(members[cand]) >= LARGE_STORIES and n_keys >= SMALL_KEYS
            bar = SMALL_MERGE if lower else merge_threshold
            if score >= bar and score > best_score:
                best, best_score = cand, score
        if best >= 0:
            members[best].extend(members[t])
            members[t] = []
            made_of[best].extend(made_of[t])
            grown[best][0].merge(grown[t][0])
            grown[best][1].merge(grown[t][1])
            for key in topic_keys.pop(t):
                postings[key].discard(t)
                postings[key].add(best)
                topic_keys[best].add(key)
            alive.discard(t)
    members = [m for m in members if m]

    clusters = sorted((sorted(m) for m in members), key=lambda m: (-sum(len(stories[i].articles) for i in m), m[0]))
    everywhere = _mentions(articles)
    width = max(1, len(str(len(clusters))))
    topics = []
    for n, group in enumerate(clusters, start=1):
        topic = Topic(id=f"t{n:0{width}d}", label="", stories=[stories[i].id for i in group])
        entity_totals: Counter[str] = Counter()
        term_totals: Counter[str] = Counter()
        for i in group:
            entity_totals.update(entity_counts[i])
            term_totals.update(term_vecs[i])
            stories[i].topic = topic.id
        article_ids = [a for i in group for a in stories[i].articles]
        topic.label = _label(entity_totals, term_totals, article_ids, articles, position, everywhere, len(articles))
        topics.append(topic)
    return topics


def _credited_in_text(text: str) -> set[str]:
    """Lower-cased names the text gives as page furniture, not as news: people in a credit line
    ("(Reporting by Jack Kim; Editing by Alastair Himmer)"), time zones after a clock time ("17:54 GMT") and
    the publication a note says the text appeared in ("This article appeared on p18 of … the Guardian")."""
    found: set[str] = set()
    for match in _CREDIT_RE.finditer(text):
        for piece in _CREDIT_SPLIT_RE.split(match.group(1)):
            name = _CREDIT_LEAD_RE.sub("", piece.strip())  # "Writing by Sam Doe" after a comma
            if name:
                found.add(name.lower())
    found.update(m.group(1).lower() for m in _CLOCK_ZONE_RE.finditer(text))
    found.update(m.group(1).lower() for m in _APPEARED_RE.finditer(text))
    return found


def _mentions(articles: Sequence[Article]) -> Counter[str]:
    """How many of ``articles`` mention each name (lower-cased canonical form)."""
    found: Counter[str] = Counter()
    for article in articles:
        found.update({e.canonical.lower() for e in article.entities})
    return found


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is written as the initials of the words of ``name`` ("U.S", "US" for "United States")."""
    letters = short.replace(".", "")
    words = [w for w in name.split() if w[:1].isupper()]
    return 1 < len(letters) == len(words) and letters.isupper() and letters == "".join(w[0] for w in words)


_DEMONYM_ENDINGS = frozenset({"n", "an", "ian", "ans", "ians", "i", "is", "ese", "ish"})


def _demonym(word: str, place: str) -> bool:
    """Whether ``word`` is the people or adjective of the one-word ``place`` ("Syrian", "Iraqi", "Mexican")."""
    if " " in word or " " in place:
        return False
    stem = place[:-1] if place[-1:].lower() in "aeiouy" else place
    return len(stem) >= 3 and word.startswith(stem) and word[len(stem) :] in _DEMONYM_ENDINGS


def _same_name(a: str, b: str) -> bool:
    """Whether two label names say the same thing: initials of each other or a place and its people."""
    return _abbreviates(a, b) or _abbreviates(b, a) or _demonym(a, b) or _demonym(b, a)


def _shown(forms: Counter[str]) -> str | None:
    """How a label shows a name: its most common written form not set in capitals (a dateline's
    "SINGAPORE"), else an acronym; None for a dateline run into a name ("Noel Randewich MEXICO") or a
    clause taken for a name (a CJK "name" of more than ``LABEL_CJK_CHARS`` characters)."""
    cased = [(n, f) for f, n in forms.items() if not (f.isupper() and len(f) > MAX_ACRONYM)]
    if not cased:
        return None
    form = min(cased, key=lambda nf: (-nf[0], nf[1]))[1]  # the most common, ties by spelling
    if _DATELINE_RUN_IN_RE.search(form) or cjk_chars(form) > LABEL_CJK_CHARS:
        return None
    if " " not in form and not cjk_chars(form) and len(form) < 3:  # "La", "Mr": a word, not a name
        return None
    return form


def _label(
    entities: Counter[str],
    terms: Counter[str],
    article_ids: list[str],
    articles: Sequence[Article],
    position: dict[str, int],
    everywhere: Mapping[str, int] | None = None,
    total: int = 0,
) -> str:
    """The topic's names as written in the articles, those most articles mention first (names that look like
    names: no page junk, no clause fragments, no reporter credited in a byline, no dateline run into a name;
    in a topic of three articles or more, a name only one article gives is no label); its most
    characteristic words when it has no such names (lower-cased input). With ``everywhere`` (articles of the
    whole collection, ``total`` of them, that mention each name) a name counts as much more as the topic
    mentions it more often than the collection, so that a subject's label names the subject rather than
    what every subject mentions; an abbreviation of a name already in the label ("U.S" after "United
    States") is not repeated."""
    display: dict[str, Counter[str]] = defaultdict(Counter)
    support: Counter[str] = Counter()  # articles that mention each name
    credited: set[str] = set()  # reporters and publishers: bylines, credit lines, outlets, agencies
    for aid in article_ids:
        article = articles[position[aid]]
        credited.update(n.lower() for n in (*article.byline, *article.credits, article.outlet, article.agency) if n)
        credited.update(_credited_in_text(article.text))
        seen: set[str] = set()
        for e in article.entities:
            if _NAME_RE.match(e.canonical) and not any(ch.isdigit() for ch in e.canonical):
                display[e.canonical.lower()][e.canonical] += 1
                seen.add(e.canonical.lower())
        support.update(seen)
    least = 2 if len(article_ids) >= 3 else 1

    def weight(k: str) -> float:
        # the articles that mention the name, times how much more often the topic's articles do than the whole
        # collection's: a name every subject mentions ("United States") gives way to the subject's own
        if not everywhere or not total:
            return float(support[k])
        share = support[k] / len(article_ids)
        return support[k] * share / max(everywhere.get(k, 0) / total, 1 / total)

    ranked = sorted(
        (k for k in entities if display.get(k) and support[k] >= least and k not in credited and not agency_name(k)),
        key=lambda k: (-weight(k), -support[k], -entities[k], k),
    )
    names: list[str] = []
    for k in ranked:
        shown = _shown(display[k])
        if shown is not None and not any(_same_name(shown, n) for n in names):
            names.append(shown)
        if len(names) == LABEL_ENTITIES:
            break
    if names:
        return " · ".join(names)
    words = [k for k, _ in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0])) if not k[0].isdigit()]
    if words:
        return " · ".join(words[:LABEL_TERMS])
    first = articles[position[article_ids[0]]]
    return first.title or first.id
