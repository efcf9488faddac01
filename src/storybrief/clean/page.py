"""Finding the article inside whole-page text (menus, headers, footers, one block per line).

Naive scrapers and Common Crawl WET records give the visible text of a page, one block per line. The
article is the stretch of the page where long, sentence-like lines are dense; navigation, related links
and footers are runs of short lines. Each line gets a score (positive for prose, negative for short
fragments) and the stretch with the largest total is the article (the maximum-sum subarray, as in
Finn et al.'s Body Text Extraction, applied to lines rather than tags).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD_RE = re.compile(r"\w+")
_TERMINAL_RE = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

SHORT_LINE_PENALTY = 4.0


def line_weight(text: str) -> float:
    """Roughly the number of words, counting CJK characters the way their word count would."""
    if text.isascii():
        return float(len(text.split()))  # close enough to the word count, and far cheaper
    cjk = len(_CJK_RE.findall(text))
    if cjk > len(text) / 3:
        return cjk / 2.0
    return float(len(_WORD_RE.findall(text)))


def is_terminated(text: str) -> bool:
    return bool(_TERMINAL_RE.search(text.rstrip()))


_TEASER_END_RE = re.compile(r"(\.\.\.|…|\[…\]|»)$")


def line_score(text: str) -> float:
    """Positive for prose, negative for navigation-like fragments and truncated teasers."""
    n = line_weight(text)
    if _TEASER_END_RE.search(text):
        return -SHORT_LINE_PENALTY
    if _is_table_row(text):
        return 0.0  # rows of figures belong to whatever surrounds them
    if is_terminated(text):
        if n >= 8:
            return n
        return n - 3.0  # short sentences ("Sorry!", "Thanks for signing up!") are weak evidence either way
    if n >= 25:
        return n * 0.5  # long unpunctuated blocks: tables, captions or prose without final stop
    return -SHORT_LINE_PENALTY


_NO_DIGITS = str.maketrans("", "", "0123456789")


def _is_table_row(text: str) -> bool:
    """A row of a table of figures: digits make up a large part of it."""
    chars = len(text) - text.count(" ")
    digits = len(text) - len(text.translate(_NO_DIGITS))
    return chars > 0 and digits / chars >= 0.3


def looks_like_page(texts: Sequence[str], junk: int = 0) -> bool:
    """Whole-page text has many lines and most of them are short fragments (or junk already recognised)."""
    if len(texts) + junk < 20:
        return False
    lines = [t for t in texts if t.strip() and not _is_table_row(t)]
    total = len(lines) + junk
    if total < 20:
        return False
    fragments = sum(1 for t in lines if line_score(t) < 0) + junk
    return fragments / total >= 0.45


def main_region(scores: Sequence[float]) -> tuple[int, int]:
    """``[start, end)`` of the contiguous run of lines with the largest total score (Kadane)."""
    best, best_start, best_end = float("-inf"), 0, 0
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = score, i
        else:
            total += score
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end


JUNK_PENALTY = 2.0
# junk that closes an article rather than sitting inside it (ads, credits): after a newsletter form, a
# related-links header or a copyright footer, what follows is the rest of the page
BOUNDARY_REASONS = frozenset(
    {"newsletter-prompt", "disclaimer", "site-widget", "copyright", "comment-form", "cookie-notice", "in-this-article"}
)
BOUNDARY_PENALTY = 6.0
# junk cut out of the page around the article (headlines of a related list, time stamps, menus): it costs
# what the fragment it was would have cost
FRAGMENT_REASONS = frozenset({"related-links", "time-stamp", "media-label"})
FRAGMENT_PENALTY = SHORT_LINE_PENALTY
ISOLATED_MAX_WEIGHT = 40
ISOLATED_SHARE = 0.5


def region_scores(lines: Sequence[tuple[bool, str, str]]) -> list[float]:
    """Scores for :func:`main_region` of ``(is_content, text)`` lines, each read with its neighbours.

    A prose line with no prose line on either side, and not long, counts half: the one-sentence summary of
    a related-story card sits between a headline and a byline or a time stamp, while an article's
    paragraphs come in runs. Only the edges of the region depend on this; a weak line inside the article
    is still kept.
    """
    scores = [line_score(text) if is_content else -_junk_penalty(reason) for is_content, reason, text in lines]
    prose = {i for i, (is_content, _, _) in enumerate(lines) if is_content and scores[i] >= 8}
    for i in sorted(prose):
        if line_weight(lines[i][2]) >= ISOLATED_MAX_WEIGHT:
            continue
        before, after = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
        if before not in prose and after not in prose:
            scores[i] *= ISOLATED_SHARE
    return scores


def _junk_penalty(reason: str) -> float:
    if reason in BOUNDARY_REASONS:
        return BOUNDARY_PENALTY
    return FRAGMENT_PENALTY if reason in FRAGMENT_REASONS else JUNK_PENALTY


NEIGHBOUR_SKIPS = frozenset({"ad-slot", "image-credit", "image-caption"})


def _neighbour(lines: Sequence[tuple[bool, str, str]], i: int, step: int) -> int | None:
    """The next line before or after ``i``, passing over ads and picture credits (they sit inside articles)."""
    j = i + step
    while 0 <= j < len(lines) and not lines[j][0] and lines[j][1] in NEIGHBOUR_SKIPS:
        j += step
    return j if 0 <= j < len(lines) else None
