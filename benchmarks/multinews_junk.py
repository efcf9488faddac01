"""Inline junk removal on Multi-News (``multinews_test_mnplus/dev_half.jsonl.gz``) and how many words it costs.

Multi-News source documents are lower-cased, tokenized ("( ap )", "we ' ll") and almost always ONE long
line, so page junk sits inside running text: "advertisement", "enlarge this image toggle caption jane doe/ap
jane doe/ap", "( photo: john smith, ap )", "image copyright afp", "continue reading the main story",
newsletter prompts, cookie notices, "read more" after a related headline. :data:`FAMILIES` lists the junk
as regex families (each documented below). For every source document the script counts each family's
matches before and after cleaning, and measures over-deletion as the share of non-junk words kept:

    non-junk words = the ``\\w+`` tokens of the document outside every junk match (a multiset),
    kept           = multiset overlap of those tokens with the tokens of the cleaned text.

The junk spans are the marker phrases (plus the credit where the family defines one), not the caption
sentences that follow "image caption" / "media caption", whose extent cannot be told from the text; a
cleaner that cuts a caption sentence correctly therefore loses a few "non-junk" words here.

Systems, in the same run: the raw text (no cleaning), a trivial line baseline (drop every line that is
entirely junk, which cannot help when a document is one line), and ``storybrief.clean.clean_text(doc)``.
"% in place" is the removal rate counted only in documents whose cleaned text is not empty (junk removed
by throwing the whole document away does not count there). ``--with-stop`` adds a diagnostic row: the
cleaner on each document with " ." appended, so that a truncated last sentence is closed.

    python benchmarks/multinews_junk.py [--limit N] [--show N] [--with-stop] [--families]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from _data import datasets_dir
from storybrief.clean import clean_text

_TOKEN_RE = re.compile(r"\w+")


def _family(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# (name, what it catches, pattern). Patterns run on the lower-cased, space-tokenized Multi-News text and
# must also match the cleaner's output, where " ," may have become ",".
FAMILIES: list[tuple[str, str, re.Pattern[str]]] = [
    (
        "ad-label",
        'the ad-slot label "advertisement" (possibly repeated) where it stands between sentences, at the start '
        'of the text or after "photo"; "an advertisement for the show" is prose and does not match',
        _family(
            r"(?:^|(?<=[.!?\"'”)\]] )|(?<=\bphoto )|(?<=\bphoto: ))advertisement(?:\s+advertisement)*\b(?:\s+-(?=\s))?"
        ),
    ),
    (
        "toggle-caption",
        'NPR/CNN gallery controls: "enlarge this image", "toggle caption <credit> <credit>" (the credit is '
        'repeated), "hide caption", "view caption", "image 1 of / 5 caption close"',
        _family(
            r"(?:enlarge this image\s+)?(?:\bi\s+)*i?toggle caption(?:\s+(?P<credit>\S+(?:\s+\S+){0,5}?)\s+(?P=credit)(?=\s|$))?",
            r"enlarge this image",
            r"\b(?:hide|view|show) caption\b",
            r"\bimage \d+ of /? ?\d+(?: caption close)?",
        ),
    ),
    (
        "photo-credit",
        'parenthesised photo/video credits and links: "( photo: john smith, ap )", "( photos: 10 best '
        'moments )", "( ap photo/jane doe ) ( associated press )", "( picture: agency )", "( credit: nasa )"',
        _family(
            r"\(\s*(?:ap |afp |reuters )?(?:photos?|photograph|picture|image|video|file photo|credit)\s*(?::|/|\bby\b)[^()]{0,150}\)"
            r"(?:\s*\(\s*associated press\s*\))?"
        ),
    ),
    (
        "image-copyright",
        'BBC picture credits: "image copyright <credit>" (the credit runs to the next "image caption" when '
        'that comes within 8 words, else one word, plus a following "images")',
        _family(
            r"\bimage copyright\s+(?:(?:(?!image caption)\S+\s+){1,8}?(?=image caption)|\S+(?:\s+images\b)?)",
        ),
    ),
    (
        "caption-marker",
        'caption/player markers whose caption sentence follows: "image caption", "media caption", "media '
        'playback is unsupported on your device" (only the marker words count as junk)',
        _family(r"\b(?:image|media) caption\b", r"\bmedia playback is unsupported on your device\b"),
    ),
    (
        "continue-reading",
        '"continue reading the main story", "continue reading below (advertisement)", "story continues below"',
        _family(
            r"\bcontinue reading (?:the main story|below(?: advertisement)?)",
            r"\b(?:story|article) continues below(?: advertisement)?",
        ),
    ),
    (
        "newsletter",
        'newsletter and sign-up prompts: "sign up for our newsletter", "sign up to receive ...", "thanks for '
        'signing up!", "sign me up", "want more stories like this?", "subscribe for more breaking news: <url>"',
        _family(
            r"\bget the latest from today\b",
            r"\b(?:email )?sign up (?:for|to)\b[^.!?]{0,80}?\bnewsletters?\b(?:\s+here)?(?:\s*:)?",
            r"\bsign up to receive\b[^.!?:]{0,80}(?:[.:!?]|(?=\s+view sample))",
            r"\b(?:the brief )?newsletters? sign up\b",
            r"\b(?:thanks?|thank you) for (?:signing up|subscribing)\s*!?",
            r"\bsign me up\b",
            r"\bsign up now\b",
            r"\bview sample\b",
            r"\bwant more stories like this\s*\?",
            r"(?:\+ )?\bsubscribe(?= thank you for subscribing)",
            r"\bcould not subscribe, try again later\b",
            r"\binvalid email\b",
            r"\bget daily updates directly to your inbox\b",
            r"\bsubscribe (?:to \S+(?: \d+)? ?: ?\S+|for more breaking news\s*:\s*\S+)",
            r"\bby signing up,? you agree to receive email newsletters[^.]{0,120}\.",
            r"\bget breaking news when it happens\b[^.]{0,40}\.?",
        ),
    ),
    (
        "cookie-notice",
        'the sentence of a cookie banner: "we use cookies ...", "this site uses cookies. by continuing ... use '
        'of cookies.", "please enable cookies ..."; "a tin of cookies" is prose and does not match',
        _family(
            r"(?:(?:^|(?<=[.!?] ))[^.!?]{0,200}?)?\b(?:we use cookies|this (?:web)?site uses cookies|(?:our|the) use of cookies|enable "
            r"cookies|accept cookies|cookies must be enabled|browser cookie support|setting your user cookie|"
            r"cookie (?:policy|settings|preferences))\b[^.!?]{0,300}[.!?]?"
        ),
    ),
    (
        "read-more",
        'a "read more" link after a related headline, and "[ read more: <headline> ]"; "want to read more?" '
        "does not match",
        _family(r"\[\s*read more\s*:[^\]]{0,200}\]", r"(?<!\bto )\bread more\b(?!\s*\?)(?:\s*:)?"),
    ),
    (
        "player-paywall",
        'video-player and paywall notices: "please enable javascript to watch this video", "thank you for '
        'reading 5 free articles.", "please purchase a subscription to continue reading."',
        _family(
            r"\bplease enable javascript to (?:watch this video|view the comments powered by disqus\.?)",
            r"\bvideo loading\b(?: video unavailable)?(?: click to play)?(?: tap to play)?"
            r"(?: the video will start in \d+)?(?: cancel)?(?: play now)?",
            r"\bthank you for reading(?: \d+ free articles)?\s*\.",
            r"\bplease purchase a subscription to continue reading\s*\.",
            r"\ba subscription is required to continue reading\s*\.",
        ),
    ),
    (
        "share-bar",
        'share widgets: "share share tweet link", "3.2k shares on facebook"',
        _family(r"\b(?:share\s+)+tweet(?:\s+link)?\b", r"(?:\b\d+(?:\.\d+)?k?\s+)?\bshares on facebook\b"),
    ),
]


def junk_matches(text: str) -> list[tuple[str, int, int]]:
    """``(family, start, end)`` of every junk match in ``text``."""
    found: list[tuple[str, int, int]] = []
    for name, _, pattern in FAMILIES:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append((name, m.start(), m.end()))
    return found


def non_junk_tokens(text: str, matches: list[tuple[str, int, int]]) -> Counter[str]:
    spans: list[tuple[int, int]] = []
    for _, s, e in sorted(matches, key=lambda x: x[1]):
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    bag: Counter[str] = Counter()
    i = 0
    for m in _TOKEN_RE.finditer(text):
        while i < len(spans) and spans[i][1] <= m.start():
            i += 1
        if not (i < len(spans) and spans[i][0] <= m.start()):
            bag[m.group().lower()] += 1
    return bag


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN_RE.findall(text))


def junk_lines_baseline(doc: str) -> str:
    """Drop every line that is nothing but junk matches (and spaces/punctuation)."""
    kept = []
    for line in doc.split("\n"):
        rest = line
        for _, s, e in sorted(junk_matches(line), key=lambda x: -x[1]):
            rest = rest[:s] + " " + rest[e:]
        if line.strip() and not _TOKEN_RE.search(rest):
            continue
        kept.append(line)
    return "\n".join(kept)


@dataclass
class Tally:
    before: Counter[str] = field(default_factory=Counter)
    after: Counter[str] = field(default_factory=Counter)
    before_kept_docs: Counter[str] = field(default_factory=Counter)  # in documents with non-empty output
    non_junk_words: int = 0
    kept_words: int = 0
    non_junk_words_kept_docs: int = 0  # the same two counts over documents with non-empty output
    kept_words_kept_docs: int = 0
    emptied: int = 0
    seconds: float = 0.0


def run(docs: list[str], system: Callable[[str], str]) -> tuple[Tally, list[str]]:
    tally = Tally()
    start = time.perf_counter()
    outputs = [system(doc) for doc in docs]
    tally.seconds = time.perf_counter() - start
    for doc, out in zip(docs, outputs, strict=True):
        before = junk_matches(doc)
        after = junk_matches(out)
        tally.before.update(name for name, _, _ in before)
        tally.after.update(name for name, _, _ in after)
        if out.strip():
            tally.before_kept_docs.update(name for name, _, _ in before)
        elif doc.strip():
            tally.emptied += 1
        original = non_junk_tokens(doc, before)
        kept = sum((original & tokens(out)).values())
        tally.non_junk_words += sum(original.values())
        tally.kept_words += kept
        if out.strip():
            tally.non_junk_words_kept_docs += sum(original.values())
            tally.kept_words_kept_docs += kept
    return tally, outputs


def pct(part: float, whole: float, digits: int = 1) -> str:
    return f"{100 * part / whole:.{digits}f}" if whole else "-"


def print_table(name: str, tally: Tally, n_docs: int) -> None:
    print(f"\n== {name}  ({n_docs / tally.seconds:.0f} docs/s)")
    print(f"{'family':18} {'before':>7} {'after':>7} {'% removed':>9} {'% in place':>10}")
    for family, _, _ in FAMILIES:
        b, a, bk = tally.before[family], tally.after[family], tally.before_kept_docs[family]
        print(f"{family:18} {b:7d} {a:7d} {pct(b - a, b):>9} {pct(bk - a, bk):>10}")
    b, a, bk = sum(tally.before.values()), sum(tally.after.values()), sum(tally.before_kept_docs.values())
    print(f"{'all families':18} {b:7d} {a:7d} {pct(b - a, b):>9} {pct(bk - a, bk):>10}")
    print(
        f"non-junk words kept: {pct(tally.kept_words, tally.non_junk_words, 2)} % "
        f"({tally.kept_words} of {tally.non_junk_words}); documents emptied: {tally.emptied} of {n_docs}"
    )
    print(
        f"non-junk words kept in the {n_docs - tally.emptied} non-emptied documents: "
        f"{pct(tally.kept_words_kept_docs, tally.non_junk_words_kept_docs, 2)} %"
    )


def show_examples(docs: list[str], outputs: list[str], n: int) -> None:
    """Surviving junk per family, and documents that lost the most words with the cleaner's reasons."""
    print(f"\n-- surviving junk after storybrief clean (up to {n} per family)")
    for family, _, pattern in FAMILIES:
        hits = [(i, m) for i, out in enumerate(outputs) if (m := pattern.search(out))]
        for i, m in hits[:n]:
            out = outputs[i]
            print(f"   {family:16} doc {i}: …{out[max(0, m.start() - 50) : m.end() + 30]}…")
    losses = []  # (non-junk words lost, document index, output not empty)
    for i, (doc, out) in enumerate(zip(docs, outputs, strict=True)):
        original = non_junk_tokens(doc, junk_matches(doc))
        losses.append((sum(original.values()) - sum((original & tokens(out)).values()), i, bool(out.strip())))
    for title, has_text in (("emptied", False), ("non-emptied", True)):
        print(f"\n-- {n} {title} documents losing most non-junk words (the cleaner's removals)")
        for lost, i, _ in sorted((x for x in losses if x[2] == has_text and x[0]), reverse=True)[:n]:
            removed = clean_text(docs[i]).removed
            print(f"   doc {i}: lost {lost} words; starts: {docs[i][:80]!r}")
            for r in removed[:4]:
                print(f"      {r.reason:22} {r.text[:110]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N source documents (default: all)")
    parser.add_argument("--show", type=int, default=0, help="show N examples of surviving junk and of lost words")
    parser.add_argument("--families", action="store_true", help="print the family definitions and exit")
    parser.add_argument(
        "--with-stop",
        action="store_true",
        help='also run clean_text(doc + " .") (diagnostic: inline removal when the truncated last sentence is closed)',
    )
    args = parser.parse_args()
    if args.families:
        for name, doc, _ in FAMILIES:
            print(f"{name:18} {doc}")
        return
    path = datasets_dir() / "multinews_test_mnplus" / "dev_half.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        docs = [d for line in fh if line.strip() for d in json.loads(line)["documents"]]
    if args.limit:
        docs = docs[: args.limit]
    one_line = sum(1 for d in docs if "\n" not in d.strip())
    print(f"multinews dev_half: {len(docs)} source documents, {one_line} of them a single line")
    systems: list[tuple[str, Callable[[str], str]]] = [
        ("no cleaning (raw text)", lambda doc: doc),
        ("drop all-junk lines (baseline)", junk_lines_baseline),
        ("storybrief clean_text", lambda doc: clean_text(doc).text),
    ]
    if args.with_stop:
        systems.append(('storybrief clean_text(doc + " .")', lambda doc: clean_text(doc.rstrip() + " .").text))
    for name, system in systems:
        tally, outputs = run(docs, system)
        print_table(name, tally, len(docs))
        if name == "storybrief clean_text" and args.show:
            show_examples(docs, outputs, args.show)


if __name__ == "__main__":
    main()
