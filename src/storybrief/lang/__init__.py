"""Per-language tables: the words and marks storybrief reads in each language it knows.

One module per language (``en.py``, ``ms.py``, ``id.py``, ``zh.py``), each defining ``TABLE``, a
:class:`LanguageTable`. Adding a language is adding such a module: it is found by its file name (the
ISO 639-1 code), nothing else needs to change. Languages without a table still get a language code,
sentences and a summary; only quote attribution needs the cue words of a table.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache

# Quotation marks read in every language: opening mark -> the closing marks that end it. Corner brackets
# pair only with their own closer, so 「…“…”…」 and 「…『…』…」 keep their inner quotes inside.
DOUBLE_OPEN = "“„«‹「『"
DOUBLE_CLOSE = "”»›」』"
PAIRED_CLOSE = {"「": "」", "『": "』"}
# marks that end a sentence in scripts written without spaces (the full-width forms)
CJK_SENTENCE_END = "。！？"
CLOSERS = "」』”’）)》〉】\"'"  # what may follow a sentence end and still belong to that sentence

_CJK_CHAR_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD_RE = re.compile(r"[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
CJK_CHARS_PER_WORD = 2  # a Chinese word is about two characters: budgets and bounds in words stay comparable


@dataclass(frozen=True, slots=True)
class LanguageTable:
    """What storybrief needs to know of one language.

    Cue words are plain strings (several words allowed); the quote rules escape them. ``spaced`` is False
    for scripts written without spaces between words (Chinese, Japanese): their speaker is the run of
    characters before the cue, not a run of capitalised words.
    """

    code: str  # ISO 639-1
    name: str
    # verbs after the speaker: "X said", "X berkata", "X说"
    speech_verbs: tuple[str, ...] = ()
    # verbs before the speaker: "said X", "kata X", "ujar X"
    inverted_verbs: tuple[str, ...] = ()
    # verbs that carry their speaker as a suffix ("katanya", "ujarnya"): the person last named speaks
    self_verbs: tuple[str, ...] = ()
    # "according to X", "menurut X", "据X"
    according_to: tuple[str, ...] = ()
    # pronouns a speaker may be named by; the person last named before the quote
    pronouns: tuple[str, ...] = ()
    # lower-case words that may stand inside a name ("bin", "binti", "van")
    name_particles: tuple[str, ...] = ()
    # words between a speaker and the verb that are not part of the name ("juga", "还", "周一")
    fillers: tuple[str, ...] = ()
    spaced: bool = True
    # dates, for timelines: (word, month 1-12), (word, weekday 0 = Monday), (word, days from publication)
    months: tuple[tuple[str, int], ...] = ()
    weekdays: tuple[tuple[str, int], ...] = ()
    relative_days: tuple[tuple[str, int], ...] = ()
    # numeric dates are written day first ("12/7/2022" is 12 July), as in Malay and Indonesian
    day_first: bool = False
    # words before a date that make it no event of its sentence (timelines): (word, "background" or
    # "expected"): "sejak" (since) is background, "hingga" (until) and "akan" (will) expected
    date_cues: tuple[tuple[str, str], ...] = ()
    # function words left out when briefs compare sentences (English's are spaCy's, in storybrief.group)
    stop_words: frozenset[str] = frozenset()
    # page furniture, for cleaning: (reason, pattern) pairs; a pattern (a regular expression, case ignored)
    # matches a whole line ("Would you like to make this your default edition?"); ``inline_furniture`` ones
    # are cut wherever they stand, for text whose lines were run together
    furniture: tuple[tuple[str, str], ...] = ()
    inline_furniture: tuple[tuple[str, str], ...] = ()
    # words (lower case) of which every ``furniture`` line holds one: lines without any skip the patterns
    furniture_hints: frozenset[str] = frozenset()
    # notes that close an article without being part of it, checked only on its last paragraphs: (reason,
    # pattern matching a whole paragraph, case kept): an author's bio, a company's "About X" boilerplate;
    # ``end_note_headers`` match a short header line ("About Ascom") after which the rest is such a note
    end_notes: tuple[tuple[str, str], ...] = ()
    end_note_headers: tuple[tuple[str, str], ...] = ()
    # titles and honorifics that stand before a name and are not the name ("Menteri Kanan … Datuk Dr Radzi
    # Jidin"): a speaker is the words after the last of them
    titles: tuple[str, ...] = ()
    # how the active verbs of the language begin ("me-", "ber-"): a name before such a word is the subject of
    # its clause, which is what "katanya" (the speaker last named) looks back for
    verb_prefixes: tuple[str, ...] = ()
    # words with such a beginning that are not verbs ("menteri", "mereka", "melalui")
    not_verbs: tuple[str, ...] = ()
    # words after a noun that point back ("itu", "tersebut"): "Agensi itu menyatakan" is the agency named before
    demonstratives: tuple[str, ...] = ()
    # abbreviations (lower case, no final period) whose period ends no sentence: before a name ("sen.", "st.")
    # when a word that is no function word follows, before a number ("dec.", "no.") when a number follows
    name_abbreviations: tuple[str, ...] = ()
    number_abbreviations: tuple[str, ...] = ()
    # words that cannot open a statement (auxiliaries: "... county, n.c. Have been lifted")
    continuations: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def tables() -> dict[str, LanguageTable]:
    """Every language table of this package, by code (the modules' names)."""
    found: dict[str, LanguageTable] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        table = getattr(module, "TABLE", None)
        if isinstance(table, LanguageTable):
            found[table.code] = table
    return found


def table(code: str | None) -> LanguageTable | None:
    """The table of ``code`` (an ISO 639-1 code, or a tag such as ``zh-Hant``), if storybrief has one."""
    if not code:
        return None
    return tables().get(code.split("-")[0].split("_")[0].lower())


def furniture_patterns(inline: bool = False) -> list[tuple[str, str]]:
    """The furniture patterns of every table (a page's language is not known when its lines are cleaned)."""
    return [pair for t in tables().values() for pair in (t.inline_furniture if inline else t.furniture)]


def end_note_patterns(headers: bool = False) -> list[tuple[str, str]]:
    """The end-note patterns (or end-note header patterns) of every table."""
    return [pair for t in tables().values() for pair in (t.end_note_headers if headers else t.end_notes)]


def furniture_hints() -> frozenset[str]:
    """The furniture hint words of every table."""
    return frozenset(word for t in tables().values() for word in t.furniture_hints)


def cjk_chars(text: str) -> int:
    return len(_CJK_CHAR_RE.findall(text))


def word_count(text: str) -> int:
    """Words of ``text``: space-separated words, and CJK characters at two to a word."""
    cjk = cjk_chars(text)
    if not cjk:
        return len(text.split())
    words = sum(1 for w in _WORD_RE.findall(text) if any(c.isalnum() for c in w))  # not 。 or ，
    return words + -(-cjk // CJK_CHARS_PER_WORD)


def starts_like_sentence(text: str) -> bool:
    """A capital, a digit or a character of a script without letter case."""
    first = text[:1]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())
