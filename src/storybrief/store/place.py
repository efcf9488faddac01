"""Placing new articles into the library's stories while reading only what they can touch.

The streaming grouper's state lives in the library, not in memory: document frequencies, each placed
article's counts and weighted features (weighed again, as the streaming grouper does, whenever the library
has doubled since), the blocking keys that propose candidates, and
per story the sums that average-link needs (its own pairs' similarity, and its pairs' with each other story),
with the sums and counts of the event similarities that the event cohesion rule needs.
Placing an article reads its candidates (at most ``max_candidates`` within the time window) and the stories
they are in, applies the same rules as :class:`~storybrief.group.StoryStream` (join the story it is most
similar to on average, or start one; merge the stories it bridges; each join must pass the cohesion rules of
:class:`~storybrief.group.linkage.Linkage`), and writes the changed sums back. So the
memory ``add`` needs grows with a batch and the stories it touches, never with the library.

Quote links, copies, syndication and rewrites are then recomputed over the newcomers' neighbourhood only:
the stories they joined, the stored articles most like them, and the stored groups those are in. Topics are
incremental too: a new story joins the stored topic whose centroid it is most like, or starts one.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Article, QuoteGroup, Story, Topic
from .library import Library, StoredStory

if TYPE_CHECKING:  # the group stage is imported only when something is placed
    from ..group.features import ArticleFeatures as ArticleFeaturesT
    from ..group.topics import _Centroid as CentroidT

QUOTE_NEIGHBOURS = 10  # stored candidates per newcomer whose quotes are linked with its own
COPY_SIMILARITY = 0.3  # stored candidates at least this similar are checked for being copies
CENTROID_KEYS = 400  # a topic's centroid keeps its heaviest keys (the rest weigh next to nothing)
REWRITE_CANDIDATES = 50


def _rounded(vec: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 6) for k, v in vec.items()}


def features_json(f: ArticleFeaturesT, weighed_at: int) -> str:
    """What comparing with a placed article later needs: its weighted bags as they were last weighed (with
    the document frequencies of ``weighed_at`` placed articles), and its raw counts to weigh them again."""
    bridge = None if f.bridge is f.terms else _rounded(f.bridge)
    data = {
        "w": weighed_at,
        "tc": _rounded(f.term_counts),
        "ec": dict(f.entity_counts),
        "ac": dict(f.anchor_counts),
        "gc": _rounded(f.gloss_counts),
        "l": f.language,
        "c": f.cased,
        "q": sorted(f.quote_groups),
        "s": list(f.span),
        "g": bool(f.gloss_counts),
        "t": _rounded(f.terms),
        "e": _rounded(f.entities),
        "a": _rounded(f.anchors),
        "b": bridge,
        # the words of its names among its terms (only those can be a shared term: see ``event_similarity``)
        "n": None if f.names is None else sorted(f.names.intersection(f.term_counts)),
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def features_from_json(article_id: str, data: str) -> tuple[ArticleFeaturesT, int]:
    """A placed article's features, and how many placed articles it was last weighed with (0: a library
    written before its counts were kept, whose weights stay as they are). A row stored before names were
    kept has none: its words cannot be told apart from its names, so it is comparable on no event."""
    from ..group.features import ArticleFeatures

    d = json.loads(data)
    terms = d["t"]
    lo, hi = d["s"]
    return ArticleFeatures(
        id=article_id,
        order=0,
        language=d["l"],
        term_counts=d.get("tc", {}),
        entity_counts=Counter(d.get("ec", {})),
        anchor_counts=Counter(d.get("ac", {})),
        span=(lo, hi),
        quote_groups=frozenset(d["q"]),
        gloss_counts=d.get("gc") or ({"": 1.0} if d["g"] else {}),
        terms=terms,
        entities=d["e"],
        anchors=d["a"],
        bridge=terms if d["b"] is None else d["b"],
        cased=d["c"],
        names=None if d.get("n") is None else frozenset(d["n"]),
    ), int(d.get("w", 0))


@dataclass
class Placer:
    """Average-link placement over the stored state; see the module doc."""

    lib: Library
    threshold: float
    now: str
    members: dict[str, list[str]] = field(default_factory=dict)  # stories read or changed in this batch
    inner: dict[str, float] = field(default_factory=dict)
    event_inner: dict[str, tuple[float, float]] = field(default_factory=dict)  # story -> (sum, count)
    numbers: dict[str, int] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)  # stories that gained articles
    created: set[str] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)  # gone -> kept
    dated: dict[str, bool] = field(default_factory=dict)  # story -> whether a member has a publication day
    close: dict[str, float] = field(default_factory=dict)  # stored article -> best similarity to a newcomer
    docs: int = 0  # articles counted into the document frequencies (the whole batch once weighed)
    # the batch's articles not placed yet: counted into ``docs`` and the stored frequencies already, but an
    # article placed before them is compared as if they had not come (as in one stream, whatever the batches)
    waiting: int = 0
    weighed_at: dict[str, int] = field(default_factory=dict)  # newcomer -> articles counted when it was weighed
    waiting_keys: tuple[Counter[str], Counter[str], Counter[str]] = field(
        default_factory=lambda: (Counter(), Counter(), Counter())
    )

    def __post_init__(self) -> None:
        from ..group.candidates import CandidateIndex, Weights
        from ..group.stories import STORY_COHESION, STORY_EVENT_COHESION

        self.weights = Weights()
        limits = CandidateIndex(window_days=self.weights.window_days)
        self.max_postings = limits.max_postings
        self.max_candidates = limits.max_candidates
        self.cohesion = STORY_COHESION
        self.event_cohesion = STORY_EVENT_COHESION

    # -- stored state, read once per batch ---------------------------------------------------------------
    def _members(self, story: str) -> list[str]:
        if story not in self.members:
            self.members[story] = self.lib.story_members(story)
        return self.members[story]

    def _inner(self, story: str) -> float:
        if story not in self.inner:
            self.inner[story] = self.lib.story_inner(story)
        return self.inner[story]

    def _event_inner(self, story: str) -> tuple[float, float]:
        if story not in self.event_inner:
            self.event_inner[story] = self.lib.story_event_inner(story)
        return self.event_inner[story]

    def _number(self, story: str) -> int:
        if story not in self.numbers:
            found = self.lib.story_numbers([story])
            self.numbers[story] = found[story][0] if story in found else int(story.lstrip("s") or 0)
        return self.numbers[story]

    def _dated(self, story: str) -> bool:
        if story not in self.dated:
            self.dated[story] = self.lib.story_dated(story)
        return self.dated[story]

    def _coherent(self, story: str, avg: float) -> bool:
        n = len(self._members(story))
        return not (n > 1 and avg < self.cohesion * self._inner(story) / (n * (n - 1) / 2))

    def _events_agree(self, cross: tuple[float, float] | None, sides: Iterable[str]) -> bool:
        """The event cohesion rule of :class:`~storybrief.group.linkage.Linkage`: the comparable pairs across
        a join (``cross``: sum, count) must tie at ``event_cohesion`` of each side's own event average; no
        comparable pair is no evidence either way."""
        if not self.event_cohesion or not cross or not cross[1]:
            return True
        avg = cross[0] / cross[1]
        for story in sides:
            total, count = self._event_inner(story)
            if count and avg < self.event_cohesion * total / count:
                return False
        return True

    def _add_event_inner(self, story: str, part: tuple[float, float]) -> None:
        total, count = self._event_inner(story)
        self.event_inner[story] = (total + part[0], count + part[1])

    # -- features and candidates -------------------------------------------------------------------------
    def features(self, article: Article) -> ArticleFeaturesT:
        """The article's features weighted with the document frequencies of the articles placed before it
        and itself (which are counted in now, as the streaming grouper does)."""
        from ..group.features import DocFreq, extract

        f = extract(article, 0)
        docs = int(self.lib.meta("stream_docs", "0")) + 1
        self.lib.set_meta("stream_docs", str(docs))
        dfs = []
        bags: list[Mapping[str, float]] = [f.term_counts, f.entity_counts, f.anchor_counts]
        for kind, counts in enumerate(bags):
            self.lib.add_stream_df(kind, counts.keys())
            self.waiting_keys[kind].update(counts.keys())
            wanted = list(counts.keys()) + (list(f.gloss_counts) if kind == 0 else [])
            dfs.append(DocFreq(n_docs=docs, counts=Counter(self.lib.stream_df(kind, wanted))))
        f.weigh(dfs[0], dfs[1], dfs[2])
        self.weighed_at[article.id] = docs
        self.docs = docs
        self.waiting += 1
        return f

    def _arrive(self, f: ArticleFeaturesT) -> None:
        """``f``'s article is placed now: the frequencies it is compared with count it and those before it."""
        self.waiting -= 1
        bags: list[Mapping[str, float]] = [f.term_counts, f.entity_counts, f.anchor_counts]
        for kind, counts in enumerate(bags):
            self.waiting_keys[kind].subtract(counts.keys())

    def _stored(self, node: int, article_id: str, data: str) -> ArticleFeaturesT:
        """A placed article's features, weighed again (and stored so) once the articles placed have doubled
        since they were last weighed, as :class:`~storybrief.group.StoryStream` does: weights computed over
        the library's first articles call every word rare, and such an article would keep joining later
        ones on words that turned out to be common. So how a library's first articles weigh no longer
        depends on which of them came in the same batch, and early batches stop drawing unrelated ones."""
        from ..group.features import DocFreq

        f, weighed_at = features_from_json(article_id, data)
        seen = self.docs - self.waiting
        if not weighed_at or seen < 2 * weighed_at:
            return f
        dfs = []
        bags: list[Mapping[str, float]] = [f.term_counts, f.entity_counts, f.anchor_counts]
        for kind, counts in enumerate(bags):
            wanted = list(counts.keys()) + (list(f.gloss_counts) if kind == 0 else [])
            later = self.waiting_keys[kind]
            found = Counter({k: n - later[k] for k, n in self.lib.stream_df(kind, wanted).items()})
            dfs.append(DocFreq(n_docs=seen, counts=found))
        f.weigh(dfs[0], dfs[1], dfs[2])
        self.lib.set_node_data(node, features_json(f, seen))
        return f

    def candidates(self, f: ArticleFeaturesT) -> list[int]:
        """Placed nodes worth comparing with ``f``, best first (the rule of ``CandidateIndex.query``)."""
        from ..group.candidates import blocking_keys
        from ..group.features import day_gap

        keys = blocking_keys(f)
        postings = self.lib.postings(keys, self.max_postings)
        shared: Counter[int] = Counter()
        for key in keys:
            if key in postings:
                shared.update(postings[key])
        spans = self.lib.node_spans(shared)
        out: list[int] = []
        for node, _count in shared.most_common():
            if day_gap(f.span, spans[node]) <= self.weights.window_days:
                out.append(node)
                if len(out) == self.max_candidates:
                    break
        return out

    # -- placement --------------------------------------------------------------------------------------
    def place(self, article: Article, f: ArticleFeaturesT) -> str:
        """Place one article into a story (joined, new, or merged from the ones it bridges); returns its id."""
        totals, events = self._arrive_and_compare(f)
        # An article with a publication day does not join a story of undated articles only: placed in
        # publication order, those come last (see ``publication_order``), and an undated one that arrived
        # earlier would otherwise seed a story for every later report it is loosely like, whatever its
        # day. The dated article starts its own story, which average link merges with the undated one's
        # if the two come to be alike enough as a whole.
        dated = f.span[1] is not None
        best, best_avg = None, self.threshold
        for story, total in totals.items():
            avg = total / len(self._members(story))
            if (
                avg >= best_avg
                and self._coherent(story, avg)
                and (not dated or self._dated(story))
                and self._events_agree(events.get(story), (story,))
            ):
                best, best_avg = story, avg
        if best is None:
            number = self.lib.next_number("story")
            best = f"s{number}"
            self.numbers[best] = number
            self.members[best] = []
            self.inner[best] = 0.0
            self.event_inner[best] = (0.0, 0.0)
            self.dated[best] = False
            self.created.add(best)
        else:
            self.inner[best] = self._inner(best) + totals[best]
            self._add_event_inner(best, events.pop(best, (0.0, 0.0)))
        for story, total in totals.items():
            if story != best:
                self.lib.add_story_link(best, story, total)
        for story, (total, count) in events.items():
            self.lib.add_story_event_link(best, story, total, count)
        joined = best not in self.created or bool(self.members[best])
        self.members[best].append(article.id)
        self.dated[best] = self._dated(best) or dated
        self.touched.add(best)
        for story in sorted(totals, key=self._number) if joined else []:  # stories the newcomer bridges
            if story == best or story in self.merged:
                continue
            avg = self.lib.story_link(best, story) / (len(self._members(best)) * len(self._members(story)))
            if (
                avg >= self.threshold
                and self._coherent(best, avg)
                and self._coherent(story, avg)
                and self._events_agree(self.lib.story_event_link(best, story), (best, story))
            ):
                best = self._merge(best, story)
        self._store_node(article, best, f)
        return best

    def replay(self, article: Article, f: ArticleFeaturesT, story: str) -> None:
        """Count an article into the story it is known to be in (a reindex): the sums only, no decision."""
        totals, events = self._arrive_and_compare(f)
        self._members(story)
        self.inner[story] = self._inner(story) + totals.pop(story, 0.0)
        self._add_event_inner(story, events.pop(story, (0.0, 0.0)))
        for other, total in totals.items():
            self.lib.add_story_link(story, other, total)
        for other, (total, count) in events.items():
            self.lib.add_story_event_link(story, other, total, count)
        self.touched.add(story)
        self._store_node(article, story, f)

    def _arrive_and_compare(self, f: ArticleFeaturesT) -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
        """Count a newcomer in, and sum its similarity to each story over its candidates, and its event
        similarity (sum, count) over the candidates comparable with it (stored articles much like it are
        kept in ``close``, for the copies)."""
        from ..group.candidates import event_similarity, similarity

        self._arrive(f)
        totals: dict[str, float] = defaultdict(float)
        events: dict[str, tuple[float, float]] = {}
        nodes = self.candidates(f)
        stored = self.lib.nodes(nodes)
        for node in nodes:
            other, story, data = stored[node]
            features = self._stored(node, other, data)
            value = similarity(f, features, self.weights)
            if value >= COPY_SIMILARITY:
                self.close[other] = max(value, self.close.get(other, 0.0))
            if value > 0:
                totals[story] += value
            event = event_similarity(f, features)
            if event is not None:
                total, count = events.get(story, (0.0, 0.0))
                events[story] = (total + event, count + 1.0)
        return totals, events

    def _store_node(self, article: Article, story: str, f: ArticleFeaturesT) -> None:
        """Store a placed article's features and candidate keys in ``story``."""
        from ..group.candidates import blocking_keys

        node = self.lib.insert_node(article.id, story, f.span, features_json(f, self.weighed_at[article.id]))
        self.lib.add_postings(node, blocking_keys(f))

    def _merge(self, a: str, b: str) -> str:
        """Merge two stories; the older (lower number) keeps its id and the other redirects to it."""
        keep, gone = (a, b) if self._number(a) <= self._number(b) else (b, a)
        self.inner[keep] = self._inner(keep) + self._inner(gone) + self.lib.story_link(keep, gone)
        self.inner.pop(gone, None)
        self.lib.merge_story_links(keep, gone)
        gone_events, between = self._event_inner(gone), self.lib.story_event_link(keep, gone)
        self._add_event_inner(keep, (gone_events[0] + between[0], gone_events[1] + between[1]))
        self.event_inner.pop(gone, None)
        self.lib.merge_story_event_links(keep, gone)
        self.dated[keep] = self._dated(keep) or self._dated(gone)
        self._members(keep).extend(self._members(gone))
        del self.members[gone]
        self.lib.move_nodes(gone, keep)
        self.lib.merge_story(gone, keep, self.now)
        for old, new in list(self.merged.items()):
            if new == gone:
                self.merged[old] = keep
        self.merged[gone] = keep
        self.touched.discard(gone)
        self.created.discard(gone)
        self.touched.add(keep)
        return keep

    def save_sums(self) -> None:
        for story, total in self.inner.items():
            if story not in self.merged:
                self.lib.set_story_inner(story, total)
        for story, (total, count) in self.event_inner.items():
            if story not in self.merged and count:
                self.lib.set_story_event_inner(story, total, count)


