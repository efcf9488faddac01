"""Annotating clean articles: sentences, entities, dates and quotes, in one pass over the input.

spaCy runs once per article (tokens, sentences, entities) through ``nlp.pipe``; everything else is
rules over its output, so the cost per article stays low. Canonical names need the whole input (a
surname in one article may only be spelled out in another), so entities are resolved after all
articles have been read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from ..errors import Msg
from ..lang import table as language_table
from ..model import Article, Block, Flag, Sentence, TimeMention
from .abbreviations import join_abbreviations
from .entities import EntityIndex, Mention, article_mentions, people_lookup, resolve_article
from .nlp import Parsed, parse_texts
from .quotes import find_quotes
from .workers import BATCH, ParserPool

ANNOTATE_CHARS = 100_000  # characters of one article annotated at most (about 15,000 words)
TRUNCATED = "truncated_annotation"  # the kind of the Flag on an article annotated only in part
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’')\]]*\s|[。！？]+[」』”’）)》]*")
# a sentence end of a script written without spaces, with the closing quotes and brackets that belong to it
_QUOTE_CLOSERS = "」』”"
ATTRIBUTION_CHARS = 12  # "陈国强指出。": at most this many characters after a closed quote join it
_CJK_END_RE = re.compile(r"[。！？]+[」』”’）)》〉】\"']*")


def annotation_end(text: str, limit: int = ANNOTATE_CHARS) -> int:
    """Where annotation of ``text`` stops: its end when it is at most ``limit`` characters long, else
    the last paragraph break, else sentence end, else space in the second half of the first ``limit``
    characters (or ``limit`` itself when there is none).

    The bound keeps the cost of one article within what spaCy (whose ``max_length`` it stays far
    below), the name and quote rules and the summary can take: a 1 MB article written as a single
    line took three minutes and 3 GB to brief. News articles are rarely a tenth of the bound long.
    """
    if len(text) <= limit:
        return len(text)
    floor = limit // 2
    cut = text.rfind("\n", floor, limit)
    if cut > 0:
        return cut + 1
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, floor, limit)]
    if ends:
        return ends[-1]
    for k in range(limit, floor, -1):
        if text[k - 1].isspace():
            return k
    return limit


def _truncation_flag(text: str, end: int) -> Flag:
    """The flag that says where annotation stopped; the text itself is kept whole."""
    detail = Msg.ANNOTATION_TRUNCATED.format(length=len(text), annotated=end)
    return Flag(TRUNCATED, text[end : end + 60].strip(), end, len(text), detail)


def _sentences(article: Article, doc_sents: Sequence[tuple[int, int]]) -> list[Sentence]:
    """spaCy's sentence boundaries, trimmed of white space and never crossing a paragraph, not cut at an
    abbreviation (:mod:`.abbreviations`)."""
    out: list[Sentence] = []
    text = article.text
    blocks = article.blocks or [Block("paragraph", 0, len(text))]
    for start, end in doc_sents:
        for b in blocks:
            lo, hi = max(start, b.start), min(end, b.end)
            if lo >= hi:
                continue
            for first, last in _cjk_pieces(text, lo, hi):
                piece = text[first:last]
                stripped = piece.strip()
                if stripped:
                    first += len(piece) - len(piece.lstrip())
                    out.append(Sentence(first, first + len(stripped)))
    # the opening marks first: spaCy leaves "(" of "s.a. ( copa ), …" at the end of the piece before
    out = join_abbreviations(text, _move_opening_quotes(text, out), language_table(article.language or "en"))
    out = _join_comma_ends(text, out)
    return [_trim_trailing_marks(text, s) for s in out]


def _join_comma_ends(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """No sentence ends with a comma: in lower-cased text spaCy cuts after "lynchburg, va.," or "84 ellis
    ave.,", leaving two pieces that cannot stand alone; join such a piece to the next (within a line)."""
    out: list[Sentence] = []
    for s in sentences:
        if out:
            prev = out[-1]
            gap = text[prev.end : s.start]
            if text[prev.start : prev.end].rstrip().endswith(",") and not gap.strip() and "\n" not in gap:
                out[-1] = Sentence(prev.start, s.end)
                continue
        out.append(s)
    return out


# a final stop followed by marks alone: the rule line of a wire story ("___"), a slash or hash left of a
# page's separator or a character reference ("&#"): not part of the sentence, which would look cut off
_TRAILING_MARKS_RE = re.compile(r"[.!?…][\"”’')\]]*(\s+[_/#&|*•~=+—–-]+)+$")


