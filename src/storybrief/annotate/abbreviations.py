"""Sentence ends that are abbreviations: joining what the sentencizer cut after "u.s.", "sen." or "dec.".

spaCy's tokenizer knows "U.S.", "Sen." and "Dec." as words, so cased text is not cut there; in lower-cased
text ("two u.s. officials", "sen. jones", "on dec. 11, 2018") the period stands alone and ends a sentence,
leaving two pieces that cannot stand alone. A period after an abbreviation of the article's language table
(:class:`storybrief.lang.LanguageTable`) ends no sentence when what follows continues it:

* after an initialism ("u.s.", "n.c.", "a.m.") or a title or place word before a name ("sen.", "st."):
  a word that starts in lower case, is no function word ("u.s. Officials said"), or is an auxiliary that
  opens no statement ("n.c. Have been lifted");
* after a month or a word before a number ("dec.", "no."): a number ("dec. 11, 2018");
* after an initialism or a name abbreviation: a short bracketed aside that a comma or a lower-case word
  goes on from ("aviación s.a. ( copa ), aerovías …").

A real end followed by an ordinary opening ("... from the u.s. The next day ...") stays an end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..group.features import STOP
from ..lang import LanguageTable
from ..model import Sentence

_INITIALISM_RE = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}$")
_LAST_WORD_RE = re.compile(r"(?<![\w.'’])([^\W\d_]+)\.$")
_FIRST_WORD_RE = re.compile(r"[\w'’-]+")


def continues(before: str, after: str, table: LanguageTable) -> bool:
    """Whether the sentence ``after`` is the rest of ``before``, which was cut at an abbreviation."""
    before, after = before.rstrip(), after.lstrip()
    last = _LAST_WORD_RE.search(before)
    word = last.group(1).lower() if last else ""
    m = _FIRST_WORD_RE.match(after)
    if m is None:  # a quote or a bracket opens the next sentence, unless an aside continues the name before it
        return _aside_continues(after) and bool(_INITIALISM_RE.search(before) or word in table.name_abbreviations)
    first = m.group()
    if _INITIALISM_RE.search(before) or word in table.name_abbreviations:
        if first[0].isdigit():
            return False
        low = first.lower()
        return first[0].islower() or low not in STOP or low in table.continuations
    return word in table.number_abbreviations and first[0].isdigit()


def _aside_continues(after: str) -> bool:
    """``after`` opens with a short bracketed aside that a comma or a lower-case word goes on from: the short
    name of the company before it ("… aviación s.a. ( copa ), aerovías …", "… s.a. ( avianca ) and many …")."""
    if not after.startswith("("):
        return False
    close = after.find(")", 1, 60)
    if close == -1:
        return False
    rest = after[close + 1 :].lstrip()
    return rest[:1] in (",", ";") or (rest[:1].isalpha() and rest[0].islower())


def join_abbreviations(text: str, sentences: Sequence[Sentence], table: LanguageTable | None) -> list[Sentence]:
    """``sentences`` with each one cut at an abbreviation joined to the next (only within a paragraph)."""
    if table is None or not (table.name_abbreviations or table.number_abbreviations):
        return list(sentences)
    out: list[Sentence] = []
    for s in sentences:
        if out:
            prev = out[-1]
            gap = text[prev.end : s.start]
            cut = not gap.strip() and "\n" not in gap
            if cut and continues(text[prev.start : prev.end], text[s.start : s.end], table):
                out[-1] = Sentence(prev.start, s.end)
                continue
        out.append(s)
    return out
