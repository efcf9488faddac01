"""Syndicated copies and rewrites: who republished whom.

* A **syndication group** is a duplicate group whose copies ran under more than one outlet or carry a wire
  agency's credit: one wire story, several publishers.
* A **rewrite** is a spun copy: few shared word sequences, but the same names, numbers and quotes in the same
  order. Each article's *skeleton* (those items in text order) is aligned with its candidates'. Only a near
  certain case is called a rewrite: most of *both* skeletons aligned (not just of the shorter one: a short
  report of a speech aligns with the transcript it quotes), two texts of similar length (a spinner swaps
  words, it does not cut or add paragraphs), and some wording kept (a spinner leaves names with their
  neighbours and short phrases alone; a reporter's own retelling shares almost no 3-word sequence) but
  little of it. The later (or garbled) one is the rewrite of the other.
* When the original is not in the input, an article whose phrasing is flagged as garbled and whose credit
  lines name other people's reporting is marked *likely rewritten*, with that evidence.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from ..clean.garble import GARBLED_PAGE, garbled_passages
from ..model import Article, RewriteOf, Syndication
from .dedup import DuplicateGroup, jaccard, shingles

MIN_SKELETON = 8  # items (names, numbers, quotes) an article needs for its skeleton to be evidence
MIN_SKELETON_SHARE = 0.6  # share of the shorter skeleton aligned in order with the other
MAX_WORD_OVERLAP = 0.35  # 3-word shingle Jaccard below which the wording counts as rewritten
MIN_WORD_OVERLAP = 0.05  # ... and from which it is a spin of the same text, not a retelling
MIN_LENGTH_RATIO = 0.7  # words of the shorter text over words of the longer one
_NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


def syndication_groups(articles: Sequence[Article], duplicates: Sequence[DuplicateGroup]) -> list[Syndication]:
    """Duplicate groups spanning several outlets or credited to an agency; sets ``Article.syndication``."""
    by_id = {a.id: a for a in articles}
    out: list[Syndication] = []
    for group in duplicates:
        members = [by_id[i] for i in group.members]
        agencies = Counter(a.agency for a in members if a.agency)
        outlets = {a.outlet or a.input for a in members}
        if not agencies and len(outlets) < 2:
            continue
        syn = Syndication(
            id=f"w{len(out) + 1}",
            agency=agencies.most_common(1)[0][0] if agencies else None,
            articles=list(group.members),
        )
        for a in members:
            a.syndication = syn.id
        out.append(syn)
    return out


def skeleton(article: Article) -> list[str]:
    """Names, numbers and quotes of ``article`` in text order: what a spinner cannot change."""
    items: list[tuple[int, str]] = [(e.start, "e:" + e.canonical.lower()) for e in article.entities]
    items += [(m.start(), "n:" + m.group().replace(",", "")) for m in _NUMBER_RE.finditer(article.text)]
    items += [(q.start, "q:" + " ".join(q.text.lower().split()[:4])) for q in article.quotes if q.kind == "full"]
    return [key for _, key in sorted(items)]


def skeleton_share(a: Sequence[str], b: Sequence[str]) -> float:
    """Items aligned in order, over the longer skeleton: high only when most of both are aligned."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(1, len(a), len(b))


def _original_first(a: Article, b: Article) -> tuple[Article, Article]:
    """(original, rewrite): the garbled one is the rewrite; otherwise the later one."""
    garbled_a, garbled_b = _garbled(a), _garbled(b)
    if garbled_a != garbled_b:
        return (b, a) if garbled_a > garbled_b else (a, b)
    when_a = a.published.timestamp() if a.published else float("inf")
    when_b = b.published.timestamp() if b.published else float("inf")
    return (a, b) if (when_a, a.id) <= (when_b, b.id) else (b, a)


def _garbled(article: Article) -> int:
    return garbled_passages(article.flags)


def find_rewrites(articles: Sequence[Article], candidates: Mapping[str, Sequence[str]]) -> None:
    """Set ``rewrite_of`` on spun copies; ``candidates`` maps article ids to ids worth comparing."""
    by_id = {a.id: a for a in articles}
    skeletons = {a.id: skeleton(a) for a in articles}
    words = {a.id: shingles(a.text, 3) for a in articles}
    lengths = {a.id: len(a.text.split()) for a in articles}
    best: dict[str, RewriteOf] = {}
    seen: set[tuple[str, str]] = set()
    for aid, others in candidates.items():
        for bid in others:
            pair = (min(aid, bid), max(aid, bid))
            if pair in seen:
                continue
            seen.add(pair)
            a, b = by_id[aid], by_id[bid]
            if a.duplicate_of or b.duplicate_of:
                continue
            sa, sb = skeletons[aid], skeletons[bid]
            if min(len(sa), len(sb)) < MIN_SKELETON:
                continue
            if min(lengths[aid], lengths[bid]) < MIN_LENGTH_RATIO * max(lengths[aid], lengths[bid]):
                continue
            share = skeleton_share(sa, sb)
            overlap = jaccard(words[aid], words[bid])
            if share < MIN_SKELETON_SHARE or not MIN_WORD_OVERLAP <= overlap < MAX_WORD_OVERLAP:
                continue
            original, copy = _original_first(a, b)
            evidence = (
                f"{share:.0%} of names, numbers and quotes in the same order as {original.id}",
                f"only {overlap:.0%} of 3-word sequences shared",
            )
            found = RewriteOf(original.id, share, evidence)
            if copy.id not in best or found.score > best[copy.id].score:
                best[copy.id] = found
    for aid, rewrite in best.items():
        by_id[aid].rewrite_of = rewrite
    for article in articles:
        if article.rewrite_of is None:
            article.rewrite_of = likely_rewritten(article)


def likely_rewritten(article: Article) -> RewriteOf | None:
    """Garbled phrasing plus credit lines for reporting by others, with no original in sight."""
    garbled = _garbled(article)
    credits = [c for c in article.credits if c]
    foreign_agency = article.agency is not None and article.agency != article.outlet
    if garbled < GARBLED_PAGE and not (garbled and (credits or foreign_agency)):
        return None
    evidence = [f"{garbled} passage(s) of garbled phrasing, typical of machine rewriting"]
    if foreign_agency:
        evidence.append(f"credits {article.agency}'s reporting")
    if credits:
        evidence.append("credit lines: " + ", ".join(credits[:6]))
    score = min(1.0, 0.25 * garbled + (0.25 if credits or foreign_agency else 0.0))
    return RewriteOf(None, score, tuple(evidence))