# -- the neighbourhood of a batch ---------------------------------------------------------------------------
def link_neighbourhood(
    lib: Library, placer: Placer, fresh: Sequence[Article], feats: dict[str, ArticleFeaturesT]
) -> tuple[dict[str, Article], list[QuoteGroup]]:
    """Stored articles whose quotes may be the newcomers' (their likeliest neighbours that quote, and the
    stored groups those are in), and the quote groups over them and the newcomers."""
    from ..annotate.quotes import link_quotes

    near: dict[str, None] = {}
    for article in fresh:
        if not article.quotes:
            continue
        nodes = placer.candidates(feats[article.id])[:QUOTE_NEIGHBOURS]
        near.update((a, None) for a, _, _ in lib.nodes(nodes).values())
    quoting = lib.quoting(near)
    ids = set(quoting)
    for group in lib.quote_groups(quoting):
        ids.update(group.articles)
    seqs = lib.article_seqs(ids)
    stored = {a.id: a for a in lib.articles(sorted(ids, key=lambda i: seqs.get(i, 0)))}
    return stored, link_quotes([*stored.values(), *fresh])


def quote_group_changes(
    lib: Library, groups: Sequence[QuoteGroup], fresh_ids: set[str], pool_ids: Iterable[str]
) -> tuple[list[str], list[QuoteGroup]]:
    """Stored groups to drop and groups to store: those holding a newcomer's quote, and the stored groups
    they overlap (recomputed over the same articles, so no link outside them is lost)."""
    with_fresh = [g for g in groups if fresh_ids.intersection(g.articles)]
    variants = {(v.article, v.quote) for g in with_fresh for v in g.variants}
    dropped = [g for g in lib.quote_groups(pool_ids) if any((v.article, v.quote) in variants for v in g.variants)]
    old_variants = {(v.article, v.quote) for g in dropped for v in g.variants}
    stored = [
        g
        for g in groups
        if fresh_ids.intersection(g.articles) or any((v.article, v.quote) in old_variants for v in g.variants)
    ]
    return [g.id for g in dropped], stored