def _trim_trailing_marks(text: str, sentence: Sentence) -> Sentence:
    """``sentence`` ending at its final stop when only separator marks follow it."""
    m = _TRAILING_MARKS_RE.search(text, sentence.start, sentence.end)
    if m is None or m.end() != sentence.end:
        return sentence
    return Sentence(sentence.start, m.start(1))


def _cjk_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut after each full-width sentence end (。！？ and the closing marks after it).

    spaCy's English tokenizer leaves a run of Chinese characters one token, so its sentencizer never
    sees these marks; they end a sentence in any language that uses them.
    """
    pieces: list[tuple[int, int]] = []
    for m in _CJK_END_RE.finditer(text, start, end):
        if m.end() < end:
            pieces.append((start, m.end()))
            start = m.end()
    pieces.append((start, end))
    # 「…。」陈国强说。: a short attribution after a quote that closed its own sentence stays with it
    merged: list[tuple[int, int]] = []
    for lo, hi in pieces:
        if merged and text[merged[-1][1] - 1] in _QUOTE_CLOSERS and len(text[lo:hi].strip()) <= ATTRIBUTION_CHARS:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


_OPENING_MARKS = "\"“‘'(["
_OPENING_QUOTE_RE = re.compile(r"\s+[\"“‘'(\[]$")


def _move_opening_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """spaCy leaves the opening mark of a quote or a bracket that starts the next sentence at the end of this
    one ('… on Monday. "' + 'We will win," she said.'; '… they had been renting. (' + 'The sale closed.)'),
    which leaves both pieces broken; give the mark back to the sentence it opens."""
    out = list(sentences)
    for i in range(len(out) - 1):
        s, nxt = out[i], out[i + 1]
        m = _OPENING_QUOTE_RE.search(text, s.start, s.end)
        if m and text[s.end - 1] in _OPENING_MARKS and m.end() == s.end and text[s.end : nxt.start].strip() == "":
            out[i] = Sentence(s.start, m.start())
            out[i + 1] = Sentence(s.end - 1, nxt.end)
    return out


def annotate_articles(
    articles: Sequence[Article],
    *,
    dates: bool = True,
    n_process: int = 1,
    parsers: ParserPool | None = None,
    progress: Callable[[Article], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
    parses: Sequence[Parsed] | None = None,
    tags: Sequence[list[TimeMention]] | None = None,
) -> list[Article]:
    """Fill ``sentences``, ``entities``, ``dates`` and ``quotes`` of every article (in place; returned too).

    spaCy runs in ``parsers`` when given (see :mod:`.workers`), in ``n_process`` new worker processes
    when that is more than one and the input fills more than one batch, or else in this process. Dates
    need no parse, so with workers they are tagged here while the workers parse; so is ``meanwhile``,
    the caller's own work that needs no annotation (the command line finds duplicates then).

    ``parses`` and ``tags`` are each article's parse and dates when an engine already computed them
    where the articles were cleaned (:mod:`storybrief.engine.ray`): only the steps that need the whole
    input (canonical names, quotes) run here then.
    """
    texts = [a.text[: annotation_end(a.text, ANNOTATE_CHARS)] for a in articles]
    for article, text in zip(articles, texts, strict=True):
        article.flags = [f for f in article.flags if f.kind != TRUNCATED]  # annotating again: one flag
        if len(text) < len(article.text):
            article.flags.append(_truncation_flag(article.text, len(text)))
    if parses is not None:
        return _annotate_parsed(articles, texts, parses, tags, progress, meanwhile)
    own_pool = parsers is None and n_process > 1 and len(texts) > BATCH
    pool = ParserPool(n_process) if own_pool else parsers
    try:
        if pool is not None:
            batches = pool.submit(texts)
            tagged = _tag_dates(articles, texts) if dates else None
            if meanwhile is not None:
                meanwhile()
            parsed: Iterator[Parsed] = (p for batch in batches for p in batch.result())
        else:
            tagged = None
            parsed = (p for i in range(0, len(texts), BATCH) for p in parse_texts(texts[i : i + BATCH]))
        mentions = _take_parses(articles, texts, parsed, progress)
    finally:
        if own_pool and pool is not None:
            pool.close()
    if pool is None and meanwhile is not None:
        meanwhile()
    if dates and tagged is None:
        tagged = _tag_dates(articles, texts)
    _resolve(articles, texts, mentions, tagged)
    return list(articles)


def _annotate_parsed(
    articles: Sequence[Article],
    texts: Sequence[str],
    parsed: Sequence[Parsed],
    tagged: Sequence[list[TimeMention]] | None,
    progress: Callable[[Article], None] | None,
    meanwhile: Callable[[], object] | None,
) -> list[Article]:
    """The whole-input steps over parses computed elsewhere."""
    mentions = _take_parses(articles, texts, parsed, progress)
    if meanwhile is not None:
        meanwhile()
    _resolve(articles, texts, mentions, tagged)
    return list(articles)


def _take_parses(
    articles: Sequence[Article],
    texts: Sequence[str],
    parsed: Iterable[Parsed],
    progress: Callable[[Article], None] | None,
) -> list[list[Mention]]:
    """Each article's sentences from its parse (set in place), and the name mentions its entities give."""
    mentions: list[list[Mention]] = []
    for article, text, (sents, ents) in zip(articles, texts, parsed, strict=True):
        article.sentences = _sentences(article, sents)
        mentions.append(article_mentions(text, ents))
        if progress is not None:
            progress(article)
    return mentions


