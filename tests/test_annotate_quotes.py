"""Direct quotes and their speakers, on original sentences of a fictional flood story in the Republic of Valeria.

Every article is built as the benchmark builds PolNeAR texts: raw text, one paragraph block per non-empty
line, no cleaning stage, then ``annotate_articles(..., dates=False)``. spaCy is loaded once for the module.
Cases marked ``xfail(strict=True)`` are known failures of the annotate stage (each reason names the rule that
would fix it); they turn into errors as soon as the stage is fixed, so the mark can be removed.
"""

from __future__ import annotations

import pytest

from storybrief.annotate.annotator import annotate_articles
from storybrief.annotate.nlp import load_nlp
from storybrief.model import Article, Block, InputFormat, Quote


@pytest.fixture(scope="module", autouse=True)
def nlp_loaded() -> None:
    """Load the spaCy pipeline once for the whole module (``load_nlp`` caches it)."""
    load_nlp()


def article(text: str) -> Article:
    """An annotated article over ``text``; every non-empty line is a paragraph."""
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block("paragraph", pos, pos + len(line)))
        pos += len(line) + 1
    doc = Article(id="valeria", input="<test>", format=InputFormat.TEXT, text=text, blocks=blocks)
    annotate_articles([doc], dates=False)
    return doc


def quotes(text: str) -> list[Quote]:
    return article(text).quotes