def copies(lib: Library, articles: Sequence[Article]) -> None:
    """Copies and syndication over ``articles`` (which hold every stored duplicate group they touch)."""
    from ..group import find_duplicates, syndication_groups

    previous = {a.id: a.syndication for a in articles if a.syndication}
    for article in articles:
        article.syndication = None
    groups = find_duplicates(articles)
    found = syndication_groups(articles, groups)
    taken: set[str] = set()
    by_id = {a.id: a for a in articles}
    for group in found:
        old = sorted({previous[a] for a in group.articles if a in previous} - taken)
        new_id = old[0] if old else f"w{lib.next_number('syndication')}"
        taken.add(new_id)
        group.id = new_id
        for aid in group.articles:
            by_id[aid].syndication = new_id
    lib.set_syndications(set(previous.values()) - taken, found)
    lib.set_duplicates(
        [a.id for a in articles],
        [(a.id, a.duplicate_of.article, a.duplicate_of.similarity) for a in articles if a.duplicate_of],
    )


def rewrites(articles: Sequence[Article], members: dict[str, list[str]], story_of: dict[str, str]) -> None:
    """Rewrites among the articles of the stories that changed, each compared with its own story's."""
    from ..group import find_rewrites

    for article in articles:
        article.rewrite_of = None
    candidates = {
        a.id: [b for b in members[story_of[a.id]] if b != a.id][:REWRITE_CANDIDATES]
        for a in articles
        if a.id in story_of
    }
    find_rewrites(articles, candidates)


