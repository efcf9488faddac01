"""Topics: stories that share their main actors and subject over a longer span.

A story's profile sums its articles' entity and term counts. Unlike story grouping, weights here use
*smoothed* IDF, so that names every story shares (the topic's own actors) count for much rather than
nothing, and there is no time decay: a topic runs for months. Stories are joined by average link.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..model import Article, Story, Topic
from .features import ArticleFeatures, DocFreq, cosine, top_keys, weigh
from .linkage import Linkage

TOPIC_THRESHOLD = 0.3
ENTITY_SHARE = 0.7  # weight of shared entities against shared terms
MAX_POSTINGS = 200
LABEL_ENTITIES = 3


class _SmoothDocFreq(DocFreq):
    def idf(self, key: str) -> float:
        return super().idf(key) + 1.0


def group_topics(
    stories: Sequence[Story],
    features: Sequence[ArticleFeatures],
    articles: Sequence[Article],
    *,
    threshold: float = TOPIC_THRESHOLD,
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
    ent_vecs = [weigh(c, entity_df) for c in entity_counts]
    term_vecs = [weigh(c, term_df) for c in term_counts]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(ent_vecs):
        for key in top_keys(vec, 5):
            postings[key].append(i)
    pairs: dict[tuple[int, int], float] = {}
    for i, vec in enumerate(ent_vecs):
        for key in top_keys(vec, 5):
            posting = postings[key]
            if len(posting) > MAX_POSTINGS:
                continue
            for j in posting:
                if j > i and (i, j) not in pairs:
                    pairs[(i, j)] = ENTITY_SHARE * cosine(vec, ent_vecs[j]) + (1 - ENTITY_SHARE) * cosine(
                        term_vecs[i], term_vecs[j]
                    )
    linkage = Linkage(threshold)
    linkage.agglomerate(range(len(stories)), pairs)
    clusters = sorted(linkage.clusters(), key=lambda m: (-sum(len(stories[i].articles) for i in m), m[0]))
    width = max(1, len(str(len(clusters))))
    topics = []
    for n, members in enumerate(clusters, start=1):
        topic = Topic(id=f"t{n:0{width}d}", label="", stories=[stories[i].id for i in members])
        totals: Counter[str] = Counter()
        for i in members:
            totals.update(entity_counts[i])
            stories[i].topic = topic.id
        topic.label = _label(totals, [a for i in members for a in stories[i].articles], articles, position)
        topics.append(topic)
    return topics


def _label(totals: Counter[str], article_ids: list[str], articles: Sequence[Article], position: dict[str, int]) -> str:
    """The topic's most mentioned names as written in the articles; its first title when it has none."""
    display: dict[str, Counter[str]] = defaultdict(Counter)
    for aid in article_ids:
        for e in articles[position[aid]].entities:
            display[e.canonical.lower()][e.canonical] += 1
    names = [display[k].most_common(1)[0][0] for k, _ in totals.most_common(LABEL_ENTITIES) if display[k]]
    if names:
        return " · ".join(names)
    first = articles[position[article_ids[0]]]
    return first.title or first.id