def only(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def spoken(text: str) -> list[tuple[str, str | None, str]]:
    """(quote text, speaker, kind) for every quote of ``text``."""
    return [(q.text, q.speaker, q.kind) for q in quotes(text)]


# ------------------------------------------------------------------------------------- quotation marks


def test_curly_quotes_with_said_name_after() -> None:
    q = only("Flood water closed the coast road.\n\n“We will reopen the road by Friday,” said Elena Marsh, the mayor.")
    assert (q.text, q.speaker, q.kind, q.cue) == ("We will reopen the road by Friday,", "Elena Marsh", "full", "said")


def test_straight_double_quotes() -> None:
    q = only('The river rose overnight.\n\n"The water came faster than anyone expected," Peter Hollis said.')
    assert (q.text, q.speaker, q.kind) == ("The water came faster than anyone expected,", "Peter Hollis", "full")


def test_british_single_quotes_curly_and_straight() -> None:
    curly = only("Engineers inspected the dam.\n\n‘The wall is sound,’ said Priya Nandakumar, the chief engineer.")
    straight = only("Engineers inspected the dam.\n\n'The wall is sound,' said Priya Nandakumar, the chief engineer.")
    for q in (curly, straight):
        assert (q.text, q.speaker, q.kind) == ("The wall is sound,", "Priya Nandakumar", "full")


def test_apostrophes_are_not_quotes() -> None:
    assert quotes("The council's pumps didn't start, and the farmers' fields flooded.") == []


def test_guillemets() -> None:
    q = only("The bridge was closed at noon.\n\nDavid Keller said: «The bridge will hold.»")
    assert (q.text, q.speaker, q.kind) == ("The bridge will hold.", "David Keller", "full")


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "The council met late.\n\n“We need more pumps and more people, the clerk wrote.\n\nThe vote was postponed."
    q = only(text)
    assert q.text == "We need more pumps and more people, the clerk wrote."
    assert q.end <= text.index("The vote")


def test_stray_closing_mark_makes_no_quote() -> None:
    assert quotes("The gauge at Marrow Bay showed 12” of rain by Tuesday morning.") == []


# ------------------------------------------------------------------------------------- quotes in pieces


def test_multi_paragraph_quote_is_one_quote_with_parts() -> None:
    text = (
        "Farmers gathered at the school in Marrow Bay.\n\n"
        "“We have lost the harvest and most of the animals. Nobody warned us in time.\n\n"
        "“We will rebuild, but we need help from the capital,” said Laura Bennett, a farmer from the valley."
    )
    q = only(text)
    assert len(q.parts) == 2
    assert text[q.parts[0][0] : q.parts[0][1]].startswith("We have lost the harvest")
    assert text[q.parts[1][0] : q.parts[1][1]].startswith("We will rebuild")
    assert q.text.endswith("help from the capital,")
    assert (q.speaker, q.kind) == ("Laura Bennett", "full")


def test_a_quote_left_open_joins_only_the_quote_of_the_next_paragraph() -> None:
    """An unclosed quote paragraph goes on only in the paragraph right after it: a quote three reporter
    paragraphs later is another quotation, never a second piece of the first."""
    text = (
        "The inquest into the fallen oak resumed on Monday.\n\n"
        "“Every tree in the park is inspected from crown to roots on a fixed schedule.\n\n"
        '" When the coroner asked whether the inspectors were certified arborists, Ruth Alvarez said not '
        "all of them were.\n\n"  # a stray mark where the scrape moved the closing quote to the next line
        "Park director Ruth Alvarez said a second check uses a drill.\n\n"
        "“Drilling into every trunk would cost far more than the city can spend,” said Ruth Alvarez."
    )
    found = quotes(text)
    assert len(found) == 2 and all(not q.parts for q in found)
    assert found[1].text.startswith("Drilling into every trunk") and found[1].speaker == "Ruth Alvarez"


def test_quote_split_around_pronoun_attribution() -> None:
    text = (
        "Elena Marsh visited the shelter on Monday.\n\n"
        "“The shelters are full,” she said. “We are opening two more tonight.”"
    )
    q = only(text)
    assert len(q.parts) == 2
    # the pieces stay pieces: nothing is spliced into one invented sentence
    assert q.text == "The shelters are full, … We are opening two more tonight."
    assert [text[a:b] for a, b in q.parts] == ["The shelters are full,", "We are opening two more tonight."]
    assert (q.speaker, q.speaker_text, q.kind) == ("Elena Marsh", "she", "full")


def test_quote_split_around_said_name() -> None:
    text = "The levee held.\n\n“The shelters are full,” said Elena Marsh. “We are opening two more tonight.”"
    q = only(text)
    assert len(q.parts) == 2 and q.speaker == "Elena Marsh"


def test_split_quote_going_on_in_lower_case() -> None:
    text = "Elena Marsh spoke at the harbour.\n\n“If the pier goes,” she said, “the whole town goes with it.”"
    q = only(text)
    assert q.text == "If the pier goes, … the whole town goes with it." and q.speaker == "Elena Marsh"


@pytest.mark.parametrize(
    "between", [", some carrying a banner that read ", ", and one banner read: ", " as a banner went up. "]
)
def test_chant_and_sign_in_one_paragraph_stay_two_quotes(between: str) -> None:
    text = (
        "Hundreds marched to the town hall in Valeport on Saturday.\n\n"
        f"“Not one plank, not one post,” the marchers chanted{between}“Our pier is not for sale to anyone.”"
    )
    qs = quotes(text)
    assert [q.text for q in qs] == ["Not one plank, not one post,", "Our pier is not for sale to anyone."]
    assert all(not q.parts for q in qs)


def test_chant_glued_to_a_speakers_quote_stays_apart() -> None:
    text = (
        "Elena Marsh came to the harbour on Saturday.\n\n"
        "“Not one plank, not one post,” the crowd chanted as Elena Marsh climbed onto the quay. "
        "“I hear you, and the council hears you,” she said."
    )
    qs = quotes(text)
    assert [q.text for q in qs] == ["Not one plank, not one post,", "I hear you, and the council hears you,"]
    assert qs[1].speaker == "Elena Marsh"


def test_two_speakers_in_one_paragraph_stay_two_quotes() -> None:
    text = (
        "The council met on Tuesday.\n\n"
        "“We will rebuild the pier before the winter storms,” said Mayor Ana Lint. "
        "“That is a promise this town cannot afford,” said Bo Reyes, the council treasurer."
    )
    qs = quotes(text)
    assert [(q.text, q.speaker) for q in qs] == [
        ("We will rebuild the pier before the winter storms,", "Ana Lint"),
        ("That is a promise this town cannot afford,", "Bo Reyes"),
    ]


@pytest.mark.parametrize(
    "between",
    [
        "” said Elena Marsh, one of the divers who inspected the piles. “",
        "” Elena Marsh said in Everett, Wash., on Monday. “",
        "” Elena Marsh said, pointing at the harbour. “",
        "” Rep. Elena Marsh (D-Val.) said. “",
        "” Elena Marsh told The Harbour Post. “",
    ],
)
def test_attributions_between_pieces_of_one_quote(between: str) -> None:
    text = f"The harbour was quiet.\n\n“The piles are rotten,{between}We found worms in every one of them.”"
    q = only(text)
    assert len(q.parts) == 2 and q.speaker == "Elena Marsh"


def test_full_sentence_then_new_quote_is_not_one_quote() -> None:
    text = "Ana Lint spoke first.\n\n“The pier is closed.” She said it twice. “Nobody goes out there today.”"
    assert len(quotes(text)) == 2


def test_fragment_woven_into_sentence() -> None:
    q = only("Opposition leader Marek Dovan called the ministry's response a “provocation” and demanded an inquiry.")
    assert (q.text, q.speaker, q.kind, q.cue) == ("provocation", "Marek Dovan", "fragment", "called")


def test_fragment_and_full_quote_in_one_story() -> None:
    text = (
        "Sarah Lindqvist said the new barrier was “a waste of money” and would fail.\n\n"
        "“Nobody asked the fishermen,” Lindqvist said."
    )
    assert spoken(text) == [
        ("a waste of money", "Sarah Lindqvist", "fragment"),
        ("Nobody asked the fishermen,", "Sarah Lindqvist", "full"),
    ]


# ------------------------------------------------------------------------------------- where the attribution is


@pytest.mark.parametrize(
    "text",
    [
        "“The levee failed at three points,” said Priya Nandakumar.",
        "“The levee failed at three points,” Priya Nandakumar said.",
        "“The levee failed at three points,” engineer Priya Nandakumar said on Tuesday.",
        "“The levee failed at three points,” Priya Nandakumar told reporters.",
    ],
    ids=["said-name", "name-said", "role-name-said", "name-told"],
)
def test_attribution_after_the_quote(text: str) -> None:
    q = only(text)
    assert (q.text, q.speaker, q.kind) == ("The levee failed at three points,", "Priya Nandakumar", "full")


@pytest.mark.parametrize(
    "text",
    [
        "David Keller said: “The levee failed at three points.”",
        "David Keller said, “The levee failed at three points.”",
        "David Keller: “The levee failed at three points.”",
        "According to David Keller, “The levee failed at three points.”",
    ],
    ids=["said-colon", "said-comma", "bare-colon", "according-to"],
)
def test_attribution_before_the_quote(text: str) -> None:
    q = only(text)
    assert (q.text, q.speaker, q.kind) == ("The levee failed at three points.", "David Keller", "full")


def test_according_to_after_the_quote() -> None:
    q = only("The dam is “safe for now,” according to Priya Nandakumar.")
    assert (q.text, q.speaker, q.kind) == ("safe for now,", "Priya Nandakumar", "fragment")


def test_he_added_goes_to_the_last_speaker_not_the_first_person_named() -> None:
    text = (
        "Mayor Elena Marsh opened the meeting in Marrow Bay on Monday.\n\n"
        "Then Michael Grant, the harbour master, took the floor.\n\n"
        "“The pumps arrived two weeks late,” Grant said.\n\n"
        "“Every week counts now,” he added."
    )
    found = quotes(text)
    assert [(q.speaker, q.speaker_text) for q in found] == [("Michael Grant", "Grant"), ("Michael Grant", "he")]


def test_he_added_when_the_recogniser_mislabels_the_speaker() -> None:
    text = (
        "Mayor Elena Marsh opened the meeting in Marrow Bay on Monday.\n\n"
        "Then Tomas Okafor, the harbour master, took the floor.\n\n"
        "“The pumps arrived two weeks late,” Okafor said.\n\n"
        "“Every week counts now,” he added."
    )
    assert [q.speaker for q in quotes(text)] == ["Tomas Okafor", "Tomas Okafor"]


def test_she_said_after_another_speaker() -> None:
    text = (
        "“The money never reached us,” said David Keller, a fisherman.\n\n"
        "Laura Bennett, who runs the shelter, disagreed.\n\n"
        "“Every family got its share,” she said."
    )
    assert [q.speaker for q in quotes(text)] == ["David Keller", "Laura Bennett"]


def test_pronoun_ignores_a_name_inside_the_quote() -> None:
    text = "David Keller spoke to reporters on Monday.\n\n“There is no chance Laura Bennett will resign,” he said."
    assert only(text).speaker == "David Keller"


def test_pronoun_skips_a_person_named_as_object() -> None:
    text = "Tomas Okafor met Laura Bennett at the shelter on Monday.\n\n“We cannot wait for the next storm,” he said."
    assert only(text).speaker == "Tomas Okafor"


# ------------------------------------------------------------------------------------- who speaks


def test_named_organisation_speaks() -> None:
    q = only("The Ministry of Water Resources said in a statement: “There is no risk to the capital.”")
    assert (q.speaker, q.kind) == ("Ministry of Water Resources", "full")


def test_the_ministry_said_goes_to_the_ministry_named_earlier() -> None:
    text = (
        "The Ministry of Water Resources closed the reservoir on Sunday.\n\n"
        "“There is no risk to the capital,” the ministry said in a statement."
    )
    assert only(text).speaker == "Ministry of Water Resources"


def test_the_south_said_goes_to_the_place_named_earlier() -> None:
    text = (
        "South Valeria and North Valeria have argued over the river for years.\n\n"
        "“We will not accept any new dam upstream,” the South said."
    )
    q = only(text)
    assert (q.speaker, q.speaker_text) == ("South Valeria", "South")


_APPOSITION_REASON = (
    "an apposition closed by a comma before the verb ('X, a former minister, told …') never matches: the "
    "speaker pattern needs 'NP cue' and the NP may not contain commas; allow '<name>, <apposition>, <cue>'"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Elena Marsh, a former minister, told reporters: “The government ignored every warning.”", "full"),
        ("Elena Marsh, a former minister, told reporters the government had ignored “every warning.”", "fragment"),
    ],
    ids=["full", "fragment"],
)
def test_apposition_before_told(text: str, kind: str) -> None:
    q = only(text)
    assert (q.speaker, q.kind) == ("Elena Marsh", kind)


