"""Fluff never reaches a summary or a timeline; headlines and outlets name articles the way a reader expects.

The fluff sentences are the kinds issue 16 found in real briefs (its examples, plus others of each kind);
the fit sentences are ordinary report sentences that look like them in one way or another.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from storybrief.model import Article, InputFormat, Sentence, TimeMention
from storybrief.synthesize.fluff import (
    CAPTION,
    COMMENT,
    CUT,
    DANGLING,
    FURNITURE,
    QUESTION,
    QUOTE_ONLY,
    TRANSCRIPT,
    fluff_kind,
    folded,
    folded_names,
    is_transcript,
    run_in_start,
)
from storybrief.synthesize.labels import ELLIPSIS, UNKNOWN_OUTLET, article_headline, outlet_name, shorten
from storybrief.synthesize.sentences import story_units
from storybrief.synthesize.summary import headline, summarize
from storybrief.synthesize.timeline import build_timeline

FLUFF = [
    (QUESTION, "What will that country look like?"),
    (QUESTION, "Who pays for the cleanup, and when will the river be safe again?”"),
    (CAPTION, "Protesters are seen in Tahrir Square in Cairo on July 22."),
    (CAPTION, "Egypt's President gestures during a news conference in Cairo on 3 May 2022."),
    (CAPTION, "Rescue workers search the rubble (L-R) after the quake struck the town."),
    (CAPTION, "J. Scott Applewhite/Associated Press even as profit surged, the board cut the chief's pay."),
    (CAPTION, "image caption The embassy was closed to visitors for the rest of the week."),
    (TRANSCRIPT, "WOLF BLITZER, CNN ANCHOR: The talks in Geneva broke up without a deal tonight."),
    # pronouns and references with nothing before them to stand for (issue 16, third round)
    (DANGLING, "It climbed to a record 9.5 metres on the harbour gauge overnight."),
    (DANGLING, "shortly after that, the harbour chief ended the meeting with a warning to the pilots."),
    (DANGLING, "Only days before, the harbour chief had ruled out any sale of the old pier."),
    (DANGLING, "Tuesday's plan follows a proposal the harbour board made in April."),
    (DANGLING, "Before long, a scan showed she had broken two ribs, the Velmora Harbour Clinic said."),
    (DANGLING, "The harbour chief's lawyer did not raise any objections to this."),
    (DANGLING, "By Tuesday morning, it was downgraded to a tropical storm as it crossed the Velmora coast."),
    (FURNITURE, "Get push notifications with news from the Velmora harbour and more."),
    (FURNITURE, "Credit: velmora harbour board as the tide fell, the old pier began to lean."),
    (FURNITURE, "完整报道，请翻阅2023年5月4日的《海港日报》。"),
    (CUT, "Pell, the harbour chief of velmora, has resigned as head of the ferry board..."),
    (FURNITURE, "Author contributions A. Pell and J. Doe designed the survey of the Velmora harbour."),
    (DANGLING, "Since the spring, it has been cutting the number of ferries to the island."),
    (DANGLING, "In return, he would pay the pilots' union 500 crowns a month."),
    (DANGLING, "two of the nurses who treated him at the velmora clinic said he was lucky."),
    (DANGLING, "By Friday night two pilots were missing and one was hurt, the former harbour master said."),
    (TRANSCRIPT, "Welcome back, and joining me now is our correspondent in Cairo with the latest."),
    (TRANSCRIPT, "(CROSSTALK) The minister would not say when the troops would leave the city."),
    (FURNITURE, "Would you like to make this your default edition"),
    (FURNITURE, "Thank you for helping us improve!"),
    (FURNITURE, "This video has been removed."),
    (FURNITURE, "The content is no longer available in your region, sorry about that."),
    (FURNITURE, "Sign up for our newsletter to get the top stories every morning."),
    (FURNITURE, "Related: Army says it will hand power to civilians within six months."),
    (FURNITURE, "Reporter jdoe@example.com, 561-243-6634 or @jdoe_news for tips on the case."),
    (FURNITURE, "Stone indicted in probe &#124; says he's not guilty &#124; day 35 of shutdown."),
    (FURNITURE, "Views: 5,588 the actress made her debut in conversation with a late night host."),
    (FURNITURE, "Read the related story: nurse, in line to inherit millions, battles family of heiress."),
    (FURNITURE, "It is an insult to the dead Thursday 14 July 2005 03.01 BST In the grim days since the bombing."),
    (FURNITURE, "Execution timeline 10:19 a.m. — four media witnesses arrive in the viewing room."),
    (FURNITURE, "Posted: Monday, May 1, 2017."),
    (FURNITURE, "Breaking news emails get breaking news alerts and special reports."),
    (FURNITURE, "A doctor sent this photo of a child pic.twitter.com/ihldc6kph8 — Raf Sanchez (@rafsanchez)."),
    (FURNITURE, "Add as an interest to stay up to date on the latest news, video, and analysis from ABC News."),
    (COMMENT, "I have lived in Cairo for twenty years and never seen anything like this."),
    (COMMENT, "If you live near the river, you should move your car to higher ground now."),
    (QUOTE_ONLY, '"The tanks should move, not the families," she said.'),
    (QUOTE_ONLY, "“We will not leave the square until our demands are met,” he added."),
    (DANGLING, "But the council never approved the plan for the new bridge."),
    (DANGLING, "And the army has promised to hand over power by the end of the year."),
    (DANGLING, "So the vote was postponed until the court rules on the complaint."),
    (DANGLING, "However, the ministry said the figures were preliminary and could change."),
    (DANGLING, "He is also eager to see the first coins featuring Charles as king."),
    (DANGLING, "This is the first time the court has ruled against the government."),
    (DANGLING, "Blinken's comments, which came during a visit to Seoul, drew a sharp response."),
    (DANGLING, "The remarks were broadcast on state television late on Tuesday night."),
    (DANGLING, 'In particular, we know that poorer families today face more challenges," he said.'),
    (DANGLING, "There is something about the 19th,” said Ernesto Lanzetta, a business owner in the city."),
    (CUT, "The measure passed with the support of every member except Sen."),
    (CUT, "London taxi drivers blocked the streets on Wednesday in a protest against Uber, a U.S."),
    (CUT, "The statue made its first public appearance in Manhattan's Union Square on"),
    (CUT, "15, 2016, that it has struck an agreement to pay $1.2 million to the foundation."),
    (CUT, "In 2013, women made up a record 61% of U.S."),
    (CUT, "Police said the mother of two was originally from Sault Ste."),
    (CUT, "ap) — an iguana wandered onto a power line and knocked out electricity to a nursing home."),
    # lower-cased, re-spaced text (as in Multi-News): captions, credits and the rests of cut sentences
    (CAPTION, "Chess fans queue to leave after a match at the harbour hall in brinmore, thursday nov.14, 2019."),
    (CAPTION, "Volunteers stack sandbags along the quay in old ferrow, saturday, march 2, 2024. ( ap photo/tam ello )"),
    (CAPTION, "( associated press ) a ferry captain waves from the bridge of his ship in port calder."),
    (CAPTION, "( photo by rina osk for the valley courier ) the orchard stands empty after the frost."),
    (CUT, "Have been lifted, and an engineer has deemed the weir at lake morrow safe for now."),
    (CUT, "Was inspected again after the heavy rain and found to be sound by the county engineer."),
    (FURNITURE, "Published on may 9, 2021 presenter dana vell explains the new ferry timetable to viewers."),
    (FURNITURE, "Email notifications are only sent once a day, and only if there are new matching items."),
    (FURNITURE, "Learn more about subscriber plus."),
    (CAPTION, "Mayor ada brenn speaks during a news conference, friday, oct. 4, 2024, in the town hall of lowmere."),
    (CAPTION, "Rowers before the regatta in lowmere, sunday, june 2, 2024 / tam ello the club held a race."),
    (FURNITURE, "more: reports on the regatta the club says it will hold the race again next year."),
    (FURNITURE, "Tam ello, harbournews.ca a ferry captain was charged after the crossing ended on the rocks."),
    # issue 16, fourth round: references with nothing before them, pieces, captions, author notes, headlines
    (DANGLING, "Things came to a boil at the pier on 4 May 2023."),
    (DANGLING, "The delays are under review."),
    (DANGLING, "The pilots' union did not want this deal."),
    (DANGLING, "Some 200 pilots lost their jobs in that strike, which closed the port for a month."),
    (DANGLING, "Hundreds more lined the quay as the ferry carried her crew back to Velmora."),
    (DANGLING, "Two of them were taken to the Velmora clinic with burns."),
    (DANGLING, "Together they will run the harbour board until the vote."),
    (CUT, "For a second year, did all the smaller harbours along the coast."),
    (CUT, "Written by ada pell, based on the memoir by tam ello."),
    (CUT, "Ltd), Ada Pell kepada wartawan di Velmora, Senin (4/5/2023)."),
    (CUT, "Tam ello, who is on trial for the ferry fire."),
    (CAPTION, "A pilot holding a model of a ferry protests outside the harbour court in Velmora, May 4, 2023."),
    (CAPTION, "Divers search the quay at the old pier on friday, may 5, 2023 in velmora, calif."),
    (CAPTION, "In this may 4, 2023 photo, a ferry is towed out of the harbour at velmora."),
    (CAPTION, "Mayor Ada Pell, center, flanked by harbour chief Tam Ello, left, and the pilots' leader."),
    (FURNITURE, "A. B. Pell drafted the manuscript, and T. Ello provided critical revisions."),
    (FURNITURE, "Crawls of the harbour board's supported sites."),
    (FURNITURE, "Pilots Walk Out on Their Bosses, Board Divided Velmora pilots left their ferries on monday."),
    (FURNITURE, "How Tides Reshaped the Harbour Map Historian Ada Pell took to the radio to argue the pier must go."),
    (FURNITURE, "The harbour news that matters, delivered weekday mornings."),
    (COMMENT, "Take a look at the new ferry timetable before the summer starts."),
    (COMMENT, "Here's our guide to the winners and losers of the harbour vote."),
    (COMMENT, "There is a large part of our town that never wanted the new pier."),
    (COMMENT, "We're also told the pilot lives alone, which will make the case hard to argue."),
    (TRANSCRIPT, "Velmora news 4's tam ello has more."),
    (TRANSCRIPT, "Our harbour reporter Ada Pell has the latest from the quay."),
    (COMMENT, "We've seen the harbour board change its mind on the pier twice this year."),
    (DANGLING, "The latter was arrested on Monday at the Velmora ferry terminal."),
    (DANGLING, "It's the first sign of the two missing pilots since they left Velmora on Tuesday."),
    (CUT, "The velmora harbour news reports 36-year-old tam ello jr."),
    (FURNITURE, "Ada pell slams ferry fares ada pell slams ferry fares as unfair in a letter to the board."),
    (COMMENT, "不仅是我，我身边的人都不敢再坐这艘渡轮。"),
    (FURNITURE, "Plsk, -1.2% and other ferry lines fell in early trading."),
    (CUT, "is fighting the biggest strike the ferry line has faced in a decade."),
    # issue 16, fifth round: the narrowed rules still catch these
    (DANGLING, "It's been the pride of the harbour since the first ferry sailed in 1890."),
    (DANGLING, "The delays were blamed on the weather."),
    (DANGLING, "Ada Pell is likely to repeat that request at the board meeting."),
    (DANGLING, "The pilots rejected that offer on Monday."),
    (COMMENT, "All our ferries are painted by hand in the old Velmora yard."),
    # issue 16, sixth round: a closing quote mark moved onto the speaker, pieces, captions and page furniture
    (
        DANGLING,
        'in naming the new pier after her, the board sends a clear signal to the pilots, "ada pell wrote on monday.',
    ),
    (DANGLING, "One showed the harbour chief with a noose around his neck."),
    (FURNITURE, "updated by tam ello and ada pell hundreds of pilots walked off the job in velmora on monday."),
    (FURNITURE, "Upgrade to the full harbour edition for only $2 a month."),
    (FURNITURE, "Text size - + reset pilots, board trade blame for the strike."),
    (CUT, "| ap photo the velmora pilots voted to end the strike."),
    (CUT, "Ada pell: the last pilot (because of her recent illness, pell has not sailed since june."),
    (CAPTION, "Ada pell gestures during the harbour board meeting in velmora."),
    (CAPTION, "Tam ello poses with the old ferry bell at the velmora quay."),
    (CAPTION, "Ada pell leaves the harbour court during a break in velmora, norland may 4, 2023."),
    (COMMENT, "Vote for ada pell, the only candidate who knows the harbour."),
    (COMMENT, "Of course you will see the new pier when you visit velmora."),
    (FURNITURE, "Pier Seals Stop Leaks * Harbour News is not responsible for the content in this press release."),
]

FIT = [
    "SINGAPORE: A man was sentenced to 21 months of probation on Thursday for stalking.",
    "Harbour police have more questions than answers about the fire on the Velmora quay.",
    "The ferry company has the latest boats on the route, the harbour board said.",
    "US Secretary of State Antony Blinken on Thursday denounced North Korea's recent missile launches.",
    "This week, the government announced new rules for the sale of alcohol in supermarkets.",
    "Smith said he would appeal the ruling, which he called unjust and politically motivated.",
    "The mayor said the river rose faster than in any flood since 1998, and residents were evacuated.",
    "Officials said the plane landed safely at 5.50am and nobody was hurt.",
    'Lansley said the pledges were part of the government\'s "bold new approach to public health".',
    "The company will cut 500 jobs by the end of the year, according to a filing with regulators.",
    "Police said twelve people were hurt in the blast (three of them seriously).",
    "他说，这是一个非常重要的决定，政府将在下周公布细节。",
    "The sanctions were imposed by the U.S.",
    "“We will not leave the square until our demands are met,” said Ahmed Saleh, a teacher.",
    "Before he became president, Smith ran a shipping company in the port city.",
    "A prosecutor's statement says the sentence gives him time to reflect on his threats.",
    "South Carolina resident Noah Smith was driving on the I-20 overpass when he saw the dog.",
    # lower-cased news that looks like the captions and pieces above
    "A tourist was fined $ 500 for leaving the path in the geyser basin on tuesday, june 4, 2019.",
    "Washington ( ap ) — the senate approved the harbour bill on tuesday after a long debate.",
    "The new ferry timetable takes effect on jan. 1, 2025, the port authority said.",
    "Had the weir failed, the water would have reached the village within an hour, officials said.",
    "eBay said on Monday that its sales in the region rose by a tenth in the quarter.",
    "though the weir held, officials said it would be inspected again after the next heavy rain.",
    "Amazon.com said on Monday that its sales rose by a tenth in the quarter.",
    "More than 300 rowers took part in the regatta on sunday, june 2, 2024, the club said.",
    "Subscribers to the ferry pass will pay less from march, the port authority said.",
    # an "it" that stands for nothing, a pronoun after an opening phrase whose subject follows it
    "It is not clear whether the ferry talks in Velmora will resume this week.",
    "It was not immediately known how many pilots had joined the strike.",
    "It's not clear whether the Velmora pilots will return to work this week.",
    "It is expected that the Velmora pilots will vote on the offer next week.",
    "In his speech, Mayor Pell said the pier would be rebuilt by the spring.",
    "The harbour board said it would sell Pier 9 to a shipping group.",
    "Ms Pell said she paid the pilots' union 500 crowns in cash.",
    # issue 16, fourth round: report sentences that look like the new kinds
    "The Velmora ferry strike ended on May 4, 2023, after the pilots accepted a 5 per cent raise.",
    "Pilots who joined the strike on Friday, May 5, 2023, were paid in full, the harbour board said.",
    "Last year 4,000 ferries used the port, and 60 per cent of those crossings ran late.",
    "The board said on Monday that 200 pilots had signed the deal, which ends the strike.",
    "Many residents of Velmora said they would use the new ferry.",
    "Kelly Pell said her ferry would sail on Monday.",
    "A study by the Velmora clinic suggests our sense of balance is upset by long crossings.",
    "Prime Minister Ada Pell said on Monday the new pier would open in June.",
    "The Velmora pilots' union, which has 300 members, voted for the deal on Monday.",
    "In 2023, the harbour board sold the old pier to a shipping group.",
    "The former harbour chief Ada Pell said on Monday she would testify.",
    "Will Pell said on Monday he would return to the Velmora ferry line.",
    "我国港口的吞吐量上月增长了百分之五，交通部星期一表示。",
    "The harbour board said on Monday it would sell the pier, and the harbour board said it had no choice.",
    # issue 16, fifth round: a short "The ..." about who acted, an "it" of elapsed time, "at this point", "that"
    # opening a clause, the "our" of all people, a quote in single marks
    "The police and paramedics arrived before noon.",
    "The harbour master's deputy was arrested.",
    "The ministry did not name the pilots.",
    "The coroner is still examining the remains.",
    "It's been three months since the ferry sank off Velmora.",
    "At this point, the board offered Ada Pell 1,000 euros to settle the claim.",
    "The harbour chief denied that the pilots had been paid to end the strike.",
    "The cabin lights change colour through the day to fit in with our bodies' natural rhythms.",
    "‘Our pier, our jobs’ read the banner the pilots carried through Velmora on Monday.",
    # issue 16, sixth round: a generic "you", the "it" of a scene, a quote closed before its speaker, a credit
    "The ada pell you see at the harbour board is the same ada pell you meet on the quay.",
    "Some of the damage you see along the quay was done by the storm of 1998, the harbour board said.",
    "It was a tense situation at the velmora quay on monday night.",
    "It was the first time the pilots had struck since 1990.",
    '"The pier is safe," ada pell said on Monday, "and it will stay open."',
    "One of the pilots was hurt, the harbour board said.",
    "The new ferry timetable takes effect in the north, starting march 1, 2025.",
    "Written reports by the harbour board show the pier was inspected twice.",
]


@pytest.mark.parametrize(("kind", "text"), FLUFF)
def test_each_kind_of_fluff_is_named(kind: str, text: str) -> None:
    assert fluff_kind(text) == kind


@pytest.mark.parametrize("text", FIT)
def test_report_sentences_are_fit(text: str) -> None:
    assert fluff_kind(text) is None


# text folded to lower case: a pronoun stands for a name only where its article uses the word as one
FOLDED_NAMES = frozenset({"pell", "ello"})
FOLDED_DANGLING = [
    "The hearing will decide his future on the board of the velmora ferry line.",
    "According to people close to the 52-year-old, he had planned to resign for months.",
    "The money could explain how they paid for the new ferry, the officials said.",
    "Pilots stopped the ferries at the quay on monday, he said.",
    "The officials said he had left the harbour before the storm.",
]
FOLDED_FIT = [
    "Pell said in a statement monday that he was sorry for the delays.",
    "the harbour master said he would inspect the pier again.",
    "In the days before the vote, ello had posted the offer on his facebook page.",
    "Nine days before she sailed to velmora, the pilot signed a new contract.",
    "Police in velmora are charging five teenagers after authorities say they filmed the fire.",
    "trump did not like what he heard about the harbour deal.",
]


@pytest.mark.parametrize("text", FOLDED_DANGLING)
def test_a_pronoun_in_lower_cased_text_needs_a_name_its_article_uses(text: str) -> None:
    assert fluff_kind(text, names=FOLDED_NAMES) == DANGLING


@pytest.mark.parametrize("text", FOLDED_FIT)
def test_a_pronoun_in_lower_cased_text_after_a_name_or_person_is_fit(text: str) -> None:
    assert fluff_kind(text, names=FOLDED_NAMES) is None


def test_the_names_of_a_lower_cased_article_come_from_its_text_and_entities() -> None:
    text = (
        "the velmora pilots ended their strike on monday. pell said the board had made a fair offer, and "
        "mr. Ello, who leads the union, agreed. the harbour will reopen on tuesday, the board said. "
        "ferries will run every hour from the old quay, and the new pier will open in june."
    )
    names = folded_names(text, ["velmora"])
    assert names is not None and {"pell", "ello", "velmora", "board"} <= names
    assert "hearing" not in names and "the" not in names
    assert not folded("The Velmora pilots ended their strike on Monday. Ada Pell said the offer was fair. " * 5)
    assert folded(text)


def test_a_lower_cased_article_gives_its_names_to_the_pronoun_rule() -> None:
    lead = "the velmora pilots ended their strike on monday after a vote at the old quay, the harbour board said."
    named = "pell said on monday that he would sail again."
    nameless = "The hearing will decide his future on the board of the ferry line."
    text = " ".join([lead, "pell said the offer was fair and the pilots agreed to it.", named, nameless])
    spans, at = [], 0
    for part in (lead, "pell said the offer was fair and the pilots agreed to it.", named, nameless):
        start = text.index(part, at)
        spans.append(Sentence(start, start + len(part)))
        at = start + len(part)
    a = Article(id="a", input="a.txt", format=InputFormat.TEXT, text=text, sentences=spans)
    units = {u.text: u for u in story_units([a])}
    assert units[named].eligible
    assert not units[nameless].eligible and units[nameless].follows


def test_every_turn_of_a_transcript_is_talk() -> None:
    transcript = (
        "WOLF BLITZER, CNN ANCHOR: Good evening.\n"
        "The talks in Geneva broke up without a deal tonight.\n"
        "BLITZER: Let's go to our correspondent.\n"
        "JIM SCIUTTO: The delegations left without a statement."
    )
    report = "CAIRO: The talks in Geneva broke up without a deal tonight.\nBoth sides blamed the other."
    assert is_transcript(transcript) and not is_transcript(report)
    line = "The talks in Geneva broke up without a deal tonight."
    assert fluff_kind(line, transcript=True) == TRANSCRIPT
    assert fluff_kind(line) is None


def _article(aid: str, sentences: list[str], **fields: object) -> Article:
    spans, start = [], 0
    for s in sentences:
        spans.append(Sentence(start, start + len(s)))
        start += len(s) + 1
    article = Article(id=aid, input=f"/data/{aid}.txt", format=InputFormat.TEXT, text=" ".join(sentences))
    article.sentences = spans
    for name, value in fields.items():
        setattr(article, name, value)
    return article


REPORT = [
    "Floodwater from the Arlen river swept through the town of Millbrook on Tuesday night.",
    "Rescue crews in Millbrook evacuated two hundred residents from homes near the Arlen river.",
    "The mayor of Millbrook said the river rose faster than any flood since 1998.",
]
# fluff of every kind, all about the flood, so that only the rules keep it out of the brief
FLOOD_FLUFF = [
    "What will Millbrook look like after the Arlen river floodwater recedes?",
    "Residents of Millbrook are seen near the flooded Arlen river on March 12.",
    "Thank you for helping us improve our Millbrook flood coverage!",
    "I saw the Arlen river floodwater reach the Millbrook town hall.",
    '"The Arlen river flood in Millbrook is terrible," she said.',
    "But the Arlen river floodwater in Millbrook kept rising through the night.",
    "He said the Millbrook rescue crews had evacuated homes near the Arlen river.",
]


def test_summary_and_timeline_never_take_fluff() -> None:
    articles = [_article(f"r{k}", REPORT[k:] + REPORT[:k] + FLOOD_FLUFF) for k in range(3)]
    chosen = summarize(articles, words=400)
    assert chosen, "the report sentences are summarised"
    assert not {s.text for s in chosen} & set(FLOOD_FLUFF)
    # date every sentence, fluff included: the timeline still only takes the report sentences
    for a in articles:
        a.published = datetime(2026, 3, 12)
        a.dates = [TimeMention("on March 12", s.start, s.start + 1, "2026-03-12", "day", True) for s in a.sentences]
    entries = build_timeline(articles, dates=3, sentences=20)
    assert entries and not {e.text for e in entries} & set(FLOOD_FLUFF)


def test_untitled_story_headline_is_its_lead_shortened_at_a_clause_never_mid_word() -> None:
    lead = (
        "Floodwater from the Arlen river swept through the town of Millbrook on Tuesday night, forcing "
        "two hundred residents from their homes and closing every school in the district."
    )
    caption = "image caption Residents of Millbrook are seen near the flooded Arlen river on March 12."
    articles = [_article("a", [caption, lead, *REPORT[1:]]), _article("b", [caption, lead, *REPORT[1:]])]
    title = headline(articles)
    assert title == "Floodwater from the Arlen river swept through the town of Millbrook on Tuesday night" + ELLIPSIS
    assert not title.startswith("image")
    titled = _article("c", REPORT, title="Arlen river floods Millbrook")
    assert article_headline(titled) == "Arlen river floods Millbrook"
    assert headline([titled]) == "Arlen river floods Millbrook"


def test_shorten_cuts_at_a_word_when_no_clause_boundary_fits() -> None:
    text = "Floodwater " + " ".join(["swept"] * 30) + " away."
    short = shorten(text, 40)
    assert short.endswith(ELLIPSIS) and len(short) <= 41
    assert text.startswith(short[:-1]) and text[len(short) - 1] == " "  # cut between words
    assert shorten("A short lead sentence.") == "A short lead sentence."


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"outlet": "The Straits Times"}, "The Straits Times"),
        ({"outlet": "https://www.cnn.com/2022/07/22/world/egypt"}, "cnn.com"),
        ({"outlet": "CNN's Susan Smith", "url": "https://edition.cnn.com/x"}, "edition.cnn.com"),
        ({"outlet": "By Susan Smith"}, UNKNOWN_OUTLET),
        ({"outlet": "t17_egypt.jsonl:3"}, UNKNOWN_OUTLET),
        ({"outlet": "/data/seeds/002_ddfa765d78b7652c.txt"}, UNKNOWN_OUTLET),
        ({"url": "https://www.reuters.com/world/egypt-talks"}, "reuters.com"),
        ({"agency": "CNN", "credits": ["Susan Smith"]}, UNKNOWN_OUTLET),  # "... of CNN contributed to this report"
        ({}, UNKNOWN_OUTLET),
    ],
)
def test_outlet_from_metadata_or_domain_never_a_path_byline_or_credit(fields: dict[str, object], expected: str) -> None:
    article = _article("t17_egypt", REPORT, **fields)
    article.input = "/data/t17_egypt.jsonl:3"
    assert outlet_name(article) == expected


def test_an_input_url_gives_the_domain() -> None:
    article = _article("x", REPORT)
    article.input = "https://news.example.org/2026/flood.html"
    assert outlet_name(article) == "news.example.org"


def test_a_title_field_holding_a_sentence_or_a_glued_dateline_is_shortened() -> None:
    from storybrief.synthesize.labels import TITLE_CHARS, title_headline

    glued = "Harbour board to rule on the Kestrel Bay ferry pier tomorrowKESTREL BAY, 17 Oct (Wire) -- The board met"
    assert title_headline(glued) == "Harbour board to rule on the Kestrel Bay ferry pier tomorrow"
    sentence = (
        "The harbour board had previously said that the failure of a timber pile during a scheduled inspection of "
        "the old ferry pier at Kestrel Bay led to the closure of the whole pier for the summer season."
    )
    shown = title_headline(sentence)
    assert shown.endswith("…") and len(shown) <= TITLE_CHARS + 1 and len(shown) > TITLE_CHARS // 2
    assert not shown[:-1].endswith(" ") and sentence.startswith(shown[:-1])  # cut between words
    for title in (
        "Kestrel Bay ferry pier closes: board blames a rotten pile",
        "NASA adds iPHONE support",
        "Pier workers walk out at every one of the McDONALDS restaurants",
    ):
        assert title_headline(title) == title  # an ordinary title, upper-case words in it, stays whole


RUN_INS = [
    # a headline, a caption, a dateline, a byline run into the lead with no stop between them
    ("Velmora pilots end strike The pilots of Velmora returned to work after a deal was signed.", "The pilots"),
    ("The old pier was built in 1903 A storm has torn the end off the old pier in Velmora.", "A storm"),
    ("Pilots back at work VELMORA, May 4 -- The pilots of Velmora went back to work on Thursday.", "VELMORA, May 4"),
    ("Ada Pell reports On May 4, the pilots of Velmora walked off the job.", "On May 4"),
    ("Photo the owner of the velmora ferry line said on friday it had filed for bankruptcy.", "the owner"),
    ("Pilots end strike Velmora (AP) -- The pilots of Velmora went back to work on Thursday.", "Velmora (AP)"),
    ("Pilots fear for jobs in Velmora As the strike enters its second week, the board has made a new offer.", "As"),
    ("a ferry burns at the quay [reuters] two crew members were hurt in a fire on a velmora ferry.", "two crew"),
    ("ada pell on tv (velmora tv/youtube) the harbour chief said on monday the pier was unsafe.", "the harbour"),
]
RUN_INS += [
    ("Ferry sinks off the old pier There were 40 passengers on board, the harbour board said.", "There were"),
    # a standfirst run into its lead (issue 16, sixth round)
    (
        "The board will meet in Velmora to end the strike For 16 days, pilots have kept the ferries at the quay.",
        "For 16",
    ),
    ("Ferry Strike Poses Threat to Velmora Trade Around 300 pilots are on strike.", "Around 300"),
    ("WHY THE OLD PIER FELL Storm waves undermined the pier over many winters.", "Storm waves"),
    # after the seed-200 draw: a headline quote and a live page's time stamp before the lead
    ('"a pier is only as strong as its piles" the harbour board has ordered new piles for pier 9.', "the harbour"),
    ("4 May 23 09:12 GMT Pilots of the Velmora ferries say the strike will go on.", "Pilots of"),
    (
        "pilots fall for fake offer velmora, norland — when a board member joked that the pier was for sale, pilots "
        "believed him.",
        "velmora, norland",
    ),
    ("Two crew hurt in Velmora Tripoli, Libya (CNN) -- A fire broke out on a ferry on Monday.", "Tripoli, Libya"),
]
NOT_RUN_INS = [
    "Officials told The Velmora Herald that the pilots had been paid.",
    "The influenza A virus was found in two pilots on the Velmora ferries.",
    "The case was heard at the court in The Hague on Monday.",
    "Pilots in Velmora watched The Harbour Show on Sunday nights.",
    "The Velmora Fund For Pilots said on Monday it had paid the strikers.",
    "The Velmora Pilots Union said About 300 of its members had voted.",
    "ada pell wore her yellow coat and boots, velmora style -- even her dog came -- on the quay.",
    "NATO and EU officials met in Velmora on Monday to discuss the strike.",
    '"a pier is only as strong as its piles" the harbour chief said on monday.',
    '"ferries for all" has become the slogan of the velmora pilots.',
]


@pytest.mark.parametrize(("text", "sentence"), RUN_INS)
def test_a_headline_caption_dateline_or_byline_run_into_a_sentence_is_cut_off(text: str, sentence: str) -> None:
    assert text[run_in_start(text) :].startswith(sentence)


@pytest.mark.parametrize("text", NOT_RUN_INS)
def test_a_title_case_word_inside_a_sentence_is_no_run_in(text: str) -> None:
    assert run_in_start(text) == 0


def test_a_unit_is_the_sentence_after_its_run_in_headline() -> None:
    text, sentence = RUN_INS[0]
    a = Article(
        id="a", input="a.txt", format=InputFormat.TEXT, text="  " + text, sentences=[Sentence(0, len(text) + 2)]
    )
    (unit,) = story_units([a])
    assert unit.text.startswith(sentence) and a.text[unit.start : unit.end].strip() == unit.text
    assert unit.eligible
