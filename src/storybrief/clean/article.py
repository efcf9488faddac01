"""Cleaning one document: classify every line, take out junk and metadata, keep every real paragraph.

The steps, in order:
1. every line is classified: blank, junk (a family from :mod:`.rules`, or recurring boilerplate from
   corpus evidence), metadata (dates, bylines, credits), or candidate content;
2. the title is recognised (the container's title, or the first headline-like line);
3. captions are recognised by context: an unpunctuated line stranded between non-content lines;
4. on whole-page text, only the densest stretch of prose is kept (:mod:`.page`);
5. junk glued inside lines is cut (:mod:`.inline`), a wire credit at the end of the last paragraph too;
6. a dateline ("WASHINGTON (Reuters) -") is taken off the first paragraph;
7. the rest becomes paragraphs and subheads; garbled rewriting is flagged, not fixed.
Everything taken out is recorded as a :class:`~storybrief.model.Removal` with its raw offsets.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import Msg
from ..lang import end_note_patterns, word_count
from ..model import Article, Block, DateSource, Flag, InputFormat, RawDocument, Removal, content_id
from . import metadata as md
from .garble import garble_flags
from .inline import date_labels, ends_with_photo_credit, inline_junk, merge_spans
from .language import guess_language, normalize_language
from .page import is_terminated, line_weight, looks_like_page, main_region, region_scores
from .rules import is_comment_author, is_comment_section_header, junk_reason, strip_bullets

_ODD_SPACE_RE = re.compile(
    "[\r\t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    "\u200b\u200c\u200d\u2060\ufeff]"
)
_CAPTION_HINT_RE = re.compile(
    r"\b(is|are|was|were) (seen|pictured|shown|photographed)\b|\bpictured\b|\bposes?\b|\bfile photo\b|"
    r"\b(photo|image) (courtesy|credit|by)\b|\((ap|afp|reuters|getty)( photo| images)?\)|"
    r"/\s*(ap|afp|reuters|getty images)\b",
    re.IGNORECASE,
)
# News-photo captions written as sentences: the people placed in the picture ("Mark Esper, left, and ..."),
# or the day of the picture given in full without "on" ("... in Hanoi, Vietnam Wednesday, Nov. 20, 2019."),
# or "In this Dec. 12, 2006, file photo". Article prose says "on Wednesday" and rarely places people.
_PHOTO_CAPTION_RE = re.compile(
    r", (?:left|right|center|centre|second (?:left|right)|(?:top|bottom|front|back) (?:left|right|row))(?:,| and\b)|"
    r"\((?:left|right|center|centre|L|R|C)\)|"
    r"(?<!\bon )(?<!\bOn )\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d\b|"
    r"\bin this (?:\w+\.? \d{1,2}, (?:19|20)\d\d,? )?(?:file )?(?:photo|image|picture)\b"
)
_PHOTO_CAPTION_MAX_WORDS = 60
# cheap first test: one of the marks every news-photo caption above holds
_PHOTO_CAPTION_HINT_RE = re.compile(
    r", (?:left|right|cent|second|top|bottom|front|back)|\((?:[LRC]|left|right|cent)|day, | (?:photo|image|picture)"
)


def _is_photo_caption(text: str) -> bool:
    """A news-photo caption written as a sentence (cheap substring tests before the pattern)."""
    if _PHOTO_CAPTION_HINT_RE.search(text) is None or len(text.split()) > _PHOTO_CAPTION_MAX_WORDS:
        return False
    return _PHOTO_CAPTION_RE.search(text) is not None


_HEADLINE_MAX_WORDS = 25
_SUBHEAD_MAX_WORDS = 14
# a first line that ends like a sentence is still a headline when it is short, set in title case or opens
# with a "Name:" label, and a longer paragraph follows (plain-text exports that end every headline with ".")
_STOPPED_HEADLINE_MAX_WORDS = 16
_TITLE_CASE_SHARE = 0.75  # of the words longer than three letters, at least this share capitalised
_HEADLINE_LABEL_RE = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}: \S")
_SENTENCE_INSIDE_RE = re.compile(r"[a-z]{2,}[.!?][\"”’']? +[A-Z]")  # "judge. That" (not "U.S. Flexes")

CONTENT, BLANK, JUNK, META, TITLE = "content", "blank", "junk", "meta", "title"


@dataclass(slots=True)
class _Line:
    start: int  # offsets into the raw text
    end: int
    raw: str  # the line with odd spaces made plain (same length as the raw line)
    text: str  # stripped, spaces collapsed
    kind: str = CONTENT
    reason: str = ""
    cuts: list[tuple[int, int, str]] = field(default_factory=list)  # inline removals, offsets into ``raw``


def normalize_line_key(text: str) -> str:
    """The form in which lines are compared across documents (for recurring boilerplate)."""
    text = text.strip()
    if text and not text[0].isalnum():
        text = strip_bullets(text)
    return " ".join(text.lower().split()).translate(_DIGITS_TO_ZERO)


def split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    # odd spaces become plain ones character for character, so offsets into ``text`` still hold
    plain_text = _ODD_SPACE_RE.sub(" ", text) if _ODD_SPACE_RE.search(text) else text
    for plain in plain_text.split("\n"):
        lines.append(_Line(pos, pos + len(plain), plain, " ".join(plain.split())))
        pos += len(plain) + 1
    return lines


def clean_document(raw: RawDocument, recurring: frozenset[str] = frozenset()) -> Article:
    """Turn one :class:`RawDocument` into a clean :class:`Article`."""
    text = raw.text
    lines = split_lines(text)
    article = Article(
        id=raw.meta.id or content_id(text),
        input=raw.input,
        format=raw.format,
        text="",
        url=raw.meta.url,
        title=_clean_title(raw.meta.title),
        subtitle=raw.meta.subtitle,
        outlet=raw.meta.outlet,
        language=raw.meta.language,
        teaser_only=raw.meta.teaser_only,
        captured=raw.meta.captured,
        byline=list(raw.meta.authors),
    )
    if raw.meta.published:
        article.published, article.published_source = raw.meta.published, DateSource.METADATA
    if raw.meta.updated:
        article.updated, article.updated_source = raw.meta.updated, DateSource.METADATA

    _classify(lines, recurring, article)
    _find_title(lines, article)
    _find_standfirst(lines, article)
    _find_captions(lines)
    _cut_headline_lists(lines)
    _cut_teaser_cards(lines)
    content = [ln.text for ln in lines if ln.kind == CONTENT]
    junk = sum(1 for ln in lines if ln.kind == JUNK)
    if raw.page_text or (raw.page_text is None and looks_like_page(content, junk)):
        _keep_main_region(lines)
    _cut_comment_section(lines)
    _cut_end_notes(lines)
    _cut_repeats(lines)
    _cut_inline(lines, article)
    line_at = _assemble(lines, article)
    _take_dateline(article, lines, line_at)
    _date_from_address(article, raw)
    article.removed = _removals(lines, line_at, len(article.text))
    article.flags = garble_flags(article.text)
    if raw.decode_replaced:
        article.flags.append(_decoding_flag(article.text, raw.decode_replaced))
    article.flags += [Flag("metadata", "", 0, 0, note) for note in raw.meta.ignored]
    given = article.language
    article.language = normalize_language(given) or guess_language(article.text or article.title or "")
    if given and normalize_language(given) is None:
        article.flags.append(Flag("metadata", "", 0, 0, Msg.LANGUAGE_NOT_A_CODE.format(value=given)))
    _dedupe_people(article)
    return article


def _date_from_address(article: Article, raw: RawDocument) -> None:
    """No date in the metadata or the text: the one the URL states, else the file name of a one-article
    file (a container's name, such as a daily dump's, says nothing certain about each record)."""
    if article.published is not None:
        return
    found = md.date_in_address(raw.meta.url) if raw.meta.url else None
    if found is None and raw.format in (InputFormat.TEXT, InputFormat.HTML):
        found = md.date_in_address(os.path.basename(raw.input))
    if found is not None:
        article.published, article.published_source = found, DateSource.ADDRESS


def _decoding_flag(text: str, count: int) -> Flag:
    """Invalid bytes that ingest replaced with U+FFFD: at the first one left in the text (else 0..0)."""
    at = text.find("\ufffd")
    start, end = (at, at + 1) if at >= 0 else (0, 0)
    return Flag("decoding", text[start:end], start, end, Msg.DECODE_REPLACED.format(count=count))


def _clean_title(title: str | None) -> str | None:
    return " ".join(title.split()) if title else None


def _classify(lines: list[_Line], recurring: frozenset[str], article: Article) -> None:
    for ln in lines:
        if not ln.text:
            ln.kind = BLANK
            continue
        if recurring and normalize_line_key(ln.text) in recurring:
            ln.kind, ln.reason = JUNK, "recurring-boilerplate"
            continue
        reason = junk_reason(ln.text)
        if reason == "agency-credit":  # "REUTERS" alone on a line: who supplied the story
            ln.kind, ln.reason = META, reason
            first = re.split(r"[,/&]", ln.text.strip("() ."))[0]
            article.agency = article.agency or md.agency_name(first) or first.strip()
            continue
        if reason:
            ln.kind, ln.reason = JUNK, reason
            continue
        found = _metadata_line(ln.text)
        if found is not None:
            ln.kind, ln.reason = META, found.kind
            _apply(article, found)


_BYLINE_HINT_RE = re.compile(r"\b(by|authors?|reporter|byline)\b", re.IGNORECASE)


def _metadata_line(text: str) -> md.Found | None:
    """Cheap tests first: most lines hold no year, no "by" and no "contributed"."""
    if len(text) > 400:
        return None
    stripped = strip_bullets(text)
    found: md.Found | None = None
    if _BYLINE_HINT_RE.search(stripped, 0, 80):
        found = md.match_byline(stripped)
    if found is None and md.has_year(stripped):
        found = md.match_date_line(stripped)
    if found is None and "contributed" in stripped:
        found = md.match_contributors(stripped)
    if found is None and " by " in stripped[:40]:
        found = md.match_bare_wire_credit(stripped)
    if found is None and stripped.endswith(")") and stripped.startswith("("):
        credit = md.match_wire_credit(stripped)
        found = credit[0] if credit is not None and credit[1] == 0 else None
    return found


def _apply(article: Article, found: md.Found) -> None:
    if found.published and article.published_source is not DateSource.METADATA and article.published is None:
        article.published, article.published_source = found.published, DateSource.TEXT
    if found.updated and article.updated is None:
        article.updated, article.updated_source = found.updated, DateSource.TEXT
    for name in found.byline:
        if name not in article.byline:
            article.byline.append(name)
    for name in found.credits:
        if name not in article.credits:
            article.credits.append(name)
    if found.agency and not article.agency:
        article.agency = found.agency


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(a.lower(), b.lower()) >= 90


def _find_title(lines: list[_Line], article: Article) -> None:
    content = [ln for ln in lines if ln.kind == CONTENT]
    if article.title:
        for ln in content[:40]:
            if _similar(ln.text, article.title):
                ln.kind, ln.reason = TITLE, "title"
                return
        return
    if not content:
        return
    first = content[0]
    words = word_count(first.text)  # CJK characters two to a word
    repeated = len(content) > 1 and content[1].text.startswith(first.text.rstrip(". "))  # headline = first sentence
    headline_like = not first.text.endswith((".", ",", ";", "。", "，", "；")) or repeated
    headline_like = headline_like or _stopped_headline(first.text, content[1].text if len(content) > 1 else "")
    if 2 <= words <= _HEADLINE_MAX_WORDS and headline_like and len(content) > 1:
        first.kind, first.reason = TITLE, "title"
        article.title = first.text


def _stopped_headline(text: str, after: str) -> bool:
    """A short first line ending with a full stop that is a headline all the same: in title case
    ("Oil Prices Keep Market Gains in Check.") or opening with a label ("Clinton: Time for a change."),
    one sentence, and followed by a longer paragraph; or one cut off with a semicolon (no paragraph ends
    so), or above a paragraph that opens with a dateline. A short lead sentence in sentence case above
    ordinary text stays text."""
    words = text.split()
    if not text.endswith((".", ";")) or len(words) > _STOPPED_HEADLINE_MAX_WORDS or len(after.split()) <= len(words):
        return False
    if _SENTENCE_INSIDE_RE.search(text.rstrip(".;")):
        return False
    if text.endswith(";") or _HEADLINE_LABEL_RE.match(text) or md.match_dateline(after) is not None:
        return True  # a dateline opens the story's first paragraph: what stands above it is the headline
    long_words = [w.strip("\"'“”‘’(") for w in words]
    long_words = [w for w in long_words if len(w) > 3 and w[:1].isalpha()]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return len(long_words) >= 3 and capitalised >= _TITLE_CASE_SHARE * len(long_words)


def _find_standfirst(lines: list[_Line], article: Article) -> None:
    """A standfirst sits between the title and the byline block; it stays in the text and is the subtitle."""
    if article.subtitle:
        return
    for i, ln in enumerate(lines):
        if ln.kind == CONTENT:
            if (
                _neighbour_kind(lines, i, -1) == TITLE
                and _neighbour_kind(lines, i, 1) == META
                and is_terminated(ln.text)
            ):
                article.subtitle = ln.text
            return


def _neighbour_kind(lines: list[_Line], i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].kind != BLANK:
            return lines[j].kind
        j += step
    return "edge"


def _find_captions(lines: list[_Line]) -> None:
    # a caption goes with an article: the only line of a document is never taken for one
    several = sum(1 for ln in lines if ln.kind == CONTENT) > 1
    for i, ln in enumerate(lines):
        if ln.kind != CONTENT:
            continue
        if ends_with_photo_credit(ln.text):
            ln.kind, ln.reason = JUNK, "image-caption"
            continue
        if several and _is_photo_caption(ln.text):
            ln.kind, ln.reason = JUNK, "image-caption"
            continue
        if is_terminated(ln.text):
            continue
        words = len(ln.text.split())
        if _CAPTION_HINT_RE.search(ln.text) and 4 <= words <= 60:
            ln.kind, ln.reason = JUNK, "image-caption"
            continue
        before, after = _neighbour_kind(lines, i, -1), _neighbour_kind(lines, i, 1)
        stranded = before in (JUNK, META, TITLE, "edge") and after in (JUNK, META, "edge")
        # at least one neighbour must be real junk or metadata: a lone unpunctuated line is text, not a caption
        if stranded and (before in (JUNK, META) or after in (JUNK, META)) and 6 <= words <= 40:
            ln.kind, ln.reason = JUNK, "image-caption"


# the "in-this-article" family also holds "Key points" and "Tags:", whose lines are not headlines
_LIST_HEADER_RE = re.compile(
    r"related|more|read|see|watch|recommended|popular|trending|top|latest|up next|you (may|might)|most", re.IGNORECASE
)
_HEADLINE_LIST_MIN_WORDS, _HEADLINE_LIST_MAX_WORDS = 3, 20


def _cut_headline_lists(lines: list[_Line]) -> None:
    """The headlines under a related-links header ("Don't miss", "More in World"): the run of headline-shaped
    lines (a few words, no final stop) that follows it, up to the first prose line or other non-content."""
    for i, ln in enumerate(lines):
        if ln.kind != JUNK or not (
            ln.reason == "related-links" or (ln.reason == "in-this-article" and _LIST_HEADER_RE.search(ln.text))
        ):
            continue
        run = [j for j in range(i + 1, len(lines)) if lines[j].kind != BLANK]
        for n, j in enumerate(run):
            nxt = lines[j]
            if nxt.kind != CONTENT or not _headline_shaped(nxt.text):
                break
            # a section label ("Business", "Weight Loss") belongs to the list when a headline follows it;
            # before prose it is the article's subhead
            if len(nxt.text.split()) < _HEADLINE_LIST_MIN_WORDS:
                after = lines[run[n + 1]] if n + 1 < len(run) else None
                if after is None or after.kind != CONTENT or not _headline_shaped(after.text):
                    break
            nxt.kind, nxt.reason = JUNK, "related-links"


def _cut_teaser_cards(lines: list[_Line]) -> None:
    """A related-story card gives its headline twice (on the picture and as the link), a line or two apart,
    each copy under its section label ("Business"); the one-sentence summary after the second copy belongs
    to the card too, unless article prose follows it (then it may be the article's own first paragraph)."""
    texts = [ln.text for ln in lines if ln.kind == CONTENT]
    if len(set(texts)) == len(texts):
        return  # no line is given twice: no card (the common case, checked cheaply)
    idx = [i for i, ln in enumerate(lines) if ln.kind != BLANK]

    def at(n: int) -> _Line | None:
        return lines[idx[n]] if 0 <= n < len(idx) else None

    def cut(ln: _Line | None, test: bool) -> None:
        if ln is not None and ln.kind == CONTENT and test:
            ln.kind, ln.reason = JUNK, "related-links"

    for n in range(len(idx)):
        first = at(n)
        assert first is not None
        if first.kind != CONTENT or not _headline_shaped(first.text):
            continue
        if len(first.text.split()) < _HEADLINE_LIST_MIN_WORDS:
            continue
        m = next(
            (k for k in (n + 1, n + 2) if (c := at(k)) is not None and c.kind == CONTENT and c.text == first.text), None
        )
        if m is None:
            continue
        for label in (at(n - 1), at(m - 1)):
            cut(label, label is not None and _headline_shaped(label.text) and len(label.text.split()) < 3)
        cut(first, True)
        cut(at(m), True)
        summary, after = at(m + 1), at(m + 2)
        alone = after is None or after.kind != CONTENT or not is_terminated(after.text)
        cut(summary, summary is not None and is_terminated(summary.text) and line_weight(summary.text) < 40 and alone)


def _headline_shaped(text: str) -> bool:
    """At most a score of words and no final stop (a question mark or an ellipsis may end a headline)."""
    ended = text.endswith((".", ",", ";", ":", "。")) and not text.endswith("...")
    return not ended and len(text.split()) <= _HEADLINE_LIST_MAX_WORDS


def _keep_main_region(lines: list[_Line]) -> None:
    idx = [i for i, ln in enumerate(lines) if ln.kind in (CONTENT, JUNK, META)]
    scores = region_scores([(lines[i].kind == CONTENT, lines[i].reason, lines[i].text) for i in idx])
    start, end = main_region(scores)
    keep = set(idx[start:end])
    for i in idx:
        if lines[i].kind == CONTENT and i not in keep:
            lines[i].kind, lines[i].reason = JUNK, "page-boilerplate"


_END_NOTES = [(reason, re.compile(p)) for reason, p in end_note_patterns()]
_END_NOTE_HEADERS = [(reason, re.compile(p)) for reason, p in end_note_patterns(headers=True)]
END_NOTE_TAIL = 3  # an author's bio or a company's boilerplate is among the last paragraphs
END_NOTE_MIN_BODY = 3  # and comes after an article of at least this many paragraphs


def _end_note(text: str, patterns: list[tuple[str, re.Pattern[str]]]) -> str | None:
    return next((reason for reason, p in patterns if p.fullmatch(text)), None)


def _cut_end_notes(lines: list[_Line]) -> None:
    """An author's bio or a company's "About X" boilerplate at the end of an article is not its text.

    Only the last paragraphs are looked at, and only when the article has a body before them: a header
    ("About Ascom", "About the author") among them takes everything after it; without one, paragraphs
    shaped like a bio or a company description are taken from the end back to the first that is not. A
    short name line right before a bio (the author's name above the bio) goes with it."""
    content = [ln for ln in lines if ln.kind == CONTENT]
    if len(content) < END_NOTE_MIN_BODY + 1:
        return
    tail = content[-(END_NOTE_TAIL + 1) :]
    for k, ln in enumerate(tail):
        if len(ln.text.split()) > 8 or is_terminated(ln.text):
            continue
        reason = _end_note(ln.text, _END_NOTE_HEADERS)
        if reason and k < len(tail) - 1 and len(content) - len(tail) + k >= END_NOTE_MIN_BODY:
            for rest in tail[k:]:
                rest.kind, rest.reason = JUNK, reason
            return
    n = len(content)
    while n > END_NOTE_MIN_BODY and len(content) - n < END_NOTE_TAIL:
        reason = _end_note(content[n - 1].text, _END_NOTES)
        if reason is None:
            break
        content[n - 1].kind, content[n - 1].reason = JUNK, reason
        n -= 1
        if reason == "author-bio" and n > END_NOTE_MIN_BODY and _name_line(content[n - 1].text):
            content[n - 1].kind, content[n - 1].reason = JUNK, reason
            n -= 1


def _name_line(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and not is_terminated(text) and all(w[:1].isupper() for w in words)


_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")
_COMMENT_HINTS = ("comment", "response", "repl", "reaction", "discussion", "conversation")


def _cut_comment_section(lines: list[_Line]) -> None:
    """Readers' comments follow a header ("34 responses to ...") or a run of "name says:" lines."""
    joined = "\n".join(ln.text for ln in lines if ln.kind != BLANK).lower() + "\n"
    if ":\n" not in joined and not any(k in joined for k in _COMMENT_HINTS):
        return
    prose = 0  # the article must have started: a few sentences of prose before any comment section
    for i, ln in enumerate(lines):
        if ln.kind == CONTENT and is_terminated(ln.text) and line_weight(ln.text) >= 8:
            prose += 1
        if prose < 3 or ln.kind == BLANK:
            continue
        header = is_comment_section_header(ln.text)
        authors = is_comment_author(ln.text) and sum(is_comment_author(x.text) for x in lines[i : i + 12]) >= 2
        if header or authors:
            for rest in lines[i:]:
                if rest.kind == CONTENT or (rest.kind == JUNK and rest is ln):
                    rest.kind, rest.reason = JUNK, "comments"
            return


def _cut_repeats(lines: list[_Line]) -> None:
    """A long line whose text was already given earlier (a pull quote, the body repeated in page data)."""
    long_lines = [ln.text.lower().split() for ln in lines if ln.kind == CONTENT and ln.text.count(" ") >= 11]
    keys = [tuple(w[:6]) for w in long_lines] + [tuple(w[-6:]) for w in long_lines]
    if len(set(keys)) == len(keys):
        return  # no long line starts or ends like another: nothing can repeat (the common case, checked cheaply)
    seen: set[tuple[str, ...]] = set()
    for ln in lines:
        if ln.kind != CONTENT:
            continue
        words = ln.text.lower().split()
        if len(words) < 12:
            continue
        grams = {tuple(words[k : k + 4]) for k in range(len(words) - 3)}
        if len(grams & seen) / len(grams) >= 0.8:
            ln.kind, ln.reason = JUNK, "repeated-text"
            continue
        seen |= grams


def _cut_inline(lines: list[_Line], article: Article) -> None:
    content = [ln for ln in lines if ln.kind == CONTENT]
    for ln in content:
        ln.cuts = inline_junk(ln.raw)
        for start, end, label in date_labels(ln.raw):
            found = md.match_date_line(label)
            if found is not None:  # "( published monday, may 11, 2015 )": a date line run into the text
                _apply(article, found)
                ln.cuts = merge_spans([*ln.cuts, (start, end, found.kind)])
    if content:
        last = content[-1]
        credit = md.match_wire_credit(last.raw.rstrip())
        if credit is not None:
            found, start = credit
            _apply(article, found)
            last.cuts.append((start, len(last.raw.rstrip()), found.kind))


def _kept_text(ln: _Line) -> str:
    if not ln.cuts:
        return ln.text
    parts, pos = [], 0
    for start, end, _ in sorted(ln.cuts):
        parts.append(ln.raw[pos:start])
        pos = end
    parts.append(ln.raw[pos:])
    joined = " ".join("".join(parts).split())
    return re.sub(r" ([,.;:!?])", r"\1", joined)


def _assemble(lines: list[_Line], article: Article) -> dict[int, int]:
    """Paragraphs and subheads; hard-wrapped lines (no final stop, next starts lower-case) are joined.

    Returns where each kept line's text begins in ``article.text`` (by line index), so that a removed
    piece can say where it stood."""
    pieces: list[tuple[str, str]] = []  # (kind, text)
    place: dict[int, tuple[int, int]] = {}  # line index -> (piece, offset in the piece)
    prev_content = False
    kept = [(i, _kept_text(ln)) for i, ln in enumerate(lines) if ln.kind == CONTENT]
    kept = [(i, t) for i, t in kept if t]
    for n, (i, text) in enumerate(kept):
        joined_to_prev = (
            prev_content
            and pieces
            and pieces[-1][0] == "paragraph"
            and i > 0
            and lines[i - 1].kind == CONTENT
            and not is_terminated(pieces[-1][1])
            and text[:1].islower()
        )
        if joined_to_prev:
            place[i] = (len(pieces) - 1, len(pieces[-1][1]) + 1)
            pieces[-1] = ("paragraph", pieces[-1][1] + " " + text)
        else:
            kind = "heading" if _is_subhead(text, kept, n) else "paragraph"
            place[i] = (len(pieces), 0)
            pieces.append((kind, text))
        prev_content = True
    out: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, text in pieces:
        if out:
            pos += 2
        blocks.append(Block(kind, pos, pos + len(text)))
        out.append(text)
        pos += len(text)
    article.text = "\n\n".join(out)
    article.blocks = blocks
    return {i: blocks[piece].start + offset for i, (piece, offset) in place.items()}


def _is_subhead(text: str, kept: list[tuple[int, str]], n: int) -> bool:
    words = len(text.split())
    if words > _SUBHEAD_MAX_WORDS or is_terminated(text) or text.endswith((",", "-")) or n == len(kept) - 1:
        return False
    nxt = kept[n + 1][1]
    return (line_weight(nxt) > words and text[:1].isupper()) or text[:1].isdigit()


def _take_dateline(article: Article, lines: list[_Line], line_at: dict[int, int]) -> None:
    paragraphs = [b for b in article.blocks if b.kind == "paragraph"]
    if not paragraphs:
        return
    first = paragraphs[0]
    found = md.match_dateline(article.text[first.start : first.end])
    if found is None:
        release = md.match_release_dateline(article.text[first.start : first.end])
        if release is None:
            return
        place, wire, day, length = release
        found = place, wire, length
        if day is not None and article.published is None:  # a release states the day it was issued
            article.published, article.published_source = day, DateSource.TEXT
    place, agency, length = found
    article.dateline = place
    if agency and not article.agency:
        article.agency = agency
    prefix = article.text[first.start : first.start + length]
    # record the removal at its raw position: the first content line that starts with the prefix
    for ln in lines:
        if ln.kind == CONTENT and ln.text.startswith(prefix.strip()):
            offset = ln.raw.find(prefix.strip())
            ln.cuts.append((offset, offset + len(prefix.rstrip()), "dateline"))
            break
    shift = length
    for i, at in line_at.items():
        if at > first.start:
            line_at[i] = max(first.start, at - shift)
    article.text = article.text[: first.start] + article.text[first.start + length :]
    article.blocks = [
        b
        if b.end <= first.start
        else Block(b.kind, b.start if b.start < first.start + 1 else b.start - shift, b.end - shift)
        for b in article.blocks
    ]


def _removals(lines: list[_Line], line_at: dict[int, int], length: int) -> list[Removal]:
    """Every removed line and inline cut, with ``at``: where it stood in the clean text (a removed line
    stands where the next kept line begins; a cut, inside its line's kept text)."""
    removed: list[Removal] = []
    following: list[int] = []  # for each line, where the next kept line (from it on) begins
    nxt = length
    for i in range(len(lines) - 1, -1, -1):
        nxt = line_at.get(i, nxt)
        following.append(nxt)
    following.reverse()
    for number, ln in enumerate(lines, 1):
        after = following[number] if number < len(lines) else length
        if ln.kind in (JUNK, META, TITLE):
            removed.append(Removal(ln.text, ln.reason, ln.start, ln.end, number, after))
        elif ln.kind == CONTENT:
            begin = line_at.get(number - 1)
            pos = 0
            before: list[str] = []
            for start, end, reason in sorted(ln.cuts):
                before.append(ln.raw[pos:start])
                pos = max(pos, end)
                piece = " ".join(ln.raw[start:end].split())
                if piece:
                    kept = len(" ".join("".join(before).split()))
                    at = after if begin is None else min(begin + kept, length)
                    removed.append(Removal(piece, reason, ln.start + start, ln.start + end, number, at))
    return removed


def _dedupe_people(article: Article) -> None:
    """A wire agency is never an author; credits never repeat the byline."""
    people = []
    for name in dict.fromkeys(article.byline):
        if md.is_organisation(name):
            article.agency = article.agency or md.agency_name(name) or name
        else:
            people.append(name)
    article.byline = people
    article.credits = [n for n in dict.fromkeys(article.credits) if n not in article.byline]


__all__ = ["Flag", "clean_document", "normalize_line_key"]


def distinct_ids(articles: list[Article]) -> list[Article]:
    """Give every article of one run its own id (in place; returned too).

    An id found once in the run stays as it is. One shared by several records (per-file ids such as
    "1" in JSON dumps, or the content hash of identical texts from different files) is qualified by
    each record's input, "1@a.json#0", so that no article replaces another wherever ids are keys and a
    citation names one input. The input is shortened to its last path parts that still tell the
    records apart, so the ids depend on the inputs of the run but not on their order. Should two
    records still collide (the same input read twice), the later ones get "~2", "~3" in input order.
    """
    sharing: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        sharing[article.id].append(article)
    used = {key for key, group in sharing.items() if len(group) == 1}
    for key, group in sharing.items():
        if len(group) == 1:
            continue
        names = _short_inputs([a.input for a in group])
        for article in group:
            base = f"{key}@{names[article.input]}"
            candidate, k = base, 2
            while candidate in used:
                candidate, k = f"{base}~{k}", k + 1
            used.add(candidate)
            article.id = candidate
    return articles


def _short_inputs(inputs: list[str]) -> dict[str, str]:
    """Each input's shortest tail of path parts ("a.json#0", "2024/a.json") that no other input shares."""
    distinct = sorted(set(inputs))
    parts = {name: name.replace("\\", "/").split("/") for name in distinct}
    longest = max(len(p) for p in parts.values())
    for n in range(1, longest + 1):
        tails = {name: "/".join(p[-n:]) for name, p in parts.items()}
        if len(set(tails.values())) == len(distinct):
            return tails
    return {name: name for name in distinct}
