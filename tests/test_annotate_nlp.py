"""Which sentences the entity recognizer reads: those that may hold a name, or all of a lower-cased text."""

from __future__ import annotations

from storybrief.annotate.nlp import load_nlp, name_runs, parse_texts


def _runs(text: str) -> list[str]:
    nlp = load_nlp()
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    return [doc[a:b].text for a, b in name_runs(doc, nlp.Defaults.stop_words)]


def test_sentences_without_a_possible_name_are_skipped() -> None:
    text = (
        "Mayor Ines Dorrit opened the terminal. The crowd was small. It was cold. "
        "Paris sent flowers. The ferry left at noon. She thanked Abel Marsh."
    )
    assert _runs(text) == [
        "Mayor Ines Dorrit opened the terminal.",
        "Paris sent flowers.",
        "She thanked Abel Marsh.",
    ]


def test_lower_cased_and_uncased_text_goes_whole() -> None:
    lower = "the mayor of valeport opened the terminal. the crowd was small. it was cold."
    assert _runs(lower) == [lower]
    chinese = "瓦莱港市长周一开放了渡轮码头。"
    assert _runs(chinese) == [chinese]


def test_entities_keep_their_offsets_in_the_whole_text() -> None:
    text = "The crowd was small. It was cold. Mayor Ines Dorrit opened the Valeport terminal."
    [(_sentences, entities)] = parse_texts([text])
    assert entities and all(text[start:end] == name for name, start, end, _ in entities)
    assert any(name == "Ines Dorrit" for name, *_ in entities)
