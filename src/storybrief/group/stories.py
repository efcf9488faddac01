"""Stories: one real-world event each, found in batch over all input or streaming as articles arrive.

Evidence per pair of articles (see :mod:`.candidates`): TF-IDF similarity of title, lead and body, shared
canonical entities, language-independent anchors for translations, shared quotes, and the gap between their
publication days (undated articles use their inferred window). Articles are clustered by average link
(:mod:`.linkage`) so that both modes apply the same rule: join a story when the average similarity to its
articles reaches ``threshold``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..model import Article, QuoteGroup, Story
from .candidates import CandidateIndex, Weights, candidate_pairs, similarity
from .features import ArticleFeatures, DocFreq, extract, publication_order
from .linkage import Linkage

STORY_THRESHOLD = 0.15  # best batch F1 on MMDS2025 dev and Multi-News pooled (benchmarks/group_stories.py)
# a join must reach this share of the story's own average pair similarity (see Linkage): a related article
# on another event ties loosely to a tight story
STORY_COHESION = 0.25
LONG_QUOTE_WORDS = 10  # a shared stock phrase ("remains committed to a diplomatic approach") is no evidence


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
    threshold: float = STORY_THRESHOLD,
    weights: Weights | None = None,
    features: Sequence[ArticleFeatures] | None = None,
) -> list[Story]:
    """Batch: cluster all ``articles`` at once into stories (largest first)."""
    weights = weights or Weights()
    feats = list(features) if features is not None else article_features(articles, quote_groups)
    pairs = candidate_pairs(feats, weights)
    linkage = Linkage(threshold, STORY_COHESION)
    linkage.agglomerate(range(len(feats)), pairs)
    return _stories(articles, linkage.clusters())


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
        self._linkage = Linkage(self.threshold, STORY_COHESION)
        self._index = CandidateIndex(window_days=self.weights.window_days)
        self._dfs = (DocFreq(), DocFreq(), DocFreq())

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
        sims = {j: similarity(f, self._index.features[j], self.weights) for j in self._index.query(node, f)}
        self._index.add(node, f)
        return self._linkage.add(node, sims)

    def stories(self) -> list[Story]:
        return _stories(self.articles, self._linkage.clusters())


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
    return stream.stories()