def test_apposition_after_said_name() -> None:
    q = only("“The government ignored every warning,” said Elena Marsh, a former minister.")
    assert (q.speaker, q.kind) == ("Elena Marsh", "full")


def test_apposition_with_a_name_the_recogniser_misses() -> None:
    q = only("Ana Ruiz, a former minister, told reporters “the government ignored every warning.”")
    assert q.speaker == "Ana Ruiz"


def test_description_speaks_when_nobody_is_named() -> None:
    q = only("“The water is still rising,” a spokeswoman for the hospital said.")
    assert q.speaker == "a spokeswoman for the hospital"


@pytest.mark.parametrize(
    "text",
    [
        "Graffiti on the flood wall in Marrow Bay read “never again.”",
        "The storm passed before dawn.\n\n“It was like the end of the world.”",
    ],
    ids=["fragment", "full"],
)
def test_quote_without_attributable_speaker(text: str) -> None:
    q = only(text)
    assert (q.speaker, q.speaker_text, q.speaker_start) == (None, None, None)


def test_surname_gets_the_full_name_used_earlier() -> None:
    text = "Priya Nandakumar led the inspection team.\n\n“The cracks are old,” Nandakumar said."
    q = only(text)
    assert (q.speaker, q.speaker_text) == ("Priya Nandakumar", "Nandakumar")
    assert q.speaker_start is not None and q.speaker_end is not None
    assert text[q.speaker_start : q.speaker_end] == "Nandakumar"


def test_speaker_offsets_point_at_the_deciding_mention() -> None:
    text = "Elena Marsh visited the shelter.\n\n“The roof is leaking,” she said."
    q = only(text)
    assert q.speaker == "Elena Marsh"
    assert q.speaker_start is not None and q.speaker_end is not None
    assert text[q.speaker_start : q.speaker_end] == q.speaker_text == "she"


def test_paragraph_of_quote_continues_the_previous_speaker() -> None:
    text = (
        "“We asked for sandbags in March,” said Peter Hollis, who runs the harbour cafe.\n\n"
        "“Nobody answered our letters.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Peter Hollis", "Peter Hollis"]


# ------------------------------------------------------------------------------------- patterns from PolNeAR dev
# Original sentences reproducing the most frequent error patterns of benchmarks/polnear_quotes.py.


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We have asked for help," Mr. Grant said.', "Michael Grant"),
        ('"We have asked for help," Laura B. Bennett said.', "Laura B. Bennett"),
        ('"We have asked for help," Sen. Laura B. Bennett (D-Val.) said.', "Laura B. Bennett"),
    ],
    ids=["title", "initial", "party-tag"],
)
def test_names_with_abbreviation_periods(text: str, speaker: str) -> None:
    q = only("Michael Grant and Laura B. Bennett spoke at the harbour.\n\n" + text)
    assert q.speaker == speaker


def test_apposition_between_name_and_verb_after_quote() -> None:
    q = only("“The fields are gone,” Laura Bennett, 54, said on Tuesday.")
    assert q.speaker == "Laura Bennett"


def test_next_sentence_does_not_steal_the_attribution() -> None:
    text = "David Keller called the plan “reckless.” Laura Bennett said the council would vote on Friday."
    assert only(text).speaker == "David Keller"


def test_saying_clause_goes_to_the_subject() -> None:
    q = only("Michael Grant criticised the ministry on Monday, saying, “The pumps arrived two weeks late.”")
    assert q.speaker == "Michael Grant"


def test_dash_attribution_after_quote() -> None:
    q = only("“We have lost everything and nobody came.” ― Laura Bennett")
    assert q.speaker == "Laura Bennett"


def test_doubled_apostrophes_as_quotation_marks() -> None:
    q = only("''The harbour will reopen in May,'' said Michael Grant, the harbour master.")
    assert (q.text, q.speaker) == ("The harbour will reopen in May,", "Michael Grant")


# ------------------------------------------------------------------ what may be a speaker (issue 11)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mayor Ines Cartalo's spokeswoman, Dara Quell, said: “The pumps will run all night.”",
            "Dara Quell",
        ),
        ("“The pumps will run all night,” said Mayor Ines Cartalo's spokeswoman, Dara Quell.", "Dara Quell"),
        ("“The pumps will run all night,” Mayor Ines Cartalo's spokeswoman said.", "Mayor Ines Cartalo's spokeswoman"),
        ("“We have asked for more sandbags,” a representative of Governor Tibor Lask said.", None),
    ],
    ids=["named-before", "named-after", "unnamed", "representative-of"],
)
def test_a_spokesperson_speaks_not_the_person_represented(text: str, speaker: str | None) -> None:
    q = only(text)
    assert q.speaker != "Ines Cartalo" and q.speaker != "Tibor Lask"
    if speaker:
        assert q.speaker == speaker
    assert q.speaker_text is not None and q.speaker_text in text


def test_a_resident_speaks_not_the_storm() -> None:
    text = "As Storm Odile hit the coast of Marrow Bay, “the roof simply lifted off,” said resident Pell Vantor."
    assert only(text).speaker == "Pell Vantor"
    text = "“The roof simply lifted off,” a resident said as Storm Odile hit the coast."
    q = only(text)
    assert q.speaker is not None and "Odile" not in q.speaker


def test_a_storm_is_never_a_speaker() -> None:
    q = only("Hurricane Odile slammed into the coast, residents said, “like a train.”")
    assert q.speaker == "residents"
    q = only("“The roof just went,” said one resident of Marrow Bay as Hurricane Odile made landfall.")
    assert q.speaker == "one resident"


# A capital that speaks is its government ("Marrow Bay said" after a diplomatic row): a place standing alone
# as the subject of a speech verb is kept as a metonym. A place inside a longer phrase ("residents of Marrow
# Bay", "a crowd in Marrow Bay") is a place used as a place and never the speaker.
def test_a_place_inside_a_phrase_is_not_the_speaker() -> None:
    q = only("“We lost everything,” Marrow Bay residents said.")
    assert q.speaker != "Marrow Bay"
    q = only("“We lost everything,” said a crowd in Marrow Bay.")
    assert q.speaker != "Marrow Bay"


