"""The language of an article as an ISO 639-1 code: the container's when it names a valid one, else detected.

Detection is py3langid (a maintained fork of langid.py, its model inside the wheel: nothing is fetched)
over the first ``SAMPLE_CHARS`` characters. A short text says little: under ``MIN_LETTERS`` letters only
a confident guess (``SHORT_CONFIDENCE``) or an unambiguous script (Han without kana: Chinese; kana:
Japanese; Hangul: Korean) is taken, and a text with no letters at all stays unknown (``None``).
Labels that are not ISO 639-1 are folded into one that is (Cantonese and Wu into ``zh``) or skipped for
the next best.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 3000
MIN_LETTERS = 40
SHORT_CONFIDENCE = 0.9

ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
    "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu".split()
)
# deprecated two-letter codes and the three-letter codes containers use most, to ISO 639-1
_ALIASES = {
    "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "eng": "en", "zho": "zh", "chi": "zh", "cmn": "zh",
    "yue": "zh", "wuu": "zh", "msa": "ms", "may": "ms", "zsm": "ms", "ind": "id", "deu": "de", "ger": "de",
    "fra": "fr", "fre": "fr", "spa": "es", "jpn": "ja", "kor": "ko", "ara": "ar", "rus": "ru", "por": "pt",
    "ita": "it", "nld": "nl", "dut": "nl", "tha": "th", "vie": "vi", "tgl": "tl", "fil": "tl", "hin": "hi",
}  # fmt: skip
_TAG_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")
# The commonest English function words: in English news they are 35-50 % of the words, in other languages
# written in Latin letters a few percent. A sample this English is English without loading the model
# (which costs half a second of every run's start).
_ENGLISH_WORDS = frozenset(
    "the of and to a in is that for on was with said he it as at by from his be have has are were will an "
    "this but not they who which their its had been after also would there".split()
)
ENGLISH_SHARE = 0.3
_WORD_RE = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")


def normalize_language(tag: str | None) -> str | None:
    """The ISO 639-1 code a container's language tag names ("en-US", "zh_Hant", "ind"), or None."""
    if not tag:
        return None
    m = _TAG_RE.match(tag)
    if m is None:
        return None
    code = m.group(1).lower()
    code = _ALIASES.get(code, code)
    return code if code in ISO_639_1 else None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _by_script(sample: str, letters: int) -> str | None:
    if _KANA_RE.search(sample):
        return "ja"
    if len(_HANGUL_RE.findall(sample)) > letters / 3:
        return "ko"
    if len(_HAN_RE.findall(sample)) > letters / 3:
        return "zh"
    return None


def _plainly_english(sample: str, letters: int) -> bool:
    words = _WORD_RE.findall(sample)
    if sum(len(w) for w in words) < 0.9 * letters:  # letters outside ASCII words: not plainly English
        return False
    common = sum(1 for w in words if w.lower() in _ENGLISH_WORDS)
    return len(words) >= 8 and common >= ENGLISH_SHARE * len(words)


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when it has too little to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(1 for ch in sample if ch.isalpha())
    if not letters:
        return None
    script = _by_script(sample, letters)
    if script is None and letters >= MIN_LETTERS and _plainly_english(sample, letters):
        return "en"
    ranked: list[tuple[str, float]] = _identifier().rank(sample)
    for label, probability in ranked:
        code = _ALIASES.get(label, label)
        if code not in ISO_639_1:
            continue
        if letters >= MIN_LETTERS or probability >= SHORT_CONFIDENCE:
            return code
        return script
    return script
