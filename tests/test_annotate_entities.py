from __future__ import annotations

import re

from storybrief.annotate.entities import (
    EntityIndex,
    article_mentions,
    clean_mention,
    find_role,
    people_lookup,
    resolve_article,
    titled_names,
)


def test_clean_mention_strips_possessives_titles_and_the() -> None:
    assert clean_mention("Blinken’s", 10, "PERSON") == ("Blinken", 10)
    assert clean_mention("Secretary Antony Blinken", 0, "PERSON") == ("Antony Blinken", 10)
    assert clean_mention("the State Department", 5, "ORG") == ("State Department", 9)


def test_roles_before_and_around_names() -> None:
    text = "U.S. Secretary of State Antony Blinken said on Thursday."
    start = text.index("Antony")
    assert find_role(text, start, start + len("Antony Blinken")) == "U.S. Secretary of State"
    text = "Ana Ruiz, a former harbour minister, told reporters the plan was dead."
    assert find_role(text, 0, len("Ana Ruiz")) == "former harbour minister"


def test_titled_names_the_model_may_miss() -> None:
    assert [n for n, *_ in titled_names("Mayor Ines Cartalo said, and Minister Tomas Reinholt agreed.")] == [
        "Ines Cartalo",
        "Tomas Reinholt",
    ]


def test_canonical_names_within_an_article_and_across_the_input() -> None:
    first = "Harbour Minister Tomas Reinholt visited the pier. Reinholt said the tanks would move."
    second = "Reinholt told the assembly the inquiry would report in May."
    m1 = article_mentions(first, [("Tomas Reinholt", 17, 31, "PERSON"), ("Reinholt", 50, 58, "PERSON")])
    m2 = article_mentions(second, [("Reinholt", 0, 8, "GPE")])  # the model called him a place
    index = EntityIndex([m1, m2])
    e1 = resolve_article(first, m1, index)
    e2 = resolve_article(second, m2, index)
    assert {e.canonical for e in e1 if e.label == "PERSON"} == {"Tomas Reinholt"}
    assert [(e.text, e.label, e.canonical) for e in e2] == [("Reinholt", "PERSON", "Tomas Reinholt")]
    assert e1[0].role == "Harbour Minister"


def test_nominal_mention_and_short_place_names() -> None:
    text = "Secretary of State Ana Ruiz arrived in South Valeria. The secretary met officials. The South said no."
    ents = [("Ana Ruiz", 19, 27, "PERSON"), ("South Valeria", 39, 52, "GPE"), ("South", 88, 93, "NORP")]
    resolved = resolve_article(text, article_mentions(text, ents), EntityIndex([]))
    by_text = {e.text: e for e in resolved}
    assert by_text["The secretary"].canonical == "Ana Ruiz"
    assert by_text["South"].canonical == "South Valeria"


def test_a_first_name_or_title_met_in_another_article_is_not_expanded() -> None:
    """Across articles only a surname stands for a full name: "Lee said" in one story must not become the
    "Lee Ee" of an unrelated court report (a first-name token), while "Reinholt" still finds its full name."""
    court = "The employer, Lee Ee, was fined on Monday after a worker was electrocuted."
    lantern = "Lee said the lion head took him three weeks to paint."
    m1 = article_mentions(court, [("Lee Ee", 14, 20, "PERSON")])
    m2 = article_mentions(lantern, [("Lee", 0, 3, "PERSON")])
    index = EntityIndex([m1, m2])
    assert [e.canonical for e in resolve_article(lantern, m2, index)] == ["Lee"]
    assert [e.canonical for e in resolve_article(court, m1, index)] == ["Lee Ee"]


def test_a_two_letter_last_name_word_is_no_surname() -> None:
    """ "Marshal Tae Ho Un" must not turn the "UN" of another story (or of his own) into him: a last word of
    two letters is an acronym or a function word as often as a name."""
    leader = "Marshal Tae Ho Un inspected the pumps. The UN sent boats."
    relief = "The UN said the boats would arrive on Friday."
    m1 = article_mentions(leader, [("Tae Ho Un", 8, 17, "PERSON"), ("UN", 43, 45, "ORG")])
    m2 = article_mentions(relief, [("UN", 4, 6, "ORG")])
    index = EntityIndex([m1, m2])
    assert not index.is_person("UN")
    assert [(e.text, e.label) for e in resolve_article(relief, m2, index)] == [("UN", "ORG")]
    assert [(e.text, e.label) for e in resolve_article(leader, m1, index)] == [("Tae Ho Un", "PERSON"), ("UN", "ORG")]
    assert "un" not in people_lookup(resolve_article(leader, m1, index), index)


