"""The cited extractive summary of a story, and its headline.

Each eligible sentence (see :mod:`.sentences`) is scored by

* centrality: cosine with the story's centroid, in which every article counts once, weighted by how much it
  shares with the story's other sources (:func:`story_centroid`: a stray page grouped into the story must
  not pull its centre),
* corroboration: how many other articles carry the same fact (a sentence of theirs at ``SUPPORT_SIM``),
* lead position: news puts what matters first.

Sentences are then taken best first (well-formed ones before fragments; in an article folded to lower case
a sentence needs no capital start to count as whole), skipping any too close to one
already taken (``REDUNDANCY``), while they fit the word budget. Budget left over is then filled the same
way with sentences that overlap a chosen one but do not repeat its fact (below ``SUPPORT_SIM``). A
sentence that shares nothing with the story's centre is never taken, even to fill the budget. The
summary is shown in reading order (earliest article first, then position). Each sentence cites every
article holding a sentence that supports it (:mod:`.support`), with that sentence and how strong the support
is. Copies (duplicates) count once as corroboration but are still cited.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from .. import defaults
from ..model import Article, SummarySentence
from .labels import article_headline, title_headline
from .sentences import SUPPORT_SIM, Matrix, Unit, brief_language, build_matrix, story_units, well_formed
from .support import SupportIndex, names, support_score

DEFAULT_WORDS = defaults.SUMMARY_WORDS
REDUNDANCY = 0.3  # cosine from which a sentence repeats one already chosen (first pass)
SUPPORT_WEIGHT = 0.35
# Lead bonus: 1 + LEAD_WEIGHT / (1 + LEAD_DECAY * position), 1.5x for a first sentence. Centrality already
# rewards what a lead says; a stronger prior mostly promotes what sits at the top of scraped pages
# (newsletter prompts, captions, bylines) and, on inputs cut to their first paragraphs, every sentence is
# near the top anyway. With 1.0, ROUGE-1/2 were 0.1/0.15 points lower on 660 Multi-News clusters
# (benchmarks/brief_rouge.py: its two samples and 400 clusters of neither).
LEAD_WEIGHT = 0.5
LEAD_DECAY = 0.5
MIN_LEFT = 5  # stop filling the budget when fewer words than this remain
# an article whose words past each sentence's first start with a capital less often than this was folded to
# lower case (names too): cased English news has 2 % or more (MMDS dev), lower-cased dumps about 0
FOLDED_CAPITALS = 0.015
FOLDED_MIN_WORDS = 40  # fewer words do not tell
_TINY = 1e-9
_LETTER_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _order_key(article: Article, index: int) -> tuple[float, int]:
    return (article.published.timestamp() if article.published is not None else math.inf, index)


def _independent(indices: Sequence[int], articles: Sequence[Article]) -> int:
    """Articles that are not copies of one another (a duplicate or a rewrite does not corroborate)."""
    roots = set()
    ids = {articles[k].id for k in indices}
    for k in indices:
        a = articles[k]
        root = a.id
        if a.duplicate_of is not None and a.duplicate_of.article in ids:
            root = a.duplicate_of.article
        elif a.rewrite_of is not None and a.rewrite_of.article in ids:
            root = a.rewrite_of.article
        roots.add(root)
    return len(roots)


def copy_root(article: Article) -> str:
    """The article a copy was taken from (a duplicate's or a rewrite's original), else the article itself."""
    if article.duplicate_of is not None:
        return article.duplicate_of.article
    if article.rewrite_of is not None and article.rewrite_of.article:
        return article.rewrite_of.article
    return article.id


def story_centroid(units: Sequence[Unit], matrix: Matrix, articles: Sequence[Article]) -> np.ndarray:
    """The story's centre: each article's unit vector, weighted by how much it shares with the other sources.

    Every article counts once, whatever its length (as in ``matrix.centroid``), but an article that has
    little in common with the rest of its story (a stray page grouped in, an error page, a piece on another
    event) would otherwise own as much of the centre as any report, and its own sentences would look
    central. Its weight is the cosine of its vector with the sum of the other independent articles'
    (copies of it do not vouch for it), relative to the best-connected article's. With one or two sources
    all weights are equal (nothing tells which of two is off-story) and this is ``matrix.centroid``.
    """
    if not units:
        return matrix.centroid
    owner = np.fromiter((u.article for u in units), dtype=int, count=len(units))
    n = int(owner.max()) + 1
    summed = sparse.csr_matrix((np.ones(len(units)), (owner, np.arange(len(units)))), shape=(n, len(units)))
    per_article = (summed @ matrix.rows).tocsr()
    norms = np.sqrt(np.asarray(per_article.multiply(per_article).sum(axis=1)).ravel())
    present = norms > 0
    vectors = (sparse.diags(1.0 / np.where(present, norms, 1.0)) @ per_article).tocsr()
    roots: dict[str, int] = {}
    group = np.fromiter((roots.setdefault(copy_root(articles[k]), len(roots)) for k in range(n)), int, n)
    by_root = (sparse.csr_matrix((np.ones(n), (group, np.arange(n))), shape=(len(roots), n)) @ vectors).tocsr()
    total = np.asarray(vectors.sum(axis=0)).ravel()
    own = by_root[group]  # each article's copy group, itself included
    # cosine of each article with (total - own group), without building the n differences
    dot = vectors @ total - np.asarray(vectors.multiply(own).sum(axis=1)).ravel()
    own_total = by_root @ total
    own_sq = np.asarray(by_root.multiply(by_root).sum(axis=1)).ravel()
    other_sq = np.maximum(total @ total - 2 * own_total[group] + own_sq[group], 0.0)
    other_norm = np.sqrt(other_sq)
    weight = np.where(other_norm > _TINY, dot / np.where(other_norm > _TINY, other_norm, 1.0), 0.0)
    # an article sharing nothing with the others gets 1 - 1, which rounding may leave a hair above 0
    weight = np.where(present & (weight > _TINY), weight, 0.0)
    if len(roots) < 2 or weight.max() <= _TINY:
        return matrix.centroid  # nothing to weigh against: every article counts the same
    centroid = np.asarray(vectors.T @ (weight / weight.max())).ravel()
    norm = np.linalg.norm(centroid)
    return centroid / norm if norm > 0 else matrix.centroid


def score_units(
    units: Sequence[Unit], matrix: Matrix, articles: Sequence[Article], *, followers: bool = False
) -> dict[int, float]:
    """Scores of the eligible units (and, with ``followers``, of those fit only after the sentence before)."""
    if not units:
        return {}
    centrality = np.asarray(matrix.rows @ story_centroid(units, matrix, articles)).ravel()
    support_counts = _support_counts(units, matrix, articles)
    scores = {}
    for i, unit in enumerate(units):
        if not (unit.eligible or (followers and unit.follows)):
            continue
        lead = 1.0 + LEAD_WEIGHT / (1.0 + LEAD_DECAY * unit.position)
        scores[i] = float(centrality[i]) * (1.0 + SUPPORT_WEIGHT * math.log1p(support_counts[i])) * lead
    return scores


def _support_counts(units: Sequence[Unit], matrix: Matrix, articles: Sequence[Article]) -> list[int]:
    """Other independent articles carrying each unit's fact, from the story's cosines computed once."""
    rows, cols = matrix.close_pairs(SUPPORT_SIM)
    owner = np.fromiter((u.article for u in units), dtype=int, count=len(units))
    # the pairs that count, found with numpy: a big story has millions of weaker ones
    keep = owner[rows] != owner[cols]
    per_unit: list[set[int]] = [set() for _ in units]
    for i, j in zip(rows[keep].tolist(), cols[keep].tolist(), strict=True):
        per_unit[i].add(int(owner[j]))
    return [_independent(sorted(s), articles) for s in per_unit]


def summarize(
    articles: Sequence[Article],
    words: int = DEFAULT_WORDS,
    *,
    units: Sequence[Unit] | None = None,
    matrix: Matrix | None = None,
    support: SupportIndex | None = None,
) -> list[SummarySentence]:
    """An extractive summary of ``articles`` (one story) within ``words`` words, every sentence cited."""
    units = list(units) if units is not None else story_units(articles)
    if not units:
        return []
    matrix = matrix or build_matrix(units)
    support = support or SupportIndex(articles, units, matrix)
    support.prefer_originals()
    scores = score_units(units, matrix, articles, followers=True)
    whole = whole_sentences(units, articles)
    # well-formed sentences first; the others only fill what they leave of the budget. A sentence sharing no
    # term with the story's centre (one of a page unrelated to the other sources) is not about the story.
    order = sorted((k for k in scores if scores[k] > 0), key=lambda k: (not whole[k], -scores[k], k))
    lead = lead_sentence(units, scores, order, articles, support, whole)
    if lead is not None and units[lead].words <= words:  # the lead is taken first, whatever its rank
        order = [lead, *(k for k in order if k != lead)]
    chosen: list[int] = []
    taken: set[tuple[int, int]] = set()  # (article, position) of the chosen units
    followers = {(u.article, u.position) for u in units if u.follows}
    closest = np.zeros(len(units))  # each unit's highest cosine with a chosen one
    used = 0
    # First a diverse summary; then what it leaves of the budget goes to sentences that share words with a
    # chosen one but not its fact (a second sentence on the same fact is never taken). A dangling sentence
    # ("But ...", "He said ...") is only taken right after the sentence before it, which reading order puts
    # just before it; a pass that took one looks again for its own follower.
    for limit in (REDUNDANCY, SUPPORT_SIM):
        again = True
        while again:
            again = False
            for i in order:
                unit = units[i]
                if i in chosen or closest[i] >= limit:
                    continue
                if unit.follows and (unit.article, unit.position - 1) not in taken:
                    continue
                if used + unit.words > words:
                    if words - used < MIN_LEFT:
                        break
                    continue
                chosen.append(i)
                taken.add((unit.article, unit.position))
                used += unit.words
                closest = np.maximum(closest, matrix.similar(i))
                again = again or (unit.article, unit.position + 1) in followers
    chosen.sort(key=lambda k: (_order_key(articles[units[k].article], units[k].article), units[k].position))
    if lead is not None and lead in chosen:  # the lead first, with what follows it in its article
        block = [lead]
        while (nxt := chosen.index(block[-1]) + 1) < len(chosen) and units[chosen[nxt]].follows:
            block.append(chosen[nxt])
        chosen = block + [k for k in chosen if k not in block]
    out = []
    for i in chosen:
        unit = units[i]
        sources, records = support.records(support.supports(i))
        article = articles[unit.article].id
        out.append(SummarySentence(unit.text, sources, article, unit.start, unit.end, records, unit.suspect))
    return out


def case_folded(article: Article) -> bool:
    """Whether ``article`` was folded to lower case (names and all), as some archives and datasets are:
    its words past each sentence's first hardly ever start with a capital."""
    words = capitals = 0
    for s in article.sentences:
        found = _LETTER_WORD_RE.findall(article.text, s.start, s.end)[1:]
        words += len(found)
        capitals += sum(1 for w in found if w[0].isupper())
    return words >= FOLDED_MIN_WORDS and capitals < FOLDED_CAPITALS * words