def _resolve(
    articles: Sequence[Article],
    texts: Sequence[str],
    mentions: Sequence[list[Mention]],
    tagged: Sequence[list[TimeMention]] | None,
) -> None:
    """Canonical names across the whole input, then each article's entities and quotes."""
    index = EntityIndex(mentions)
    for k, (article, text, found) in enumerate(zip(articles, texts, mentions, strict=True)):
        article.entities = resolve_article(text, found, index)
        people = people_lookup(article.entities, index)
        blocks = _blocks_within(article.blocks, len(text))
        article.quotes = find_quotes(text, blocks, article.sentences, article.entities, people, article.language)
        if tagged is not None:
            article.dates = tagged[k]


def _blocks_within(blocks: Sequence[Block], end: int) -> list[Block]:
    """The blocks of the annotated part of a text, the last one cut where annotation stopped."""
    return [Block(b.kind, b.start, min(b.end, end)) for b in blocks if b.start < end]


def tag_dates_of(articles: Sequence[Article], texts: Sequence[str]) -> list[list[TimeMention]]:
    """Each article's dates in ``texts`` (its annotated part), in its language: what annotation tags
    while spaCy parses; public for engines that tag where they parse."""
    return _tag_dates(articles, texts)


def _tag_dates(articles: Sequence[Article], texts: Sequence[str]) -> list[list[TimeMention]]:
    return [tag_article_dates(a, text) for a, text in zip(articles, texts, strict=True)]


def tag_article_dates(article: Article, text: str) -> list[TimeMention]:
    """The date mentions of ``text`` (the annotated part of ``article``'s text), in its language."""
    from .dates import tag_dates

    anchor = article.published.date() if article.published else None
    return _with_language_dates(article, text, tag_dates(text, anchor, day_first=day_first(article)))


# countries whose web domain says numeric dates are written day first (most of the world but the US)
_DAY_FIRST_DOMAINS = frozenset("uk au nz ie in sg my id ph za ng ke pk gh hk lk bd eu fr de es it nl".split())
_HOST_RE = re.compile(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", re.I)


def day_first(article: Article) -> bool:
    """Whether ``article`` likely writes numeric dates day first: by its language table (Malay,
    Indonesian), else by the country of its web address ("….co.uk", "….com.sg")."""
    table = language_table(article.language)
    if table is not None and table.day_first:
        return True
    host = _HOST_RE.match(article.url or "")
    return host is not None and host.group(1).lower().rsplit(".", 1)[-1] in _DAY_FIRST_DOMAINS


def _with_language_dates(article: Article, text: str, english: list[TimeMention]) -> list[TimeMention]:
    """For an article in a language with a table other than English, the dates written in that language,
    and the English tagger's mentions that do not overlap them."""
    table = language_table(article.language)
    if table is None or table.code == "en":
        return english
    from .dates.by_language import tag_language_dates

    own = tag_language_dates(text, article.published.date() if article.published else None, table)
    if not own:
        return english
    kept = [e for e in english if not any(o.start < e.end and e.start < o.end for o in own)]
    return sorted(own + kept, key=lambda m: m.start)
