from __future__ import annotations

from storybrief.clean import clean_documents
from storybrief.clean.boilerplate import corpus_boilerplate, recurring_lines
from storybrief.model import InputFormat, RawDocument

PLACES = ["harbour", "ferry terminal", "old town", "airport", "university", "stadium"]
EVENTS = ["a fire", "a strike", "a flood", "a concert", "an election count", "a storm"]


def _doc(n: int, footer: str) -> RawDocument:
    body = "\n\n".join(
        f"Reporters at the {PLACES[(n + k) % 6]} described {EVENTS[(n * 2 + k) % 6]} on day {k} of week {n}."
        for k in range(4)
    )
    return RawDocument(f"doc{n}.txt", InputFormat.TEXT, f"Title number {n}\n\n{body}\n\n{footer}")


def test_line_recurring_across_different_articles_is_boilerplate() -> None:
    docs = [_doc(n, "Get the Valeport Ledger app for breaking alerts on your phone") for n in range(4)]
    keys = recurring_lines(d.text for d in docs)
    assert "get the valeport ledger app for breaking alerts on your phone" in keys
    articles = clean_documents(docs)
    for article in articles:
        assert "Ledger app" not in article.text
        assert any(r.reason == "recurring-boilerplate" for r in article.removed)


def test_copies_of_one_story_do_not_count_as_boilerplate() -> None:
    text = "Wire headline\n\n" + "\n\n".join(
        f"Sentence {k} of the same wire story, republished word for word." for k in range(6)
    )
    docs = [RawDocument(f"copy{n}.txt", InputFormat.TEXT, text) for n in range(5)]
    assert recurring_lines(d.text for d in docs) == frozenset()
    assert all(len(a.paragraphs) == 6 for a in clean_documents(docs))


def test_too_few_documents_give_no_evidence() -> None:
    assert recurring_lines(["a\nb", "a\nb"]) == frozenset()


def test_short_line_shared_by_two_articles_of_one_outlet() -> None:
    docs = [_doc(n, "Listen to the Ledger podcast every Friday") for n in range(2)]
    for doc in docs:
        doc.meta.outlet = "The Harbour Ledger"
    other = _doc(5, "Listen to the Ledger podcast every Friday")  # another outlet: no evidence from it alone
    assert "listen to the ledger podcast every friday" in corpus_boilerplate(docs)
    assert corpus_boilerplate([other]) == frozenset()
    assert all("podcast" not in a.text for a in clean_documents(docs))