def test_a_capital_alone_before_said_is_its_government() -> None:
    text = "Valeria and Ostrava have argued about the dam for years.\n\n“We will not accept the dam,” Ostrava said."
    assert only(text).speaker == "Ostrava"


@pytest.mark.parametrize(
    "text",
    [
        "Minister Elena Marsh posted on Sunday night.\n\n“The dam is safe,” the tweet said.",
        "A sign hung on the flood wall.\n\nThe sign read: “The dam is safe.”",
        "The question this hour is: “Will the dam hold?”",
    ],
    ids=["tweet", "sign", "phrase"],
)
def test_a_publication_or_a_phrase_is_not_a_speaker(text: str) -> None:
    q = only(text)
    assert q.speaker not in ("the tweet", "The sign", "The question this hour is")


def test_a_possessed_publication_goes_to_its_owner() -> None:
    q = only("Elena Marsh's statement said: “The dam is safe.”")
    assert q.speaker == "Elena Marsh"


def test_a_quote_with_no_attribution_in_reach_stays_unattributed() -> None:
    text = (
        "Tomas Okafor visited the shelter in Marrow Bay on Monday.\n\n"
        "The water reached the second floor of the school by noon. Volunteers moved the desks upstairs.\n\n"
        "“Nobody expected this.”"
    )
    assert only(text).speaker is None


def test_a_quote_right_after_its_speakers_paraphrase_takes_that_speaker() -> None:
    text = "The pumps failed twice overnight, engineer Ruta Kell said. “We need new ones before winter.”"
    assert only(text).speaker == "Ruta Kell"


def test_a_clause_after_the_quote_is_not_its_attribution() -> None:
    text = "Ruta Kell said last week, “The pumps are fine,” when Tomas Okafor asked about them."
    assert only(text).speaker == "Ruta Kell"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“the water came in so fast,” said 23-year-old nicholas harris.", "Nicholas Harris"),
        (
            "“we ran,” said nicholas harris, 23.\n\n“the water came in so fast,” said harris.",
            "Nicholas Harris",
        ),
        ("resident nicholas harris said: “the water came in so fast.”", "Nicholas Harris"),
    ],
    ids=["age-and-name", "surname-from-context", "before"],
)
def test_lower_cased_text_keeps_its_speakers(text: str, speaker: str) -> None:
    assert quotes(text)[-1].speaker == speaker


def test_lower_cased_name_from_title_case_context() -> None:
    text = "Nicholas Harris, 23, lives by the river.\n\n“the water came in so fast,” said nicholas harris."
    assert only(text).speaker == "Nicholas Harris"


def test_a_chant_goes_to_the_crowd_not_the_reporter_who_described_it() -> None:
    text = "Marchers chanted “Build the wall higher!” as they passed the station, reporter Lena Ost wrote."
    q = only(text)
    assert q.speaker != "Lena Ost"
    assert q.speaker == "Marchers"


def test_transcript_speaker_label_inside_the_quote() -> None:
    text = "“KELL: The pumps failed twice this winter and nobody replaced them. … OKAFOR: Why?”"
    assert only(text).speaker in ("Kell", "KELL")


def test_quoted_phrases_listed_after_one_verb_share_its_speaker() -> None:
    text = (
        "“Are you cold?” she asked, but as Elena Marsh went on about “broken pumps,” and “empty sandbags” "
        "and “our forgotten towns,” Ana Ruiz said yes, over and over."
    )
    found = quotes(text)
    assert [q.speaker for q in found[1:]] == ["Elena Marsh"] * 3


def test_a_participle_chant_goes_to_the_subject_phrase_not_an_aside() -> None:
    text = (
        "Small groups of marchers circled the town hall - where the Marrow Bay Rovers played the Ostrava "
        "Lions - while chanting, “Open the gates.”"
    )
    q = only(text)
    assert q.speaker is not None and "marchers" in q.speaker


def test_a_named_spokeswoman_keeps_her_role() -> None:
    doc = article("Mayor Ines Cartalo's spokeswoman, Dara Quell, said: “The pumps will run all night.”")
    assert doc.quotes[0].speaker == "Dara Quell"
    roles = {e.canonical: e.role for e in doc.entities if e.label == "PERSON"}
    assert roles.get("Dara Quell") == "Mayor Ines Cartalo's spokeswoman"


# ------------------------------------------------------------- issue 11: hand-check error kinds (English)