def whole_sentences(units: Sequence[Unit], articles: Sequence[Article]) -> list[bool]:
    """Which units are whole sentences (:func:`.sentences.well_formed`), where a sentence of an article
    folded to lower case need not start with a capital: the folding, not a cut, took it away
    ("berry's facebook post was shared more than 1,500 times.")."""
    folded: dict[int, bool] = {}
    out = []
    for u in units:
        if u.well_formed:
            out.append(True)
            continue
        if u.article not in folded:
            folded[u.article] = case_folded(articles[u.article])
        out.append(folded[u.article] and well_formed(u.text, cased=False))
    return out


LEAD_MIN_WORDS = 12  # a lead tells who did what, when: shorter sentences are scraps or side remarks
LEAD_CANDIDATES = 12  # best-scored sentences among which the lead is chosen
LEAD_SUPPORT = 0.5  # weight of log(1 + independent articles supporting the sentence)
LEAD_NAMES = 0.5  # weight of the share of the story's key names the sentence carries
LEAD_RECENT = 0.25  # weight of how late its article was published within the story
LEAD_BACKGROUND = 0.6  # factor for a sentence about the past ("last year", "in 2019", "had been")
LEAD_FUTURE = 0.7  # factor for a sentence about what is to come ("will appear", "is expected to")
LEAD_QUOTE = 0.5  # factor for a sentence that opens with a quotation: a voice, not the news
KEY_NAMES = 5
_BACKGROUND_RE = re.compile(
    r"\b(?:last (?:year|month|decade)|years? ago|(?:months|decades) ago|previously|earlier this (?:year|month)"
    r"|since (?:19|20)\d\d|in (?:19|20)\d\d|had (?:not |never |already |long )?(?:been|\w+(?:ed|en|wn|ght|und|ld)))\b",
    re.I,
)
# what is to come or might be: a plan, a forecast, a deadline ("will appear", "is expected to", "would
# present"), not what happened
_FUTURE_RE = re.compile(r"\b(?:will|would|is (?:expected|due|set) to|are (?:expected|due|set) to|plans? to)\b", re.I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def lead_sentence(
    units: Sequence[Unit],
    scores: dict[int, float],
    order: Sequence[int],
    articles: Sequence[Article],
    support: SupportIndex,
    whole: Sequence[bool] | None = None,
) -> int | None:
    """The sentence that opens the summary: the story's main development.

    Among the ``LEAD_CANDIDATES`` best-scored whole sentences (not dangling, not quotes alone), the one whose
    score is highest once weighted by how many independent articles support it and are supported by it (the
    rule of :mod:`.support` both ways, copies counting once), by the share of the story's key names it
    carries (the names most independent articles mention), and by how late its article came out (the latest
    decisive event over the first reports); a sentence about the past ("last year", a year before the
    story's, "had found"), about what is to come ("will appear") or opening with a quote is lowered.
    """
    whole = whole if whole is not None else [u.well_formed for u in units]
    candidates = [k for k in order if whole[k] and _lead_like(units[k])][:LEAD_CANDIDATES]
    if not candidates:
        return None
    keys = _key_names(units, support)
    times = sorted({a.published.timestamp() for a in articles if a.published is not None})
    this_year = max((a.published.year for a in articles if a.published is not None), default=None)
    best, best_value = None, -1.0
    for k in candidates:
        unit = units[k]
        # corroborated both ways: a short sentence that a longer one on another fact happens to cover
        # ("Anglers say the river is full at night" / "Floodwater from the river swept through …") is not
        mine = support.features(k)
        # and not by the very same words: page furniture two sites share ("The news and stories that matter,
        # delivered weekday mornings.") is no confirmation
        independent = sum(
            1
            for m in support.independent(k)
            if support.features(m.unit).words != mine.words and support_score(support.features(m.unit), mine) > 0
        )
        carried = len(keys & names(unit.text)) / len(keys) if keys else 0.0
        published = articles[unit.article].published
        recent = times.index(published.timestamp()) / (len(times) - 1) if published and len(times) > 1 else 0.0
        value = scores[k] * (1 + LEAD_SUPPORT * math.log1p(independent)) * (1 + LEAD_NAMES * carried)
        value *= 1 + LEAD_RECENT * recent
        past = this_year is not None and any(int(y) < this_year for y in _YEAR_RE.findall(unit.text))
        if past or _BACKGROUND_RE.search(unit.text):
            value *= LEAD_BACKGROUND
        if _FUTURE_RE.search(unit.text):
            value *= LEAD_FUTURE
        if unit.text[:1] in "\"“‘'":
            value *= LEAD_QUOTE
        if unit.suspect:
            value *= 0.5
        if value > best_value:
            best, best_value = k, value
    return best


def _lead_like(unit: Unit) -> bool:
    """An eligible sentence long enough to tell who did what (a caption scrap or a name with its title is
    not), without an ellipsis (where a cut caption or teaser was glued to the text); the caller asks for a
    whole sentence (:func:`whole_sentences`)."""
    return unit.eligible and unit.words >= LEAD_MIN_WORDS and "..." not in unit.text and "…" not in unit.text


def _key_names(units: Sequence[Unit], support: SupportIndex) -> frozenset[str]:
    """The names (see :func:`.support.names`) mentioned by the most independent articles, at least two."""
    roots_of: dict[str, set[str]] = {}
    for u in units:
        if u.eligible or u.follows:
            for name in names(u.text):
                roots_of.setdefault(name, set()).add(support.roots[u.article])
    ranked = sorted((n for n in roots_of if len(roots_of[n]) >= 2), key=lambda n: (-len(roots_of[n]), n))
    return frozenset(ranked[:KEY_NAMES])


def headline(articles: Sequence[Article], matrix: Matrix | None = None) -> str:
    """The title most representative of the story: closest to the centroid of all its titles and leads.

    A story none of whose articles has a title gets the most central article lead, shortened at a clause
    boundary with an ellipsis (:func:`.labels.article_headline`), never a cut of the raw text."""
    language = brief_language(articles)
    titled = [a for a in articles if a.title and (language is None or a.language == language)]
    if not titled:
        return _lead_headline([a for a in articles if language is None or a.language == language] or articles, matrix)
    if len(titled) == 1:
        return title_headline(titled[0].title or "")
    if matrix is None:
        units = story_units(articles)
        matrix = build_matrix(units) if units else None
    if matrix is None:
        return title_headline(titled[0].title or "")
    best, best_score = titled[0], -1.0
    for a in sorted(titled, key=lambda x: _order_key(x, 0)):
        vec = matrix.vector(a.title or "")
        score = float((vec @ matrix.centroid)[0])
        if a.duplicate_of is not None or (a.rewrite_of is not None):
            score *= 0.9  # prefer an original's wording
        if score > best_score:
            best, best_score = a, score
    return title_headline(best.title or "")


def _lead_headline(articles: Sequence[Article], matrix: Matrix | None) -> str:
    """For a story without titles: the most central of its articles' leads, shortened (see :mod:`.labels`),
    an original's before a copy's."""
    best, best_score = "", -1.0
    for a in sorted(articles, key=lambda x: _order_key(x, 0)):
        lead = article_headline(a)
        if not lead:
            continue
        score = float((matrix.vector(lead) @ matrix.centroid)[0]) if matrix is not None else 0.0
        if a.duplicate_of is not None or a.rewrite_of is not None:
            score *= 0.9
        if score > best_score:
            best, best_score = lead, score
    return best