# -- topics -------------------------------------------------------------------------------------------------
def _profile(lib: Library, articles: Sequence[Article]) -> tuple[dict[str, float], dict[str, float], Counter[str]]:
    """A story's entity and term vectors for topics (as ``group_topics`` builds them, with the document
    frequencies of the articles stored, smoothed) and its entity counts."""
    from ..group.features import extract, weigh
    from ..group.topics import _shared, _SmoothDocFreq

    ents: Counter[str] = Counter()
    terms: dict[str, float] = defaultdict(float)
    for article in articles:
        f = extract(article, 0)
        ents.update(f.entity_counts)
        for term, count in f.term_counts.items():
            terms[term] += count
    docs = int(lib.meta("stream_docs", "0"))
    term_df = _SmoothDocFreq(n_docs=docs, counts=Counter(lib.stream_df(0, terms)))
    entity_df = _SmoothDocFreq(n_docs=docs, counts=Counter(lib.stream_df(1, ents)))
    return weigh(_shared(ents, entity_df), entity_df), weigh(_shared(terms, term_df), term_df), ents


def _centroid_load(data: str | None) -> tuple[CentroidT, CentroidT]:
    from ..group.topics import _Centroid

    ent, term = _Centroid(), _Centroid()
    if data:
        d = json.loads(data)
        ent.vec.update(d["e"])
        ent.norm2 = d["en"]
        term.vec.update(d["t"])
        term.norm2 = d["tn"]
    return ent, term