def test_a_quote_set_one_sentence_to_a_line_is_one_quote_of_the_speaker_after_it() -> None:
    text = (
        "Inspections of the old oaks take place every year.\n\n"
        "“However, the deeper checks are costly.\n\n"
        "It is not practical to drill into every tree,” said Mr Olsen, the park manager.\n\n"
        "The park reopens on Friday."
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.endswith("Olsen")
    assert [text[a:b] for a, b in q.parts] == [
        "However, the deeper checks are costly.",
        "It is not practical to drill into every tree,",
    ]


def test_a_stray_mark_with_no_closing_paragraph_stays_in_its_paragraph() -> None:
    text = "“The council met on Monday.\n\nIt approved the budget.\n\n“The pier will be rebuilt,” said Elena Marsh."
    found = quotes(text)
    assert [q.text for q in found] == ["The council met on Monday.", "The pier will be rebuilt,"]


def test_the_age_described_speaker_is_the_person_just_named() -> None:
    text = (
        "Ms Vera Lind said she had cut her spending on clothes.\n\n"
        "“Prices make people gloomy,” the 31-year-old said.\n\n"
        "“You cannot spend like before.”"
    )
    speakers = [q.speaker or "" for q in quotes(text)]
    assert len(speakers) == 2 and all(s.endswith("Vera Lind") for s in speakers), speakers


def test_a_participle_of_a_later_clause_does_not_credit_the_quote_before_it() -> None:
    text = (
        "Stall holders are waiting for fresh stock.\n\n"
        "“We will switch when supply is stable.” One trader, who gave no name, will buy the fresh stock, "
        "adding that “some people dislike frozen meat”."
    )
    found = quotes(text)
    assert found[0].speaker is None
    assert (found[1].speaker or "").startswith("One trader")


def test_she_said_goes_to_the_woman_just_introduced_even_when_the_recogniser_misses_her() -> None:
    text = (
        "“The ferry must run again,” Marta Ilves, a teacher, told reporters.\n\n"
        "Alina Voss, 20, said she hoped the council would listen.\n\n"
        "“They have to hear us,” she said."
    )
    assert [q.speaker for q in quotes(text)] == ["Marta Ilves", "Alina Voss"]


def test_a_role_with_its_holder_in_apposition_late_in_a_long_sentence() -> None:
    text = (
        "Perhaps it is no surprise, but given the council's plan to sell the pier -- which the harbour board's "
        "chief executive, Ana Ruiz, called “a reckless gamble” -- the vote was close."
    )
    assert only(text).speaker == "Ana Ruiz"


def test_the_sentence_before_opens_with_the_speaker_though_it_ends_like_an_attribution() -> None:
    text = (
        "His former partner at Varga Holdings, Lawrence B. Cummings, called him a master at difficult deals. "
        "“He found a way when nobody else could.”"
    )
    assert only(text).speaker == "Lawrence B. Cummings"


def test_an_apposition_closed_by_a_dash() -> None:
    text = (
        "Tom Varga, the head of Varga Media -- the company that prints the Marrow Bay Post, which is also "
        "sold online -- told me, “We sell what readers want to read.”"
    )
    assert only(text).speaker == "Tom Varga"


def test_a_capitalised_cue_word_inside_a_name_is_no_verb() -> None:
    """ "the United States has become a “…”": "States" is a name here, not the verb "states"."""
    text = "Elena Marsh also said at the time that the United States has become a “dumping ground for old ships.”"
    assert only(text).speaker != "United"


def test_more_reporting_verbs() -> None:
    text = (
        "The mayor was asked about the pier.\n\n"
        "“I chose to fix it, not to talk about it,” Elena Marsh shot back.\n\n"
        "“Go back to your office,” Tomas Okafor barked."
    )
    assert [q.speaker for q in quotes(text)] == ["Elena Marsh", "Tomas Okafor"]


# ------------------------------------------------------- kinds of speaker error read on PolNeAR train (issue 11)


def test_the_verb_before_its_speaker_at_the_start_of_the_sentence() -> None:
    text = (
        "The pumping station at Marrow Bay reopened on Monday.\n"
        "Said Dara Quell, who grew up on the harbour road, “We were all so proud of the pumps.”\n"
        "Tomas Reinholt praised the engineers. But, explained Reinholt, “The levy still has to be paid.”"
    )
    assert [(q.speaker, q.cue) for q in quotes(text)] == [("Dara Quell", "Said"), ("Tomas Reinholt", "explained")]


def test_an_inverted_verb_takes_a_name_not_a_clause() -> None:
    # "said Ruth Okafor was …" is reported speech about Okafor, not Okafor speaking
    q = only("An engineer at the dam, Lina Varga, said Ruth Okafor was a builder at heart: “She never stops.”")
    assert q.speaker != "Ruth Okafor"


def test_a_participle_with_a_colon_or_a_short_circumstance() -> None:
    text = (
        "Senator Ruth Okafor mocked the plan, saying at one point, “The answer is not to shout louder.”\n"
        "In a statement released Thursday, Elena Marsh reacted to the vote, saying: “The levy is a disgrace.”\n"
        "Tomas Reinholt tried to laugh it off by interjecting, “Only on Sundays.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Ruth Okafor", "Elena Marsh", "Tomas Reinholt"]


def test_an_owners_agent_with_the_name_in_the_subject_apposition() -> None:
    q = only(
        "Elena Marsh drew criticism for the levy.\n"
        "Marsh's son, Piet, defended his mother on Tuesday, saying: “She has fought for this valley all her life.”"
    )
    assert q.speaker == "Piet"


def test_the_speaker_after_the_words_that_finish_the_sentence() -> None:
    q = only("“We are extremely happy” about the new dam, said Ruta Kell, an engineer with the Valeport water board.")
    assert (q.speaker, q.cue) == ("Ruta Kell", "said")
    # a clause after the verb is no speaker: "said he hadn't …" belongs to another sentence's subject
    q = only(
        "Tomas Reinholt refused to say he was “going anywhere near the dam.” And Piet Marsh, a rival, said he had "
        "not thought about Elena Marsh."
    )
    assert q.speaker == "Tomas Reinholt"


def test_the_attribution_of_the_quote_in_the_sentence_before_goes_on() -> None:
    text = (
        "The water board met on Friday.\n"
        "“It is rare,“ said Ruta Kell, an engineer with the board. “It is also hard to do without a second pump.”"
    )
    found = quotes(text)
    assert found[-1].text.startswith("It is also hard")
    assert (found[-1].speaker, found[-1].cue) == ("Ruta Kell", "continues")


def test_a_cue_word_after_an_owner_is_a_noun_not_the_verb() -> None:
    # "Reinholt's comments are" is about Reinholt's words; the board is quoted
    text = (
        "Tomas Reinholt spoke at the quay on Monday.\n"
        "The water board released a statement Wednesday evening, saying Reinholt’s comments are "
        "“another example of reckless talk.”"
    )
    assert quotes(text)[-1].speaker != "Tomas Reinholt"


def test_the_subject_of_a_clause_before_a_participle_not_the_whole_clause() -> None:
    text = (
        "Tomas Reinholt spoke on Monday.\n"
        "The town of Marrow Bay released a statement Wednesday saying Reinholt’s comments “are not facts.”"
    )
    q = quotes(text)[-1]
    assert q.speaker is not None and "released" not in q.speaker and "Reinholt" not in q.speaker


def test_a_digest_line_credits_the_label_after_the_dash() -> None:
    q = only("Pollsters missed the upset in Marrow Bay - Ruta Kell: “Most surveys reached too few young voters.”")
    assert q.speaker == "Ruta Kell"


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_paragraph_after_it() -> None:
    text = (
        "Ruta Kell, an engineer with the water board, spoke after the vote. She told the council:\n"
        "“The pumps will not last another winter. We asked for new ones in May.”\n"
        "“Nobody answered us.”"
    )
    found = quotes(text)
    assert [(q.speaker, q.cue) for q in found] == [("Ruta Kell", "told"), ("Ruta Kell", "continues")]


def test_a_statement_announced_in_the_paragraph_before_is_its_issuers() -> None:
    text = (
        "After the flood, the Valerian Water Authority released the following statement:\n"
        "“We regret the delay in the repairs at Marrow Bay.”"
    )
    q = quotes(text)[-1]
    assert q.speaker is not None and "Water Authority" in q.speaker and "statement" not in q.speaker


def test_a_paragraph_ending_in_a_colon_without_a_speech_verb_names_no_speaker() -> None:
    # "has the pictures:" introduces what follows, but nobody in it says the words
    text = (
        "The river rose again on Sunday, and the Valeport Wire has the pictures and a long account of the night:\n"
        "“Water stood a metre deep in the square.”"
    )
    assert quotes(text)[-1].speaker is None


def test_one_member_of_a_party_is_a_described_speaker() -> None:
    text = (
        "The board met on Friday in Marrow Bay.\n"
        "“The pumps are too old to last another winter,” said a Valerian Democrat.\n"
        "“We need two more before the rains,” added another Marrow Bay Republican."
    )
    assert [q.speaker for q in quotes(text)] == ["a Valerian Democrat", "another Marrow Bay Republican"]


def test_more_reporting_verbs_after_the_quote() -> None:
    text = "The flood reached the square on Sunday.\n“Nobody warned us,” Piet Marsh fumed on Monday."
    assert quotes(text)[-1].speaker == "Piet Marsh"
    text = "The flood reached the square on Sunday.\n“It was worse in 1998,” remembered Ana Ruiz, a neighbour."
    assert quotes(text)[-1].speaker == "Ana Ruiz"


def test_a_headline_that_opens_with_its_speaker() -> None:
    # the label before the colon speaks, not the person the headline is about
    q = quotes("Kell: Piet Marsh ‘Asleep At The Pumps’ Before Flood\nThe water board met on Friday.")[0]
    assert q.speaker == "Kell"


def test_a_quote_paragraph_after_its_speakers_paraphrase() -> None:
    text = (
        "The water board met on Friday in Marrow Bay.\n"
        "Ruta Kell said the pumps had been failing for a decade and nobody had listened.\n"
        "“We asked for new ones every spring.”"
    )
    assert (quotes(text)[-1].speaker, quotes(text)[-1].cue) == ("Ruta Kell", "continues")
    # the paragraph goes on after the quote: the paraphrase before it does not decide
    text = text.replace("every spring.”", "every spring,” a resident of the quay wrote to the board.")
    assert quotes(text)[-1].speaker != "Ruta Kell"


# ------------------------------------------------------------------ third PolNeAR train round (issue 11)


def test_a_name_before_an_owners_role_speaks_not_the_owner() -> None:
    # "Tom Rivers, Castle's campaign manager, said": the name before the apposition is the speaker
    text = (
        "Brian Castle raised ten million dollars in March.\n"
        "“The numbers put our campaign on pace to win the state,” Tom Rivers, Castle’s campaign manager, said."
    )
    assert quotes(text)[-1].speaker == "Tom Rivers"


def test_a_fronted_topic_is_not_the_speaker() -> None:
    # "Of Castle, Ann Lorry … said": the topic comes first, the subject after it
    text = (
        "“He is funny,” Ann Lorry said of Brian Castle.\n"
        "Of Castle, Ann Lorry, who has given money to a rival, said, “He is a circus act.”"
    )
    assert quotes(text)[-1].speaker == "Ann Lorry"


def test_a_titled_name_in_apposition_after_a_circumstance() -> None:
    text = (
        "The ferry reopened on Tuesday.\n"
        "Speaking to supporters at Baldwin Wallace University after winning the state, Gov. Ann Lorry (R-VA), said, "
        "“We are going all the way.”"
    )
    assert quotes(text)[-1].speaker == "Ann Lorry"


def test_a_fragment_credits_the_head_of_its_subject_not_its_modifier() -> None:
    # "Former Marsh spokesman Tom Rivers derided “…”": Rivers, not the Marsh the role belongs to
    text = (
        "Elena Marsh defended the flood plan for weeks.\n"
        "Former Marsh spokesman Tom Rivers derided “the professional left” in press conferences."
    )
    assert quotes(text)[-1].speaker == "Tom Rivers"
    # a verb between two names is no role: "Ann Lorry attacked Tom Rivers as “…”" stays Lorry's
    text = "The flood board met on Friday.\nAnn Lorry attacked Tom Rivers as “a danger to the coast” on Sunday."
    assert quotes(text)[-1].speaker == "Ann Lorry"


def test_a_description_after_the_verb_keeps_its_prepositional_phrase() -> None:
    text = "The flood board met on Friday.\n“The pumps were old,” said a longtime adviser to both Castles."
    assert quotes(text)[-1].speaker == "a longtime adviser to both Castles"
    # a name in apposition after the phrase is the speaker
    text = (
        "The flood board met on Friday.\n"
        "“It may have been his first attempt,” said his best friend at Lehigh, Tom Rivers, who later moved away."
    )
    assert quotes(text)[-1].speaker == "Tom Rivers"
    # a circumstance with no name after it stays out of the description
    text = "The flood board met on Friday.\n“We will open the gates,” said the mayor at a rally in the square."
    assert quotes(text)[-1].speaker == "the mayor"


def test_more_reporting_verbs_before_the_quote() -> None:
    text = "The board met on Friday.\nAt the quay, Ann Lorry boomed, “Today the water went home.”"
    assert (quotes(text)[-1].speaker, quotes(text)[-1].cue) == ("Ann Lorry", "boomed")
    text = "The board met on Friday.\nAsked which pump was his favourite, Tom Rivers demurred: “Whichever one runs.”"
    assert quotes(text)[-1].cue == "demurred"


def test_two_sentences_between_quotes_are_no_attribution_of_one_split_quote() -> None:
    # "Lorry writes to Rivers. He replies," holds a sentence end: the reply is a quote of its own
    text = (
        "Ann Lorry and Tom Rivers met on Friday.\n"
        "“Remind me, didn’t we use the word first?” Lorry writes to Rivers. He replies, “Yes, but they can have it.”"
    )
    assert [q.text for q in quotes(text)] == ["Remind me, didn’t we use the word first?", "Yes, but they can have it."]


def test_three_apostrophes_close_an_inner_quote_and_the_archive_double_quote() -> None:
    text = (
        "The board met on Friday.\n"
        "''Most voters will not be satisfied with 'We will pump the square dry,''' said Senator Ann Lorry of "
        "Valeria, referring to the mayor's vow."
    )
    q = quotes(text)[-1]
    assert (q.text, q.speaker) == ("Most voters will not be satisfied with 'We will pump the square dry,'", "Ann Lorry")


def test_the_subject_before_a_relative_clause_with_a_verb_of_its_own() -> None:
    # "declared" belongs to the relative clause; "told" is Lorry's verb
    text = (
        "The race tightened on Monday.\n"
        "Ann Lorry, who called Tom Rivers shortly after the winner was declared, told her supporters, "
        '"I still love the harbour, and I always will."'
    )
    assert (quotes(text)[-1].speaker, quotes(text)[-1].cue) == ("Ann Lorry", "told")


def test_pressed_and_retaliated_report_speech() -> None:
    text = "The race tightened on Monday.\n“Would you keep the pumps?” Ann Lorry pressed."
    assert (quotes(text)[-1].speaker, quotes(text)[-1].cue) == ("Ann Lorry", "pressed")
    text = "The race tightened on Monday.\n“The harbour will always be the harbour,” an angry Tom Rivers retaliated."
    assert quotes(text)[-1].cue == "retaliated"


def test_the_one_asked_does_not_speak_the_question() -> None:
    text = (
        "The race tightened on Monday.\n"
        "In an interview with the Maren Post on Wednesday, Tom Rivers was asked, “Which quay is the most dangerous?”"
    )
    assert quotes(text)[-1].speaker is None
    # the asker speaks when the sentence names them
    text = (
        "The race tightened on Monday.\n"
        "Tom Rivers was asked by host Ann Lorry, who has backed him for years, “Are you tired of the pumps?”"
    )
    assert (quotes(text)[-1].speaker, quotes(text)[-1].cue) == ("Ann Lorry", "asked")


def test_a_participle_after_a_fronted_circumstance_and_its_subject() -> None:
    text = (
        "The race tightened on Monday.\n"
        "On Tuesday, Mr. Tom Rivers deflected numerous questions about Ms. Lorry before saying, "
        "''It's time to quit attacking people.''"
    )
    assert (quotes(text)[-1].speaker, quotes(text)[-1].cue) == ("Tom Rivers", "saying")


def test_had_written_reports_the_words_after_it() -> None:
    text = (
        "The harbour museum reopened on Monday.\n"
        "As the Maren columnist Ann Lorry had written a few years earlier, ''We could not have a harbour without "
        "its pumps.''"
    )
    assert (quotes(text)[-1].speaker, quotes(text)[-1].cue) == ("Ann Lorry", "written")


def test_a_pronoun_skips_people_the_article_calls_by_the_other_pronoun() -> None:
    """Dara Quell is "she" and Piet Vos "he" in the article's own sentences (neither first name tells), so
    "she said" after two paragraphs on Vos goes back to Quell."""
    text = (
        "Dara Quell opened the harbour office on Monday. She thanked the volunteers.\n\n"
        "Dara Quell said she would stay in Marrow Bay.\n\n"
        "Piet Vos had warned of floods for years. He asked again for new pumps.\n\n"
        "Piet Vos left the meeting early. He had a ferry to catch.\n\n"
        "“We cannot wait for the next storm,” she said."
    )
    assert quotes(text)[-1].speaker == "Dara Quell"


def test_he_responds_after_a_woman_writes_to_a_man() -> None:
    """ "Santos writes to Kell. He responds": the one who answers is the man written to, not the writer (a
    woman: her first name says so)."""
    text = (
        "The emails between Maria Santos and her adviser, Tom Kell, were released on Thursday.\n"
        "“Didn’t we close the quay first?” Santos writes to Kell. He responds, “Yes, but let them have it.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Maria Santos", "Tom Kell"]


def test_a_quote_cut_at_a_comma_takes_any_past_verb_after_it() -> None:
    """ "“…,” Tom Rivers assured the crowd.": a verb no list of reporting verbs holds still attributes a quote
    that ends with a comma; after a full stop the next sentence is the reporter's own ("Rivers ended …")."""
    text = (
        "The harbour meeting ran late on Monday.\n\n"
        "“The pumps will hold through the winter,” Tom Rivers assured the crowd.\n\n"
        "“Really?” Ann Lorry questioned.\n\n"
        "“The pumps are old.” Tom Rivers ended the meeting at nine."
    )
    found = quotes(text)
    assert [(q.speaker, q.cue) for q in found[:2]] == [("Tom Rivers", "assured"), ("Ann Lorry", "questioned")]
    assert found[2].cue != "ended"


def test_a_fragment_after_an_earlier_quote_in_its_sentence_is_the_subjects() -> None:
    """An earlier quoted word in the sentence must not hide its subject: the second fragment is Rivers's,
    not that of Lorry, who is only named after the first."""
    text = (
        "The harbour meeting ran late on Monday.\n"
        "Tom Rivers lamented that the “danger” came from Ann Lorry’s plan to close the quay while "
        "“leaving the fishermen without a harbour.”"
    )
    assert quotes(text)[-1].speaker == "Tom Rivers"


def test_a_papers_name_before_a_named_reporter_is_no_document() -> None:
    """ "wrote Post bureau chief Ann Lorry": the capitalised "Post" is part of a title, not "a post" with no
    author, so the reporter named after it wrote the words."""
    text = (
        "The harbour museum reopened on Monday.\n"
        "“The mayor did not pick the date to please anyone,” wrote Post bureau chief Ann Lorry, citing two aides."
    )
    assert quotes(text)[-1].speaker == "Ann Lorry"


def test_a_fronted_time_or_circumstance_is_not_the_subject() -> None:
    """ "Hours later," and "Appearing … at Harbour Party headquarters," stand before the subject: the one
    who speaks is the person after them, not "Hours" nor the party named in the circumstance."""
    text = (
        "The race tightened on Monday.\n"
        "Hours later, Tom Rivers returned the compliment to Ann Lorry, telling the Maren Post, “She is a good "
        "friend of the harbour.”\n"
        "Appearing before cheering supporters Monday morning at Harbour Party headquarters, Ann Lorry, 70, said it "
        "was too early to celebrate but added, “I think you all know the results.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Rivers", "Ann Lorry"]


def test_a_party_tag_does_not_end_the_sentence() -> None:
    """The sentence model breaks after "(I-Vt.)" or "(Tex.)"; the subject before the tag still speaks the
    fragment that ends the sentence."""
    text = (
        "The race tightened on Monday.\n"
        "Sen. Tom Rivers (I-Vt.) said Sunday in Marrow Bay, Valeria, that he was hoping for a large turnout, which "
        "“will help elect Ann Lorry to the harbour board.”\n"
        "Other candidates were as bellicose. Sen. Piet Kell (Tex.) has said that he would “sink the old pumps.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Rivers", "Piet Kell"]


def test_a_fragment_after_an_active_verb_is_its_subjects() -> None:
    """With nobody named in full, the subject before an active verb speaks the fragment ("The agency declined
    to detail …"); a subject that is only described by the quote ("The new pier will be dubbed …", "Guns
    are …") is not a speaker."""
    text = (
        "The harbour inquiry opened on Monday.\n"
        "The agency declined to publicly detail the inquiry's “specific focus, scope or targets.”\n"
        "The new pier will informally be dubbed the “Rivers Landing” by the town.\n"
        "Pumps are “the ultimate public health question” for the bay."
    )
    assert [q.speaker for q in quotes(text)] == ["The agency", None, None]


def test_the_subject_speaks_a_fragment_before_a_person_named_after_it() -> None:
    """The subject before the first verb speaks, not the first full name of the sentence, which is its
    object here; an irregular past ("found") ends the subject too."""
    text = (
        "The harbour inquiry opened on Monday.\n"
        "One aide inside the harbour office tried to downplay Tom Rivers’s comments, saying they were "
        "“not a big deal around here.”\n"
        "A 2014 Marrow Bay council report found “no evidence that Ann Lorry ordered the pumps stopped.”"
    )
    expected = ["One aide inside the harbour office", "A 2014 Marrow Bay council report"]
    assert [q.speaker for q in quotes(text)] == expected


def test_a_dateline_or_a_link_word_is_not_the_speaker() -> None:
    """ "MARROW BAY, Val. —" opens the paragraph and "Or," the sentence; the speaker is the senator after
    the dateline and the former harbour master after "as"."""
    text = (
        "MARROW BAY, Val. — Sen. Tom Rivers (R-Texas) weighed in on the allegations, calling the behaviour a "
        "“fireable offense.”\n"
        "Or, as Ann Lorry, a former harbour master, put it: “The pumps are no longer at the gate.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Rivers", "Ann Lorry"]


def test_a_colon_dateline_is_not_a_speaker() -> None:
    """ "SAN DIEGO: A contractor nicknamed “…”" and "MARROW BAY: Vast crowds … to view ‘…’" open with a
    dateline, not a headline's speaker; a nickname or a phrase held up by a crowd has no speaker."""
    text = (
        "SAN DIEGO: A Valerian defence contractor nicknamed “Fat Leonard” who ran a bribery scheme was arrested.\n"
        "MARROW BAY: Vast crowds gathered in Marrow Bay for the funeral and held up their children to view "
        "‘the making of history’."
    )
    assert [q.speaker for q in quotes(text)] == [None, None]


def test_an_adverb_in_ly_between_the_speaker_and_the_verb() -> None:
    """ "as she angrily said" and "then loudly asked" keep their speakers; "the family said" stays the
    family's (a noun in -ly is no adverb)."""
    text = (
        "Ann Lorry lost her temper at the pump house as she angrily said, “I am sick of the council lying.”\n"
        "Deputy mayor Tom Rivers, who was at the back of the hall, then loudly asked, “Really?”\n"
        "The family said, “We are grateful to the divers.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Ann Lorry", "Tom Rivers", "The family"]


def test_a_question_handed_to_its_speaker_outweighs_an_aside_before_it() -> None:
    """The verb in the reporter's aside ("but the council firmly denies") does not introduce the question;
    "asked Rivers" right after it does, and the next sentence's quote goes on with him."""
    text = (
        "Tom Rivers chaired the harbour inquiry for two years.\n"
        "If the pumps were switched off on purpose — as many residents believe, but the council firmly denies — "
        "“why wouldn’t you want to know who did it?” asked Rivers, now a consultant. “It is only prudent.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Rivers", "Tom Rivers"]


def test_a_link_word_or_upon_before_the_participle() -> None:
    """ "And then Rivers went on the attack, saying, “…”" is Rivers's; "… upon saying, “…”" is the subject's."""
    text = (
        "Tom Rivers spoke first at the harbour meeting.\n"
        "And then Rivers went fully on the attack, saying, “Is the council ever going to admit the pumps failed?”\n"
        "Ann Lorry, herself a harbour pilot, drew boos upon saying, “The council heard the people.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Rivers", "Ann Lorry"]


def test_a_new_sentence_reporting_its_own_words_after_a_closed_quote_is_no_attribution() -> None:
    """ "Tom Rivers said he would have …" after a closed quote says something of its own: the quote goes on
    from Ann Lorry's; "he told the cheering crowd" after a closed quote still attributes it."""
    text = (
        "“It is a sad day,” Ann Lorry told reporters at the harbour. “The pumps failed us.” Tom Rivers said he "
        "would have fired the engineer.\n"
        "Tom Rivers spoke at the rally. “Get your boots ready!” he told the cheering crowd."
    )
    assert [q.speaker for q in quotes(text)] == ["Ann Lorry", "Tom Rivers"]


def test_a_predicate_before_a_participle_is_not_its_speaker() -> None:
    """ "Ann Lorry, who …, issued a statement Tuesday saying, “…”" is Lorry's, not "issued a statement"'s."""
    text = (
        "Ann Lorry, who said last week that the harbour engineer was biased against the fishermen, issued a "
        "statement Tuesday saying, “I do not feel that anyone is incapable of being fair.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Ann Lorry"]


def test_a_pronoun_after_a_link_word_opens_the_sentence() -> None:
    """ "Then he cut into Rivers, calling him a “…”" is the subject's words, not Rivers's."""
    text = (
        'Tom Rivers and Piet Kell met at the town hall. Kell accused Rivers of being "soft". '
        'Then he cut into Rivers again, calling him a "stiff" in front of the crowd.'
    )
    assert [q.speaker for q in quotes(text)][-1] == "Piet Kell"


def test_a_predicate_before_a_colon_gives_the_sentences_subject() -> None:
    """ "…, gave the plan a try in an interview with Radio Valeria on Tuesday:" is the subject's quote, not the
    radio's; a title's organisation ("Harbour Board Chair Ann Lorry") does not outrank the person; an
    inverted "explained the moderator Tom Rivers:" keeps its speaker."""
    text = (
        "The pumps failed again.\n"
        "One early critic, councillor Piet Kell, gave the plan a try in an interview with Radio Valeria on "
        "Tuesday: “You can easily argue the pumps were never tested.”\n"
        "Harbour Board Chair Ann Lorry, a former pilot, delivered a blunt message to the council: “Stop blaming "
        "the pumps.”\n"
        "In other words, explained moderator Tom Rivers: “What does that have to do with the pumps?”"
    )
    assert [q.speaker for q in quotes(text)] == ["Piet Kell", "Ann Lorry", "Tom Rivers"]


def test_attributions_after_a_fronted_clause_after_as_and_with_the_verb_first() -> None:
    """ "In response to …, she said she …. “…”" goes on from her paraphrase; "“…,” as Rivers said on Monday"
    is Rivers's; "“…?” reacted Kell." is Kell's, as "“…,” as he said they would" names nobody new."""
    text = (
        "Ann Lorry spoke at the harbour. In response to the council's charge that she had been slow, she said "
        "the divers had worked day and night. “I really believe the divers did an incredible job.”\n"
        "Still, the fact that the pumps “were never tested,” as Tom Rivers said on Radio Valeria on Monday, "
        "matters most.\n"
        "“The council said the pumps were fine. Is the council blind?” reacted Piet Kell."
    )
    assert [q.speaker for q in quotes(text)] == ["Ann Lorry", "Tom Rivers", "Piet Kell"]


def test_a_pronoun_skips_a_fronted_circumstance_and_a_possessive() -> None:
    """ "On Rivers's claim that …, Lorry said he believes “…”" is Lorry's: the person in the fronted clause and
    the possessive are not the subject; "Kell's been making the case" is a contraction, so Kell stays the
    subject for "he said"."""
    text = (
        "Tom Rivers blamed the pumps on Sunday. Paul Lorry was the harbour engineer. On Rivers's claim that the "
        "pumps were never tested, Lorry said he believes “some of the pumps were tested twice.”\n"
        "Mark Kell and Tom Rivers argued. Kell's been making the case for weeks that Rivers is not ready. "
        "“You have never run a harbour,” he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Paul Lorry", "Mark Kell"]


def test_a_participle_after_an_earlier_quote_of_the_sentence_is_the_subjects() -> None:
    """ "Lorry insisted it was “premature” to back Kell's plan while adding, “…”": the words between the two
    quotes are no subject; the sentence's subject speaks, not the possessive in them."""
    text = (
        "Ann Lorry will skip the harbour vote. In an interview with Radio Valeria, Lorry insisted it was "
        "“premature” to back Piet Kell's plan while adding on the pumps, “I have no doubt his heart is in the "
        "right place.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Ann Lorry", "Ann Lorry"]
