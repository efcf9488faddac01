"""Stories: one real-world event each, found in batch over all input or streaming as articles arrive.

Evidence per pair of articles (see :mod:`.candidates`): TF-IDF similarity of title, lead and body, shared
canonical entities, language-independent anchors for translations, shared quotes, and the gap between their
publication days (undated articles use their inferred window). Articles are clustered by average link
(:mod:`.linkage`) so that both modes apply the same rule: join a story when the average similarity to its
articles reaches ``threshold``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..model import Article, QuoteGroup, Story
from ..unionfind import UnionFind
from .candidates import CandidateIndex, Weights, candidate_pairs, event_similarity, similarity
from .features import ArticleFeatures, DocFreq, PriorDocFreq, day_gap, extract, publication_order
from .linkage import Linkage

STORY_THRESHOLD = 0.15  # streaming; best F1 on MMDS2025 dev and Multi-News pooled (benchmarks/group_stories.py)
# Batch merges whole stories by the average over all their pairs, where a pair blocking never proposed counts
# 0; it keeps apart at 0.15 reports that streaming, placing one article at a time, joins. With the event rule
# (STORY_EVENT_COHESION) holding names-only ties apart, 0.1 is the better batch threshold on the tune halves
# of MMDS2025 dev and of Multi-News pooled (60 and 200 clusters), with no noise article joined.
BATCH_STORY_THRESHOLD = 0.1
# a join must reach this share of the story's own average pair similarity (see Linkage): a related article
# on another event ties loosely to a tight story
STORY_COHESION = 0.25
# the same on event similarities (the words besides names): an article on another event of the same company
# or country ties to a story's reports far less than they tie to each other (tune half of MMDS2025 dev)
STORY_EVENT_COHESION = 0.5
LONG_QUOTE_WORDS = 10  # a shared stock phrase ("remains committed to a diplomatic approach") is no evidence
# Small inputs (see small_input_stories): up to this many articles, the input's own document frequencies are
# no measure of which words are common, and articles that share enough words under background-smoothed
# weights form one story when no development stands out among them.
SMALL_INPUT = 50
# a pair stands out from a member of its group less than this share as alike to it (the seeds: 0.38 and 0.43;
# three reports of one event: 0.8 and more)
STAND_OUT = 0.5
SMALL_THRESHOLD = 0.07  # tune half of Multi-News clusters grouped alone, with a stranger added (group_stories.py)


def quote_groups_by_article(quote_groups: Sequence[QuoteGroup]) -> dict[str, frozenset[str]]:
    """Ids of the long quotes each article shares with others."""
    found: dict[str, set[str]] = {}
    for group in quote_groups:
        if len(group.text.split()) < LONG_QUOTE_WORDS:
            continue
        for article_id in group.articles:
            found.setdefault(article_id, set()).add(group.id)
    return {k: frozenset(v) for k, v in found.items()}


def article_features(articles: Sequence[Article], quote_groups: Sequence[QuoteGroup] = ()) -> list[ArticleFeatures]:
    """Features of every article, weighted with document frequencies over all of them."""
    by_article = quote_groups_by_article(quote_groups)
    feats = [extract(a, i, by_article) for i, a in enumerate(articles)]
    term_df, entity_df, anchor_df = DocFreq(), DocFreq(), DocFreq()
    for f in feats:
        term_df.add(f.term_counts)
        entity_df.add(f.entity_counts)
        anchor_df.add(f.anchor_counts)
    for f in feats:
        f.weigh(term_df, entity_df, anchor_df)
    return feats


def small_input_stories(
    features: Sequence[ArticleFeatures],
    clusters: list[list[int]],
    weights: Weights | None = None,
    threshold: float = STORY_THRESHOLD,
) -> list[list[int]]:
    """Merge the stories of a small input that its own IDF kept apart though nothing in them stands out.

    Corpus-relative IDF gives the words every article of the input shares almost no weight. That tells one
    subject's developments apart (the seeds: one tight pair, two articles on other days), but an input that
    is one event's reports (three outlets' untitled, lower-cased accounts) has nothing else, and splits into
    single articles. Here the same pair score is computed with :class:`PriorDocFreq` weights, and articles
    are clustered by average link at ``SMALL_THRESHOLD`` (same cohesion, time window and shared-term rules).
    Such a group becomes one story only if no pair of its articles reaches ``threshold`` (``STORY_THRESHOLD``
    in both modes: a statement about one pair, not the clustering threshold) with the input's own weights
    (``features``): a pair that does is a development standing out from the rest, and the group is left as
    it was. Stories are only merged, never split, and only when they lie wholly inside the group.
    Inputs larger than ``SMALL_INPUT`` are returned unchanged (their document frequencies mean something).
    """
    n = len(features)
    if not 1 < n <= SMALL_INPUT:
        return clusters
    weights = weights or Weights()
    prior = [replace(f) for f in features]
    dfs = (PriorDocFreq(), PriorDocFreq(), PriorDocFreq())
    for f in prior:
        dfs[0].add(f.term_counts)
        dfs[1].add(f.entity_counts)
        dfs[2].add(f.anchor_counts)
    for f in prior:
        f.weigh(*dfs)
    in_window = [
        (i, j)
        for i in range(n)
        for j in range(i + 1, n)
        if day_gap(features[i].span, features[j].span) <= weights.window_days
    ]
    linkage = Linkage(SMALL_THRESHOLD, STORY_COHESION)
    linkage.agglomerate(range(n), {(i, j): similarity(prior[i], prior[j], weights) for i, j in in_window})
    cluster_of = {node: k for k, members in enumerate(clusters) for node in members}
    merged: dict[int, int] = {}  # cluster -> the cluster it is merged into
    for group in linkage.clusters():
        inside = set(group)
        touched = sorted({cluster_of[i] for i in group})
        if len(touched) < 2 or any(not set(clusters[k]) <= inside for k in touched):
            continue
        if _stands_out(group, features, prior, weights, threshold):
            continue
        for k in touched[1:]:
            merged[k] = touched[0]
    out: dict[int, list[int]] = defaultdict(list)
    for k, members in enumerate(clusters):
        out[merged.get(k, k)].extend(members)
    return [sorted(m) for m in out.values()]


def _stands_out(
    group: list[int],
    features: Sequence[ArticleFeatures],
    prior: Sequence[ArticleFeatures],
    weights: Weights,
    threshold: float,
) -> bool:
    """Whether ``group`` holds a development that stands out: a pair reaching ``threshold`` with the input's
    own weights, to which another member of the group is much less alike (background-smoothed scores: less
    than ``STAND_OUT`` of the pair's own) than its two articles are to each other."""
    for x, i in enumerate(group):
        for j in group[x + 1 :]:
            if similarity(features[i], features[j], weights) < threshold:
                continue
            inner = similarity(prior[i], prior[j], weights)
            for k in group:
                if k not in (i, j):
                    outer = (similarity(prior[k], prior[i], weights) + similarity(prior[k], prior[j], weights)) / 2
                    if outer < STAND_OUT * inner:
                        return True
    return False


def event_similarities(
    features: Sequence[ArticleFeatures], pairs: Iterable[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """Event similarities of the candidate ``pairs`` whose words can be compared (see ``event_similarity``)."""
    out: dict[tuple[int, int], float] = {}
    for i, j in pairs:
        value = event_similarity(features[i], features[j])
        if value is not None:
            out[i, j] = value
    return out


def _stories(articles: Sequence[Article], clusters: list[list[int]], prefix: str = "s") -> list[Story]:
    ordered = sorted(clusters, key=lambda m: (-len(m), m[0]))
    width = max(1, len(str(len(ordered))))
    return [
        Story(id=f"{prefix}{n:0{width}d}", articles=[articles[i].id for i in members])
        for n, members in enumerate(ordered, start=1)
    ]


def group_stories(
    articles: Sequence[Article],
    quote_groups: Sequence[QuoteGroup] = (),
    *,
    threshold: float | None = None,
    weights: Weights | None = None,
    features: Sequence[ArticleFeatures] | None = None,
) -> list[Story]:
    """Batch: cluster all ``articles`` at once into stories (largest first); ``threshold`` defaults to
    ``BATCH_STORY_THRESHOLD``."""
    threshold = BATCH_STORY_THRESHOLD if threshold is None else threshold
    weights = weights or Weights()
    feats = list(features) if features is not None else article_features(articles, quote_groups)
    pairs = candidate_pairs(feats, weights)
    blocks = story_blocks(len(feats), pairs, threshold, event_similarities(feats, pairs))
    clusters = [c for block in blocks for c in link_block(block, threshold)]
    return stories_of(articles, feats, clusters, weights)


@dataclass(frozen=True, slots=True)
class Block:
    """Articles no story of which can reach beyond them, with the scored pairs among them (and the event
    similarities of those that have one)."""

    nodes: list[int]
    pairs: dict[tuple[int, int], float]
    events: dict[tuple[int, int], float] = field(default_factory=dict)


def story_blocks(
    n: int,
    pairs: Mapping[tuple[int, int], float],
    threshold: float,
    events: Mapping[tuple[int, int], float] | None = None,
) -> list[Block]:
    """The input split into blocks that average-link clustering can treat one at a time.

    Two clusters join only when the average of their pairs reaches ``threshold``, so at least one of those
    pairs does: a story never spans two sets of articles that no pair reaching ``threshold`` connects. The
    blocks are those connected sets (articles with no such pair are blocks of one), each with every scored
    pair inside it and those pairs' ``events`` (the cohesion rules only ever refuse a join); pairs between
    blocks can never count. Clustering each block alone gives exactly the clusters of clustering the whole:
    the merge order inside a block depends only on its own pairs and article numbers. This is what lets the
    Ray engine link blocks in parallel.
    """
    joined = UnionFind(n)
    for (a, b), value in pairs.items():
        if value >= threshold:
            joined.union(a, b)
    blocks = {root: Block(members, {}) for root, members in joined.groups().items()}
    for (a, b), value in pairs.items():
        root = joined.find(a)
        if root == joined.find(b):
            blocks[root].pairs[(a, b)] = value
    for (a, b), value in (events or {}).items():
        root = joined.find(a)
        if root == joined.find(b):
            blocks[root].events[(a, b)] = value
    return sorted(blocks.values(), key=lambda block: block.nodes[0])


def link_block(block: Block, threshold: float = BATCH_STORY_THRESHOLD) -> list[list[int]]:
    """The stories of one block (see :func:`story_blocks`), as sorted lists of article numbers."""
    if len(block.nodes) == 1:
        return [list(block.nodes)]
    linkage = Linkage(threshold, STORY_COHESION, STORY_EVENT_COHESION)
    linkage.agglomerate(block.nodes, block.pairs, block.events)
    return linkage.clusters()


def stories_of(
    articles: Sequence[Article],
    features: Sequence[ArticleFeatures],
    clusters: list[list[int]],
    weights: Weights | None = None,
) -> list[Story]:
    """The merge step: clusters of all blocks as stories (largest first), a small input regrouped."""
    clusters = sorted(clusters, key=lambda members: members[0])
    return _stories(articles, small_input_stories(features, clusters, weights))


@dataclass
class StoryStream:
    """Streaming: articles are added in publication order and placed as they come.

    An article joins the story it is most similar to on average, or starts a new one; a later article
    that bridges two stories may merge them. Nothing else that was decided changes. Term weights use the
    document frequencies of the articles seen so far.
    """

    threshold: float = STORY_THRESHOLD
    weights: Weights = field(default_factory=Weights)
    articles: list[Article] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._linkage = Linkage(self.threshold, STORY_COHESION, STORY_EVENT_COHESION)
        self._index = CandidateIndex(window_days=self.weights.window_days)
        self._dfs = (DocFreq(), DocFreq(), DocFreq())
        self._weighed_at: dict[int, int] = {}  # node -> articles seen when its weights were last computed

    def _current(self, node: int) -> ArticleFeatures:
        """An earlier article's features, weighed again once the articles seen have doubled since: weights
        computed over the first few articles call every word rare, and an early article would keep joining
        later ones on words that turn out to be common."""
        f = self._index.features[node]
        seen = self._dfs[0].n_docs
        if seen >= 2 * self._weighed_at[node]:
            f.weigh(*self._dfs)
            self._weighed_at[node] = seen
        return f

    def add(self, article: Article, quote_groups: frozenset[str] = frozenset()) -> int:
        """Place one article; returns the internal number of the story it joined."""
        node = len(self.articles)
        self.articles.append(article)
        f = extract(article, node, {article.id: quote_groups})
        term_df, entity_df, anchor_df = self._dfs
        term_df.add(f.term_counts)
        entity_df.add(f.entity_counts)
        anchor_df.add(f.anchor_counts)
        f.weigh(term_df, entity_df, anchor_df)
        self._weighed_at[node] = term_df.n_docs
        sims: dict[int, float] = {}
        events: dict[int, float] = {}
        for j in self._index.query(node, f):
            other = self._current(j)
            sims[j] = similarity(f, other, self.weights)
            event = event_similarity(f, other)
            if event is not None:
                events[j] = event
        self._index.add(node, f)
        return self._linkage.add(node, sims, events)

    def clusters(self) -> list[list[int]]:
        """Stories as lists of positions in :attr:`articles` (the order articles were added)."""
        return self._linkage.clusters()

    def stories(self) -> list[Story]:
        return _stories(self.articles, self.clusters())


def stream_order(articles: Sequence[Article]) -> Iterator[Article]:
    """Articles in publication order (see :func:`.features.publication_order`), ties in input order."""
    order = sorted(range(len(articles)), key=lambda i: (publication_order(articles[i]), i))
    yield from (articles[i] for i in order)


def stream_stories(
    articles: Sequence[Article], quote_groups: Sequence[QuoteGroup] = (), *, threshold: float = STORY_THRESHOLD
) -> list[Story]:
    """Streaming over a whole input: what the store does as articles arrive."""
    by_article = quote_groups_by_article(quote_groups)
    stream = StoryStream(threshold=threshold)
    for article in stream_order(articles):
        stream.add(article, by_article.get(article.id, frozenset()))
    if len(articles) > SMALL_INPUT:
        return stream.stories()
    # a small input seen whole: the same regrouping as in batch, on features weighted over all of it
    feats = article_features(stream.articles, quote_groups)
    return _stories(stream.articles, small_input_stories(feats, stream.clusters(), stream.weights))