def _centroid_dump(ent: CentroidT, term: CentroidT) -> str:
    def top(vec: dict[str, float]) -> dict[str, float]:
        keys = sorted(vec, key=lambda k: (-vec[k], k))[:CENTROID_KEYS]
        return {k: round(vec[k], 6) for k in sorted(keys)}

    return json.dumps({"e": top(ent.vec), "en": ent.norm2, "t": top(term.vec), "tn": term.norm2}, sort_keys=True)


def place_topics(
    lib: Library,
    stories: dict[str, StoredStory],
    articles: dict[str, Article],
    merged: dict[str, str],
    threshold: float | None = None,
    *,
    profile_again: set[str] = frozenset(),  # type: ignore[assignment]
) -> set[str]:
    """Give each changed story without a topic the stored topic whose centroid is most like it, or a new one;
    stories merged away leave their topics. Returns the ids of the topics that changed."""
    from ..group.features import top_keys
    from ..group.topics import ENTITY_SHARE, KEYS, MAX_CANDIDATES, MAX_POSTINGS, TOPIC_THRESHOLD, _label

    limit = TOPIC_THRESHOLD if threshold is None else threshold
    changed: dict[str, tuple[int, str, list[str]]] = {}

    def topic(tid: str) -> tuple[int, str, list[str]]:
        if tid not in changed:
            row = lib.topic_row(tid)
            changed[tid] = row if row is not None else (int(tid.lstrip("t") or 0), "", [])
        return changed[tid]

    for gone in merged:  # a merged story's topic no longer holds it
        for tid in lib.topics_of([gone]):
            topic(tid)[2].remove(gone)
    order = sorted(stories.values(), key=lambda s: (-len(s.story.articles), s.number))
    for stored in order:
        story = stored.story
        members = [articles[a] for a in story.articles if a in articles]
        if story.topic is not None and lib.topic_row(story.topic) is not None:
            if story.id not in topic(story.topic)[2]:
                topic(story.topic)[2].append(story.id)
            if story.id in profile_again:  # a reindex: the topic's centroid is built again from its stories
                ent_vec, term_vec, _ = _profile(lib, members)
                keys = ["e:" + k for k in top_keys(ent_vec, KEYS)] + ["t:" + k for k in top_keys(term_vec, KEYS)]
                ent_c, term_c = _centroid_load(lib.topic_profile(story.topic))
                ent_c.add(ent_vec)
                term_c.add(term_vec)
                lib.set_topic_profile(story.topic, _centroid_dump(ent_c, term_c))
                lib.add_topic_postings(story.topic, keys)
            continue
        ent_vec, term_vec, ent_counts = _profile(lib, members)
        keys = ["e:" + k for k in top_keys(ent_vec, KEYS)] + ["t:" + k for k in top_keys(term_vec, KEYS)]
        shared: Counter[str] = Counter()
        for posting in lib.topic_postings(keys, MAX_POSTINGS).values():
            shared.update(posting)
        best, best_score = None, limit
        for cand, _n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]:
            ent_c, term_c = _centroid_load(lib.topic_profile(cand))
            text = term_c.cosine(term_vec)
            ent = ent_c.cosine(ent_vec)
            score = ENTITY_SHARE * ent + (1 - ENTITY_SHARE) * text if ent_vec and ent > 0 else text
            if score > best_score or (score == best_score and best is not None and cand < best):
                best, best_score = cand, score
        if best is None:
            number = lib.next_number("topic")
            best = f"t{number}"
            position = {a.id: i for i, a in enumerate(members)}
            term_totals: Counter[str] = Counter(term_vec)
            label = _label(ent_counts, term_totals, [a.id for a in members], members, position) if members else best
            changed[best] = (number, label, [])
        ent_c, term_c = _centroid_load(lib.topic_profile(best))
        ent_c.add(ent_vec)
        term_c.add(term_vec)
        lib.set_topic_profile(best, _centroid_dump(ent_c, term_c))
        lib.add_topic_postings(best, keys)
        topic(best)[2].append(story.id)
        story.topic = best
    for tid, (number, label, members_) in changed.items():
        lib.save_topic(Topic(tid, label, members_), number)
    return set(changed)


def story_version(data: dict[str, str], groups: Sequence[QuoteGroup], story: Story) -> str:
    """A story's content version: a hash of its articles, their quote groups and its membership."""
    import hashlib

    groups_of: dict[str, list[str]] = {}
    for group in groups:
        text = json.dumps(group.to_dict(), ensure_ascii=False, sort_keys=True)
        for aid in group.articles:
            groups_of.setdefault(aid, []).append(text)
    digest = hashlib.sha256()
    for aid in story.articles:
        digest.update(data[aid].encode())
        for text in groups_of.get(aid, []):
            digest.update(text.encode())
    digest.update(json.dumps(story.to_dict(), sort_keys=True).encode())
    return digest.hexdigest()[:20]
