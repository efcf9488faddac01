"""A rewritten or garbled page's sentence is never chosen when a clean article carries the fact; marked when alone."""

from __future__ import annotations

from article_support import sentence_article
from storybrief.model import Article, Story
from storybrief.model.articles import RewriteOf
from storybrief.render.brief_md import story_markdown
from storybrief.synthesize import brief_story
from storybrief.synthesize.support import Features, support_score

# Original fictional text: a landslide closes a mountain railway.
CLEAN = [
    "A landslide buried 200 metres of the Kelder mountain railway on Tuesday, stranding two trains near Oskar Pass.",
    "Engineers from the Kelder Rail Company said the line would stay closed for at least three weeks.",
    "Passengers on both trains were taken down the valley by bus to the town of Brenmoor.",
]
# A machine-spun page of another site, with one fact of its own (only it reports the hotel).
SPUN = [
    "A landslip buried 200 metres of the Kelder mountain railway on Tuesday, stranding two trains close to Oskar Pass.",
    "Engineers from the Kelder Rail Company mentioned the line would keep closed for at least three weeks.",
    "The Brenmoor Grand hotel housed forty stranded skiers in its ballroom for the night at no charge.",
]


def _article(aid: str, sentences: list[str], *, rewritten: bool = False) -> Article:
    return sentence_article(
        aid,
        sentences,
        outlet=f"Outlet {aid}",
        rewrite_of=RewriteOf(None, 0.75, ("2 passage(s) of garbled phrasing",)) if rewritten else None,
    )


def test_the_original_wording_is_chosen_and_the_spun_one_only_when_alone() -> None:
    clean, spun = _article("clean", CLEAN), _article("spun", SPUN, rewritten=True)
    brief = brief_story(Story("s1", ["clean", "spun"]), [clean, spun], words=200)
    by_text = {s.text: s for s in brief.summary}
    assert not set(SPUN[:2]) & set(by_text)  # the clean article says these
    assert CLEAN[0] in by_text and not by_text[CLEAN[0]].rewritten
    hotel = by_text[SPUN[2]]  # only the spun page has it: chosen, and marked
    assert hotel.rewritten and hotel.to_dict()["rewritten"] is True
    assert "⚠ only on a rewritten or garbled page" in story_markdown(brief, {"clean": clean, "spun": spun})


def test_a_sentence_changing_negation_or_modality_does_not_support() -> None:
    cited = Features.of("The collapse is not the first warning sign on the Kelder line.")
    hedged = Features.of("The collapse shouldn't be the first warning sign on the Kelder line.")
    plain = Features.of("The collapse is the first warning sign on the Kelder line.")
    same = Features.of("The collapse was not the first warning sign on the Kelder line.")
    assert support_score(cited, hedged) == 0.0
    assert support_score(cited, plain) == 0.0
    assert support_score(cited, same) > 0.0


def test_one_garbled_passage_marks_its_sentence_not_the_page() -> None:
    from storybrief.model import Flag

    debris = "Crews \u2020 cleared the first rocks from the Kelder line by Wednesday evening, a rail spokesman said."
    page = _article("one", [*CLEAN, debris])
    at = page.text.index("\u2020")
    page.flags = [Flag("garbled", "\u2020", at, at + 1, "stray typographic symbol")]
    brief = brief_story(Story("s1", ["one"]), [page], words=200)
    by_text = {s.text: s for s in brief.summary}
    assert CLEAN[0] in by_text and not by_text[CLEAN[0]].rewritten  # the rest of the page is not suspect
    assert debris not in by_text or by_text[debris].rewritten  # the passage's own sentence is