def test_a_shared_surname_goes_to_the_full_name_written_most() -> None:
    """ "Ana Lorry" named once in the first line must not take every later "Lorry" from "Tom Lorry", whom
    the article names three times."""
    text = "Ana Lorry watched. Tom Lorry spoke. Tom Lorry left. Tom Lorry came back. Lorry said so."
    spans = [
        ("Ana Lorry", 0, 9),
        ("Tom Lorry", 19, 28),
        ("Tom Lorry", 36, 45),
        ("Tom Lorry", 52, 61),
        ("Lorry", 73, 78),
    ]
    for name, a, b in spans:
        assert text[a:b] == name
    mentions = article_mentions(text, [(n, a, b, "PERSON") for n, a, b in spans])
    resolved = resolve_article(text, mentions, EntityIndex([mentions]))
    assert resolved[-1].canonical == "Tom Lorry"
    assert resolved[0].canonical == "Ana Lorry"


def test_a_common_first_name_makes_an_organisation_a_person() -> None:
    """The recogniser calls "Carly Vance" an organisation; a common first name and a surname make it a person,
    while "Grace Church" and "Warren Center" stay what they are."""
    text = "Carly Vance met the pastor of Grace Church at the Warren Center."
    ents = [("Carly Vance", 0, 11, "ORG"), ("Grace Church", 30, 42, "ORG"), ("Warren Center", 50, 63, "ORG")]
    assert [(m.text, m.label) for m in article_mentions(text, ents)] == [
        ("Carly Vance", "PERSON"),
        ("Grace Church", "ORG"),
        ("Warren Center", "ORG"),
    ]


def test_a_place_or_party_is_not_a_person_by_another_storys_surname() -> None:
    """ "Piet Paris" and "Hill Democrats" (a recogniser's slip) in one story must not make the city of Paris
    or the Democrats of another story people when the input names them more often as a place or a party; a
    surname the recogniser once called a place, or an organisation, is still corrected ("Lorry")."""
    people = "Piet Paris met the Hill Democrats and Ann Lorry."
    travel = "Paris was calm. Democrats met Lorry there. Paris and the Democrats slept."
    m1 = article_mentions(
        people, [("Piet Paris", 0, 10, "PERSON"), ("Hill Democrats", 19, 33, "PERSON"), ("Ann Lorry", 38, 47, "PERSON")]
    )
    ents = [("Paris", 0, 5, "GPE"), ("Democrats", 16, 25, "NORP"), ("Lorry", 30, 35, "GPE")]
    ents += [("Paris", 43, 48, "GPE"), ("Democrats", 57, 66, "NORP")]
    for name, a, b, _ in ents:
        assert travel[a:b] == name
    m2 = article_mentions(travel, ents)
    resolved = resolve_article(travel, m2, EntityIndex([m1, m2]))
    assert [(e.text, e.label, e.canonical) for e in resolved[:3]] == [
        ("Paris", "GPE", "Paris"),
        ("Democrats", "NORP", "Democrats"),
        ("Lorry", "PERSON", "Ann Lorry"),
    ]


def test_a_title_never_gives_a_short_name_to_a_full_name_of_the_other_gender() -> None:
    """ "Mrs Lorry" is not the "Tom Lorry" named before her: with another Lorry of her gender in the article
    she is that one ("Ann Lorry"); without one she stays "Mrs Lorry". An untitled "Lorry" still goes to the
    full name."""
    both = "Tom Lorry sued. Ann Lorry replied. Tom Lorry lost. Mrs Lorry left and Lorry stayed."
    alone = "Tom Lorry sued. Mrs Lorry left and Lorry stayed."
    for text, mrs in ((both, "Ann Lorry"), (alone, "Mrs Lorry")):
        ents = [(m.group(0), m.start(), m.end(), "PERSON") for m in re.finditer(r"(?:Tom |Ann )?Lorry", text)]
        mentions = article_mentions(text, ents)
        resolved = resolve_article(text, mentions, EntityIndex([mentions]))
        assert [e.canonical for e in resolved if e.text == "Lorry"] == [mrs, "Tom Lorry"]
