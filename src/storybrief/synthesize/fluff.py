"""Sentences a brief never quotes: they are not news a reader can use once lifted out of their page.

A summary or timeline shows each sentence alone, away from the paragraph it came from, so a sentence is
only fit when it says something on its own. Each detector below describes a kind of text, not an example:

* **question**: a sentence that asks (its last character outside closing quotes and brackets is ``?``);
  a brief states what happened;
* **caption**: the words of a photo caption: camera vocabulary ("pictured", "file photo", "Photo:",
  "(L-R)"), a wire photo's credit ("ap photo/jane doe", "( associated press )"), a present-tense scene
  ("is seen", "gestures", "looks on") closed by a calendar date, or a scene closed by a weekday and a full
  date ("..., tuesday, dec. 11, 2018."), the caption style of the wires, with no verb of a report in it;
* **transcript**: a speaker tag at the start (an upper-case name, maybe ", TITLE", then a colon),
  a stage direction in brackets ("(CROSSTALK)", "(BEGIN VIDEO CLIP)"), presenter talk addressed to the
  audience; in an article that is a broadcast transcript (two or more speaker tags) every sentence is a
  turn of talk;
* **furniture**: the page speaking about itself or its interface ("this video has been removed", "sign
  up", "your browser", "default edition") or to the reader ("Thank you for ..."), exclamations outside
  quotes, markup left in the text (character references, link lists run together with " | "), contact
  details (e-mail addresses, handles, phone numbers), counters ("Views: 5,588"), labels ("Related:",
  "UPDATE:"), bylines and time stamps opening a sentence;
* **comment**: first person singular or second person outside quotation marks: a reader's, a
  presenter's or a columnist's own voice, not a report;
* **quote only**: a quote whose speaker the sentence does not name ('"...," she said.'), nothing
  reported besides: who said it is in the sentence before; the story's quotes are in the key quotes;
* **cut off**: a piece of a sentence: no final stop (the page lost its end), the sentence splitter cut
  it at an abbreviation ("... said Sen.", "... against Uber, a U.S.") or inside a date ("15, 2016, ..."),
  it ends with an ellipsis (a teaser the page cut short),
  or it is the rest of a sentence: it opens with an auxiliary and a participle ("Have been lifted ...");
* **dangling**: a sentence that needs the one before: it opens with a linking word ("But", "And", "So",
  "However") or a pronoun or demonstrative ("He", "This is", but not "This week"), its speaker is only a
  pronoun ('"...," she said.'), a third-person pronoun comes before any word it could refer to (not in an
  opening clause whose subject follows: "Before he was president, Smith ..."), it opens with a reference
  back to something said ("The remarks", "Blinken's comments"), or it begins inside a quote opened in the
  sentence before.

Such sentences are never rewritten. Every kind is kept out of timelines, whose entries stand alone; a
summary may take a dangling sentence only right after the sentence before it in the same article, where
that sentence gives it its meaning (see ``synthesize.summary``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

QUESTION = "question"
CAPTION = "caption"
TRANSCRIPT = "transcript"
FURNITURE = "furniture"
COMMENT = "comment"
QUOTE_ONLY = "quote only"
DANGLING = "dangling"
CUT = "cut off"

TRANSCRIPT_TAGS = 2  # speaker tags that make an article a broadcast transcript
QUOTE_SHARE = 0.6  # of a sentence's words inside quotation marks, from which ...
QUOTE_OUTSIDE_WORDS = 7  # ... a sentence with at most this many words outside them is a quote only
ATTRIBUTION_WORDS = 5  # words outside the quotes of a sentence that is a quote and who said it

_CLOSERS = "\"'”’»)]} "
_QUOTE_MARKS = {'"': '"', "“": "”", "«": "»", "„": "“"}

_LINK_WORDS = frozenset(
    "but and so yet or nor however also moreover furthermore still instead thus therefore hence nevertheless "
    "nonetheless besides plus otherwise likewise similarly additionally consequently accordingly then indeed "
    "alternatively conversely".split()
)
# openings of several words that link to the sentence before
_LINK_PHRASE_RE = re.compile(
    r"(?i)^(?:as a result|on the (?:one|other) hand|in turn|even so|that said|in particular|as such|by contrast|"
    r"in contrast|at the same time|in addition|to that end|for (?:that|this) reason|because of (?:this|that)|"
    r"despite (?:this|that)|(?:(?:shortly|soon|just|right|immediately|long) )?(?:after|before) (?:this|that)|"
    r"(?:only |just )?(?:(?:a|one|two|three|four|five|six|several|a few|\w+) )?(?:days?|weeks?|months?|hours?) "
    r"(?:before|earlier|later|after)(?=\s*,))\b"
)
_PRONOUNS = frozenset("he she they him her his their them its we our".split())
_FIRST_PERSON = frozenset("i we our my us i'm we're we've i've".split())
_QUOTE_OPENERS = "\"“‘'«„"
_SUBORDINATE_RE = re.compile(
    r"(?i)^\W*(?:after|before|as|when|while|although|though|since|because|if|once|until|whenever)\b"
)
_DEMONSTRATIVES = frozenset("this that these those such".split())
_TIME_NOUNS = frozenset(
    "morning afternoon evening night week weekend month year season spring summer autumn fall winter decade "
    "century monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december past coming".split()
)
# words that cannot be what a later "he" or "they" refers to
_NOT_ANTECEDENT = (
    frozenset(
        "a an the in on at of to for with by from as after before during while when since until later earlier "
        "then also but and or so yet last next this that these those its it is was were be been has had have "
        "not no yesterday today tonight tomorrow ago once again however meanwhile still now just even only "
        "about over under into out up down there here late early said says told".split()
    )
    | _TIME_NOUNS
)
_THIRD_PERSON = frozenset("he she they him her his their them".split())
# capitalised only because they open the sentence: adverbs and words that count, never a name ("Many more
# lined the route as the hearse took her coffin", "Together they will ...")
_OPENING_NOT_NAME = frozenset(
    "together many more most some several few all both each every another other others any none much "
    "instead meanwhile eventually finally initially first firstly second secondly third lastly overall "
    "already soon later recently currently previously separately similarly again here there thousands "
    "hundreds dozens millions tens scores crowds people roughly nearly approximately only merely just "
    "subsequently eventually ultimately apparently reportedly afterward afterwards then now today yesterday "
    "tonight typically usually often sometimes once".split()
)
_SPEECH = (
    r"(?:said|says|say|told|tells|added|adds|asked|asks|wrote|writes|explained|noted|stated|continued|"
    r"insisted|argued|warned|replied|recalled|tweeted|posted|declared|conceded|acknowledged)"
)
_SPEECH_WORDS = frozenset(re.findall(r"[a-z]+", _SPEECH))
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_CAPTION_WORDS_RE = re.compile(
    r"(?i)\b(?:pictured|file (?:photo|picture|image)|(?:photo|image|picture|caption)\s*(?::|credit\b)|"
    r"(?:photo|photograph|picture|image)s? (?:by|courtesy|via)\b|image caption|media caption|image copyright|"
    r"getty images|in this (?:[\w.,]+ ){0,4}?(?:file )?(?:photo|picture|image|handout)|"
    r"(?:left|right) to (?:right|left)\b)|"
    r"\((?:l-r|r-l|from left|centre|center|left|right)\)|(?<=[a-z] )source: (?=[a-z])|"
    r"\bthis (?:is|was) (?:a|an|the)? ?(?:[\w-]+ ){0,2}(?:photo|photograph|picture|image)\b|"
    # a position mark after a name: "Then-President Bush, center, flanked by ...", "Jane Doe, second left, and ..."
    r"(?i:\w, (?:left|right|center|centre|far (?:left|right)|second (?:from )?(?:left|right)|top|bottom)"
    r"(?:, | and\b))"
)
# a scene in the present tense ending with its date: "X is seen in Y on July 22", "X gestures ... on 3 May 2022"
_CAPTION_SCENE_RE = re.compile(
    r"\b(?:is|are) (?:seen|shown|pictured|photographed)\b|\b(?:gestures|looks on|poses|waves|smiles|"
    r"reacts|speaks|arrives|attends|walks|stands|sits|holds|delivers|addresses|leaves|listens)\b"
)
_CAPTION_DATE_END_RE = re.compile(
    r"\b(?:on|in) (?:" + _MONTH + r" \d{1,2}|\d{1,2} " + _MONTH + r")(?:,? \d{4})?(?:\s*\([^)]*\))?\W*$"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# the close of a wire photo's caption: the weekday and the full date, maybe the credit after it ("... in
# strasbourg, eastern france, tuesday dec.11, 2018.", "..., Monday, Feb. 5, 2018. (AP Photo/Jane Doe)")
_CAPTION_FULL_DATE_END_RE = re.compile(
    r"(?i)\b" + _WEEKDAY + r",?\s+" + _MONTH + r"\s?\d{1,2},?\s+\d{4}\s*\.?\s*(?:\([^)]*\)\s*\.?)?\W*$"
)
# a weekday and a full date inside a scene ("X speaks during a news conference, thursday, feb. 16, 2017, in ...")
# or before a credit ("..., tuesday, nov. 22, 2011 / jane doe")
_WEEKDAY_FULL_DATE_RE = re.compile(r"(?i)\b" + _WEEKDAY + r",?\s+" + _MONTH + r"\s?\d{1,2},?\s+\d{4}\b")
_DATE_CREDIT_RE = re.compile(r"(?i)\b" + _WEEKDAY + r",?\s+" + _MONTH + r"\s?\d{1,2},?\s+\d{4}\s+/\s+\w")
# a scene closed by its place and full date after a comma, the wire caption's style with any verb: "A man
# wearing a mask demonstrates in front of the court in The Hague, June 7, 2011."
_CAPTION_PLACE_DATE_END_RE = re.compile(
    r"(?i),\s+(?:(?![a-z]+ing\b|(?:effective|from|until|through|by|before|after|since|on|in)\b)[a-z]+\s+)?(?:"
    + _WEEKDAY
    + r",?\s+)?(?:"
    + _MONTH
    + r"\s?\d{1,2},?\s+\d{4}|\d{1,2}\s+"
    + _MONTH
    + r",?\s+\d{4})"
    r"\s*\.?\s*(?:\([^)]*\)\s*\.?)?\W*$"
)
# verbs a caption is written with and a report hardly ever: a scene in the present ("X gestures during Y")
_STRONG_SCENE_RE = re.compile(
    r"(?i)^[^,;]{3,60}?\b(?:gestures|looks on|poses (?:for|with)|waves to|smiles as|reacts to|reacts as)\b"
)
# no scene: a verb in the past, perfect or future, a modal ("was fined", "had left", "will meet", "rejected")
_NOT_SCENE_RE = re.compile(
    r"(?i)\b(?:was|were|had|has|have|did|will|would|could|should|can|may(?!\s?\d)|might|must|said|says|told)\b|"
    r"(?<!\bis )(?<!\bare )\b(?!(?:united|hundred|need|speed|feed|seed|bleed|breed|naked|sacred|wicked|"
    r"beloved|aged|armed|masked|red|bed|shed)\b)[a-z]{3,}ed\b"
)
# a report, not a scene: a verb in the past or perfect ("was fined", "had left", "said")
_REPORTED_RE = re.compile(r"(?i)\b(?:was|were|had|has been|have been|said|told|announced|reported)\b")
# a credit of a wire photo in running text: "ap photo/name", "( associated press )" (not the dateline "( ap ) —")
_CREDIT_RE = re.compile(
    r"(?i)\b(?:ap|afp|reuters|epa|getty|pool|xinhua|ansa|efe)\s?(?:photo|images?|pool)\s?/|"
    r"\(\s*(?:photo|image|picture)\s+(?:by|credit|courtesy)\b|"
    r"\(\s*(?:the )?associated press\s*\)(?!\s*[—–-])"
)
_SPEAKER_TAG_RE = re.compile(r"^(?:[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:, [^:\n]{2,80})?: ")
_TITLED_TAG_RE = re.compile(r"^[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}, [A-Z][A-Za-z'’.\- ]{1,80}: ")
_QA_TAG_RE = re.compile(r"^(?:Q|A|QUESTION|ANSWER|HOST|ANCHOR|REPORTER|UNIDENTIFIED [A-Z ]+)\s*[:.] ")
_STAGE_RE = re.compile(
    r"\((?:CROSSTALK|LAUGHTER|LAUGHS|APPLAUSE|INAUDIBLE|UNINTELLIGIBLE|OFF-MIKE|OFF MIKE|COMMERCIAL BREAK|"
    r"BEGIN [A-Z ]+|END [A-Z ]+|VOICE-OVER|SOUNDBITE|ON CAMERA)\)",
    re.I,
)
_PRESENTER_RE = re.compile(
    r"(?i)\b(?:welcome back|welcome to (?:the|our) (?:show|program|programme|broadcast)|"
    r"(?:joining|with) (?:me|us) (?:now|live|here)|stay with us|(?:we'll|we will) be right back|back to you|"
    r"thanks? (?:you )?(?:for|so much for) (?:joining|watching|being with|having me)|let's (?:bring in|go to)|"
    r"coming up (?:next|after)|after the break)\b|"
    # a hand-over to a correspondent, the whole sentence: "Nbc10's keith jones has more.", "Our reporter has the story."
    r"^\W*(?:[\w'’.-]+ ){1,5}(?:has|have) (?:more|the (?:latest|story|details))(?: (?:on|from) [^.]{1,60})?\W*$"
)
_FURNITURE_RE = re.compile(
    r"(?i)\b(?:(?:this|the) (?:video|audio|clip|content|page|article|story|gallery|file|media|feature|"
    r"stream|post|comment) (?:is|has been|was|cannot|can't|could not|isn't|is not|will) (?:be )?(?:no longer "
    r"|not |currently |temporarily )?(?:available|unavailable|removed|deleted|loading|supported|"
    r"playable|played|displayed|shown|blocked|rented)|rating is (?:not )?available|"
    r"click(?:ing)? (?:here|on|to)|tap (?:here|to)|"
    r"sign (?:up|in) (?:for|to|here|now)|log in to|subscribe (?:to|now|for|here)|(?:our|the|a free) newsletter|"
    r"your (?:browser|inbox|device|feedback|subscription|account|default edition|email address)|"
    r"default edition|(?:enable|enabled) javascript|(?:accept|use) cookies|download (?:the|our) app|"
    r"follow us on|share (?:this|on) (?:article|story|page|facebook|twitter)|read (?:more|the full story)\b|"
    r"all rights reserved|breaking news (?:emails?|alerts?)|story highlights|correction appended|"
    r"(?:get|stay up to date on) the latest (?:news|from)|"
    r"related (?:stories|articles|coverage|content|links)|\bterms of (?:use|service)|"
    r"privacy policy|e-?mail (?:notifications|alerts) (?:are|on|for)|your notification|new matching items|"
    r"subscriber (?:plus|exclusives?|benefits|only)|learn more about (?:our |the )?(?:subscri|membership|app\b)|"
    r"(?:get|receive|turn on) (?:push )?(?:notifications|alerts)|push notifications|"
    r"author contributions|competing interests|conflicts? of interest|data availability|完整报道|请翻阅|"
    # a web archive's notes on its collections: "Crawls of supported sites", "this collection", "enwiki"
    r"(?:web ?)?crawls? (?:of|data)\b|(?:focused|web|wide|broad) crawls?\b|webcrawl|this collection\b|\benwiki\b|"
    r"\bwikis\b|duplicate detection|wayback machine|no more 404|"
    # a scientific paper's notes on who did what
    r"(?:drafted|wrote|revised|edited|reviewed) the (?:manuscript|first draft)|"
    r"provided (?:critical|substantive|substantial|editorial|helpful) (?:revisions|feedback|comments)|"
    r"approved the final (?:version|manuscript)|conceived (?:and designed )?the (?:study|experiments?|project)|"
    r"all authors (?:read|approved|contributed|reviewed|discussed)|"
    r"delivered (?:weekday|every|daily|each|to your)|^\W*(?:add (?:as an )?interest|go back)\b|"
    r"\btext size\b|^\W*upgrade (?:to|now|for)\b|"
    r"^\W*(?:caption|upload|submit|browse|explore|view|share) "
    r"(?:photos?|videos?|your|our|the latest|more)\b|"
    r"(?:is|are) not responsible for the content|"
    r"thank you for (?:reading|helping|your|"
    r"visiting|subscribing|signing)|advertisement|sponsored content|report (?:this )?(?:comment|abuse))"
)
_FIRST_SECOND_RE = re.compile(
    r"(?i)(?<![\w'’])(?:I|I'm|I've|I'd|I'll|me|my|mine|myself|you|your|yours|yourself|you're|you've|you'll)(?![\w'’-])"
)
# the "you" of anyone, not of a reader addressed: a relative clause after a noun with a verb of seeing or knowing
# ("the john wayne you see on the screen", "the city you know"), "than you (might) think", "as you would expect"
_GENERIC_YOU_RE = re.compile(
    r"(?i)\b(?:the|a|an|this|these|those|every|any|some|what|whatever|everything|anything|something|all)\s+"
    r"(?:[\w'’-]+\s+){0,3}?you (?=(?:(?:might|would|could|may|can|will|ever|often|usually|normally) )?"
    r"(?:see|saw|hear|heard|know|knew|find|found|get|meet|read|watch|imagine|remember|recall)\b)"
    r"|(?<=\bthan )you(?= (?:(?:might|would|could|may) )?(?:think|expect|imagine|realize|realise)\b)"
    r"|(?<=\bas )you(?= (?:(?:might|would|could|may) )?(?:expect|imagine|guess)\b)"
)
_REFERENCE_RE = re.compile(
    r"(?i)^(?:The|These|Those|Such|His|Her|Their|Its|(?!(?:a|an|one)\s)[A-Z][\w.\-]*(?: [A-Z][\w.\-]*)?['’]s?) "
    r"(?:comments?|remarks?|statements?|words|claims?|allegations?|accusations?|warnings?|criticism|"
    r"announcement|response|reaction|tweets?|posts|testimony|admission|revelations?|latter(?=,|\s+[a-z])|pair|move|"
    r"incident|episode|findings|development)\b|"
    # a weekday's thing told before: "Tuesday's plan follows ...", "Friday's decision"
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)['’]s (?:plan|decision|deal|move|vote|"
    r"announcement|attack|meeting|talks|ruling|report|statement|agreement|proposal)\b"
)
_SPEECH_RE = re.compile(r"(?i)\b" + _SPEECH + r"\b")
# the writer speaking to the reader: an imperative or a teaser ("Take a leaf from ...", "Here's our take ...",
# "Imagine a city without cars.", "Meet the ...")
_READER_RE = re.compile(
    r"(?i)^\W*(?:here(?:['’]s| is| are)\b|take a (?:look|leaf|peek|tour)\b|imagine\b|consider\b(?! \w+ed\b)|"
    r"meet\b(?= the\b)|remember\b|vote (?:for|against)\b|watch (?:the|this|our|as|how)\b|"
    r"join (?:us|the conversation)\b|learn (?:how|more|why)\b|see (?:how|why|what)\b|"
    r"don['’]t\b|do not\b|let['’]s\b|check out\b|find out\b|say (?:if|what)\b|"
    r"(?:this|that) is (?:why|how|what)\b|.*\bthank (?:god|goodness|heavens)\b)"
)
# "我" (I) outside quotation marks, not "我国" (our country) and the like, which reports use
_CJK_FIRST_PERSON_RE = re.compile(r"我(?![国方军省市区县党校院部局台司行])")
# a stock widget's ticker run into the text: "Amzn, -1.29% and other online retailers."
_TICKER_RE = re.compile(r"(?i)\b[a-z]{2,5}, [+\-−]\d+(?:\.\d+)?%")
_OUR_RE = re.compile(r"(?i)(?<![\w'’])(?:our|we(?:['’](?:re|ve|ll|d))?)(?![\w'’])")  # "we're also told"
_WE_TOLD_RE = re.compile(r"(?i)\bwe(?:['’]re| are| were| have been|['’]ve been)(?: also| now)? told\b")
# a study's finding about all of us ("a study suggests our ability to ..."): "our" is people, not the writer
_FINDING_RE = re.compile(
    r"(?i)\b(?:suggests?|shows?|found|finds|according|study|research|survey)\b|"
    # the "our" of all people, not of the writer: "our bodies' natural rhythms", "our immune system"
    r"\bour (?:bod(?:y|ies)|brains?|cells|genes|dna|immune|species|ancestors|skin|blood|eyes|ears)\b"
)
_IT_SAID_RE = re.compile(r"(?i)^it\s+" + _SPEECH + r"\b")
# nouns a sentence can open with before a "he" or "she" that still points back ("In a statement, he said")
_NOT_PERSON = frozenset("statement interview speech letter address remarks conference call post message email".split())
# a title that always comes before a name: a sentence ending with one was cut there by the splitter
_TITLE_END_RE = re.compile(
    r"(?i)(?<![\w.])(?:sen|gov|rep|lt|gen|col|maj|sgt|capt|cmdr|adm|dr|mr|mrs|ms|prof|rev|hon|pres|supt|insp|det|no|jr|sr|"
    r"nos|vol|ch|fig|ste)\.$|"
    r"\b(?:a|an|of|at)\s+(?:[A-Za-z]\.){2,}$"  # "a U.S.", "of U.S." are followed by a noun
)
_INITIALS_END_RE = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}$")  # "the U.S." as a whole short sentence
# a page's time stamp inside running text ("Thursday 14 July 2005 03.01 BST"), a live blog's entry ("10:19 a.m. —")
_STAMP_RE = re.compile(
    r"(?i)\b\d{1,2} "
    + _MONTH
    + r" \d{4},? \d{1,2}[.:]\s?\d{2}\b|\b"
    + _MONTH
    + r" \d{1,2}, \d{4},? \d{1,2}[.:]\s?\d{2}\b|"
    r"\b\d{1,2}:\s?\d{2}\s?(?:a\.m\.|p\.m\.|am|pm)?\s[—–]\s"
)
_COUNTER_RE = re.compile(r"(?i)\b(?:views|comments|shares|likes|reads|plays)\s*[:：]\s*\d[\d,.]*\b")
_MARKUP_RE = re.compile(r"&(?:#\d{2,5}|#x[0-9a-fA-F]{2,4}|[a-z]{2,6});|(?:\s\|\s[^|]*){2,}")
SHORT_SENTENCE = 6  # words; a shorter sentence ending with initials was cut after them
# the attribution closing a quote names its speaker only by a pronoun: '"...," she said.'
_PRONOUN_ATTRIBUTION_RE = re.compile(
    r"(?i)(?:\b(?:he|she|they)\s+(?:also\s+|later\s+)?" + _SPEECH + r"|\b" + _SPEECH + r"\s+(?:he|she|they))\b[^\w]*$"
)
# a sentence that starts with the day of a date cut after its month ("Sept. | 15, 2016, ...") or with markup
_CUT_START_RE = re.compile(
    r"(?i)^(?:\|\s|\w{1,12}\)\s*[—–-]|\d{2,5};|\d{1,2},\s|\d{1,2}\]|\]|\[\d+\]\s|\d{1,2}:\s?\d{2}\b|(?:said|says|told)\b|"
    r"[\"“”'‘’]*[.,;:](?!\d))"
)
# an auxiliary and a participle with no subject: the rest of a sentence ("Have been lifted", not "Had the weir")
_AUXILIARY_START_RE = re.compile(
    r"(?i)^(?:(?:have|has|had|is|are|was|were)\s+(?:not\s+)?(?:been|being|\w+ed|\w+en)|"
    r"(?:is|are|was|were)\s+(?:not\s+)?\w+ing|been|being|"
    # an auxiliary, then a verb or an adverb: no subject, and no question ("Is set to introduce", "will unveil")
    r"(?:is|are|was|were|will|would|has|have|had|can|could|should|must)\s+(?!(?:the|a|an|he|she|it|they|we|i|you|"
    r"this|that|these|those|there|his|her|its|their|our|my|your|one|some|all|any|no|every|each|not)\b)(?-i:[a-z])[a-z]*)\b"
)
# an opening phrase, its comma, then an auxiliary: the subject is missing ("For the first time, did all ...")
_NO_SUBJECT_RE = re.compile(
    r"(?i)^\W*(?:in|on|at|for|after|before|during|since|until|by|with|from|over|under|then|now|later|today|"
    r"yesterday|also|still)\b[^,.;:]{0,50},\s+(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\s"
)
# a credit line: a participle and its agent, no verb besides ("Written by jane doe, based on the novel by ...")
_CREDIT_PIECE_RE = re.compile(
    r"(?i)^\W*(?:written|directed|produced|edited|compiled|adapted|photographed|illustrated|translated|narrated|"
    r"created|composed|designed|hosted|presented)(?: and \w+)? by\b(?![^.;]*\b(?:is|are|was|were|has|have|had|"
    r"will|would|said|says)\b)"
)
# a name and a relative clause, nothing after it: "Robert mccoy, who is on death row for a triple murder."
_RELATIVE_ONLY_RE = re.compile(
    r"(?i)^(?![^,]*\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|said|says)\b)"
    r"(?:[\w.'’-]+ ){0,2}[\w.'’-]+, (?:who|whose|which) [^,;:]+\.[\"'”’)]*$"
)
# a sentence ends with a stop (in any script), maybe inside closing quotes or brackets; one without was cut off
_FINAL_STOP_RE = re.compile(r"[.!?…。！？।۔؟][\"'”’»)\]]*$")
_CONTACT_RE = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w.])@\w{2,}|pic\.twitter\.com/|\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b"
)
_LABEL_RE = re.compile(
    r"(?i)^(?:related(?: \w+)?|(?:photo |image )?credits?|"
    r"read (?:also|more|next|the (?:related|full) (?:story|article))|"
    r"see also|also read|more on this|more|recommended|trending|posted|published|last updated|information from|source|"
    r"watch|listen|new|update[d]?|breaking|exclusive|video|photos?|gallery|baca juga|lihat juga|"
    r"相关报道|相关新闻|延伸阅读|更多)\s*[:：]"
)
# a byline with the outlet's domain glued to the lead: "Jane Doe, harbournews.ca a ferry ..."
_DOMAIN_BYLINE_RE = re.compile(r"(?i)^[^\W\d][\w .'’-]{2,40}, [\w-]+\.(?:com|ca|org|net|co\.uk|com\.au|ie|in)\b")
_BYLINE_START_RE = re.compile(
    r"(?i)^by\s+[^.:,]{1,40}?(?:\b(?:staff|writer|reporter|correspondent|editor)s?\b|:)|"
    r"^\W*(?:updated|posted) by \w"
)
_STAMP_START_RE = re.compile(
    r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+"
    + _MONTH
    + r"|"
    + _MONTH
    + r"\s+\d{1,2},?)\s+\d{4},?\s+\d{1,2}[.:]\d{2}"
)
_PUBLISHED_START_RE = re.compile(
    r"(?i)^(?:first )?(?:published|posted|updated|uploaded|added)(?: on)?:?\s+"
    r"(?:" + _MONTH + r"\s?\d|\d{1,2}\s+" + _MONTH + r")"
)
# a photo credit: a name and an agency joined by a slash ("Jane Doe/AP", "evan vucci/associated press")
_PHOTO_CREDIT_RE = re.compile(
    r"(?i)\w\s?/\s?(?:AP|Reuters|AFP|Getty(?: Images)?|EPA|Associated Press|Bloomberg|Xinhua|Pool|Shutterstock|"
    r"Anadolu|Sipa|Redux|NurPhoto|ZUMA|Alamy|AAP|PA|Kyodo|Yonhap)\b(?!\s*(?:reported|said|says))"
)
_WORD_RE = re.compile(r"[\w'’.\-]+")


# Run-ins: a headline, a photo caption or a byline the page had on a line of its own, run into the lead with
# no stop between them ("Swine flu reaches Europe The first cases ...", "... in Damascus The Arab League has
# rejected ...", "France, Germany Unite PARIS, March 17 -- France ...", "Jane Doe reports On April 15 ...").
# A sentence opener (determiner, pronoun, preposition) in title case right after a word with no punctuation
# between them, where no function word or verb of speech comes before it ("told The Associated Press",
# "in The Hague") and the rest reads like a sentence (lower-case words soon after the opener, a finite verb).
_RUN_IN_OPENERS = frozenset("The A An It He She They On In At As When After While Amid Despite There".split())
# a photo credit in brackets ends a caption run into a sentence: "... by fire fighters [reuters] at least two ...",
# "... wolf blitzer (cnn/youtube) president ..."
_RUN_IN_CREDIT_RE = re.compile(
    r"(?i)(?:\((?=[^)]*\b(?:photo|ap|afp|reuters|getty|epa|cnn|youtube|twitter|instagram|facebook|handout|"
    r"courtesy|file)\b)[a-z.&' -]{2,30}/[a-z.&' -]{2,30}\)|\[(?:reuters|ap|afp|getty images|epa|file|pa)\])"
    r"(?P<opener>\s+)(?=\w)"
)
_RUN_IN_NOT_BEFORE = (
    frozenset(
        "a an the in on at of to for with by from as after before during while when since until and or but so "
        "that this these those is was were be been has had have its it not no about over under into up down "
        "said says told".split()
    )
    | frozenset(
        "with to for by from into onto upon than like via per against among between across through toward towards "
        "without within around behind beyond near and or nor but of watch watched read reads reading called named "
        "dubbed titled entitled magazine newspaper paper show film movie book song album band series group".split()
    )
    | frozenset(_SPEECH_WORDS)
)
# nouns that take a letter as their label ("influenza A virus", "Group A", "Plan A"): the letter is no opener
_LETTER_NOUNS = frozenset(
    "type influenza flu hepatitis vitamin group plan class grade category section part exhibit appendix item "
    "option level series tier division league phase building block wing terminal gate route serie figure "
    "table row column channel area zone unit platform".split()
)
_THERE_VERBS = frozenset("is are was were has have had will would may might could".split())
_RUN_IN_RE = re.compile(r"(?<=[\w%)'’”\"]) +(?P<opener>" + "|".join(sorted(_RUN_IN_OPENERS)) + r") (?=\S)")
_RUN_IN_DATELINE_RE = re.compile(
    r"(?<=[a-z0-9%)]) +(?P<opener>(?:[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2}(?:, [A-Z][a-z]+\.? \d{1,2})?"
    r"(?: \([A-Za-z .]{2,30}\))?|[A-Z][a-z]+(?: [A-Z][a-z]+)? \((?:CNN|AP|AFP|Reuters|UPI|AFX)\)|"
    r"[A-Z][a-z]+, [A-Z][a-z]+(?: [A-Z][a-z]+)? \((?:CNN|AP|AFP|Reuters|UPI|AFX)\)) ?(?:--|—|–) ?)"
    r"(?=[A-Z])"
)
# a page label glued to the sentence it labels: "Photo the parent of ...", "Video a man ..."
_RUN_IN_LABEL_RE = re.compile(r"(?i)^(?:photo|image|video|watch|gallery|listen)(?P<opener>\s+)(?=(?:the|a|an)\s)")
_RUN_IN_BYLINE_RE = re.compile(r"^(?:[A-Z][\w'’-]+ ){1,3}(?:reports|writes|reporting)(?P<opener> )(?=[A-Z])")
# a title-case opening phrase, its comma, then a lower-case subject after a word with no stop: the lead after a
# standfirst ("... to end violence in Syria For 16 months, government troops have ...")
_RUN_IN_PHRASE_RE = re.compile(
    r"(?<=[a-z0-9%)'’”\"]) (?P<opener>(?:For|Since|During|Over|Under|With|By|From|Despite|Throughout|Until|Earlier|"
    r"Later|Last|This|Two|Three|Four|Five|Six|Several|Many|Some|Hundreds|Thousands|Dozens)"
    r"(?: (?-i:[a-z0-9][\w'’-]*)){1,6},) (?=(?-i:[a-z])[\w'’-]* (?-i:[a-z]))"
)
# a dateline inside lower-cased text: a headline before it ("saudi media fall for joke riyadh, saudi arabia — when ...")
_RUN_IN_FOLDED_DATELINE_RE = re.compile(
    r"(?<=[a-z]) (?P<opener>[a-z]+, [a-z]+(?: [a-z]+)?(?: \((?:ap|cnn|afp|reuters|upi)\))? (?:—|–|--) )"
    r"(?=(?:[a-z'’-]+ ){5})"
)
# a live page's time stamp before the sentence: "20 June 11 16:14 GMT Supporters of ..."
_RUN_IN_STAMP_RE = re.compile(
    r"^(?:\d{1,2} " + _MONTH + r" \d{2,4}|" + _MONTH + r" \d{1,2},? \d{2,4}),? \d{1,2}[:.]\d{2}"
    r"(?: ?(?:[ap]\.?m\.?|GMT|UTC|BST|CET|EST|EDT|ET))?(?P<opener> )(?=\w)"
)
# a quote that was the headline, run into the lead with no stop and nobody saying it: '"a long life can pass by
# many milestones" the queen has thanked ...' (not '"..." the queen said', not '"black lives matter" has become')
_RUN_IN_QUOTE_RE = re.compile(
    r"^[\"“](?:[^\"“”\s]+\s){3,}[^\"“”\s]*\w[\"”](?P<opener> )(?=(?:the|a|an|[a-z]+['’]s)\s(?:[\w'’-]+\s){0,3}?"
    r"(?!(?:" + _SPEECH + r")\b)[\w'’-]+\s)(?![^.]{0,60}\b" + _SPEECH + r"\b)"
)
# a headline in capitals before the lead: "HOW SWINE FLU OUTBREAK EMERGED Flu viruses mutate over time ..."
_RUN_IN_CAPS_RE = re.compile(r"^(?:[A-Z][A-Z'’-]+ ){3,}(?P<opener>)(?=[A-Z][a-z]+ [a-z]+ [a-z])")
# a title-case headline before a lead that opens with a number: "... Poses Threat to Industry Around 27,000 workers ..."
_RUN_IN_NUMBER_RE = re.compile(
    r"(?<=[a-z]) (?P<opener>(?:Around|About|Nearly|Almost|Roughly|Some|More than|At least|Up to) )"
    r"(?=\d[\d,.]* [a-zA-Z])"
)
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|said|says|\w{3,}ed)\b")


def run_in_start(text: str) -> int:
    """Where the sentence proper starts in ``text`` when a headline, caption or byline runs into it with no
    stop between them (see ``_RUN_IN_OPENERS``): the offset of the last such sentence start, else 0."""
    outside = unquoted(text)
    best = 0
    m = _RUN_IN_BYLINE_RE.match(outside) or _RUN_IN_LABEL_RE.match(outside)
    if m:
        best = m.end("opener")
    for m in _RUN_IN_CREDIT_RE.finditer(outside):
        if len(outside[m.end("opener") :].split()) >= 4:
            best = max(best, m.end("opener"))
    for m in _RUN_IN_DATELINE_RE.finditer(outside):
        before = outside[: m.start("opener")].split()
        if before and before[-1].lower() not in _RUN_IN_NOT_BEFORE:  # not "made for the USA -- ..."
            best = max(best, m.start("opener"))
    if not any(c.isupper() for c in outside[1:]):
        for m in _RUN_IN_FOLDED_DATELINE_RE.finditer(outside):
            before = outside[: m.start("opener")].split()
            place = m.group("opener").replace(",", " ").split()[:-1]
            if any(w in _RUN_IN_NOT_BEFORE for w in place) or re.search(r"—|–|--", outside[m.end("opener") :]):
                continue  # "..., but also -- for the first time -- at ...": dashes around a side remark
            if len(before) >= 4 and before[-1].lower() not in _RUN_IN_NOT_BEFORE:
                best = max(best, m.start("opener"))
    m = _RUN_IN_STAMP_RE.match(text) or _RUN_IN_QUOTE_RE.match(text)
    if m and _FINITE_RE.search(text, m.end("opener")):
        best = max(best, m.end("opener"))
    m = _RUN_IN_CAPS_RE.match(outside)
    if m:
        best = max(best, m.end("opener"))
    for m in (*_RUN_IN_PHRASE_RE.finditer(outside), *_RUN_IN_NUMBER_RE.finditer(outside)):
        before = outside[: m.start("opener")].split()
        if len(before) >= 4 and before[-1].lower().strip("%)") not in _RUN_IN_NOT_BEFORE:
            best = max(best, m.start("opener"))
    for m in _RUN_IN_RE.finditer(outside):
        start = m.start("opener")
        before = outside[:start].split()
        prev = before[-1] if before else ""
        if not prev or prev.lower().strip("%)") in _RUN_IN_NOT_BEFORE:
            continue
        rest = outside[m.end("opener") :].split()
        if m.group("opener") == "A" and (prev.lower() in _LETTER_NOUNS or not rest or not rest[0][:1].islower()):
            continue
        if m.group("opener") == "There" and (not rest or rest[0] not in _THERE_VERBS):
            continue  # "There was ...", not "Hotel There" or "Get There"
        soon = rest[:4]
        if not any(w[:1].islower() or w[:1].isdigit() for w in soon) or not _FINITE_RE.search(outside[start:]):
            continue
        if len(rest) < 3:
            continue
        best = max(best, start)
    return best


def unquoted(text: str) -> str:
    """``text`` with every quotation (between paired double quotation marks) blanked out."""
    out = list(text)
    i = 0
    while i < len(text):
        close = _QUOTE_MARKS.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close if close != text[i] else text[i], i + 1)
        if j < 0:
            j = len(text) - 1  # an unclosed quote runs to the end of the sentence
        for k in range(i, j + 1):
            out[k] = " "
        i = j + 1
    return "".join(out)


def is_transcript(text: str) -> bool:
    """A broadcast transcript: two or more paragraphs or sentences open with a speaker tag."""
    tags = 0
    for line in text.splitlines():
        if _SPEAKER_TAG_RE.match(line.strip()) or _QA_TAG_RE.match(line.strip()):
            tags += 1
            if tags >= TRANSCRIPT_TAGS:
                return True
    return bool(_STAGE_RE.search(text))


def _words(text: str) -> list[str]:
    return [w.strip(".,;:-").lower() for w in _WORD_RE.findall(text) if w.strip(".,;:-")]


def _cut(text: str) -> bool:
    """A piece of a sentence: no final stop, the splitter cut it at an abbreviation or a date, or it starts
    with an auxiliary whose subject is in the piece before."""
    words = _words(text)
    if not words or not _FINAL_STOP_RE.search(text.rstrip()) or _CUT_START_RE.match(text):
        return True
    if _continuation_start(text) or _NO_SUBJECT_RE.match(text) or _CREDIT_PIECE_RE.match(text):
        return True  # "For the first time, did all ...", "Written by jane doe, based on the novel by ..."
    close, open_ = text.find(")"), text.find("(")
    if 0 <= close < 25 and (open_ < 0 or open_ > close):
        return True  # it starts inside brackets the sentence before opened ("BNGA), Lani Darmawan said ...")
    if text.count("(") > text.count(")"):
        return True  # a bracket the splitter cut inside ("John doe: the last cowboy (because of his recent ...")
    if _RELATIVE_ONLY_RE.match(text):
        return True  # "Robert mccoy, who is on death row for a triple murder.": no verb of its own
    if re.search(r"(?:\.\.\.|…)$", text.rstrip()):
        return True  # a teaser the page cut short ("... has resigned as chief of npr's...")
    end = text.rstrip(_CLOSERS)
    return bool(_TITLE_END_RE.search(end) or (len(words) < SHORT_SENTENCE and _INITIALS_END_RE.search(end)))


def _continuation_start(text: str) -> bool:
    """The sentence opens with the rest of another: an auxiliary and a participle with no subject before
    them ("Have been lifted, and ...", not "Had the weir failed"). A lower-case start is no sign: lower-cased
    text (Multi-News) has whole sentences that start so."""
    return bool(_AUXILIARY_START_RE.match(text))


def _dangling(text: str, outside: str, names: frozenset[str] | None = None) -> bool:
    words = _words(text) or [""]
    first = words[0] if not text.lstrip("\"“'‘([").split(" ", 1)[0].isupper() else ""  # "IT", "HE": not pronouns
    if first not in _FIRST_PERSON and text.lstrip()[:1] not in _QUOTE_OPENERS:
        first = re.split(r"['’]", first)[0]  # "He's", "They're" (a quote's "he's" is its speaker's, as before)
    if first in _FIRST_PERSON and text.lstrip()[:1] in _QUOTE_OPENERS:
        first = ""  # a quote's "we" or "I" ("We will not leave," said X) is its speaker, named after it
    if first in _LINK_WORDS or first in _PRONOUNS or _LINK_PHRASE_RE.match(text):
        return True
    if _starts_inside_quote(text):
        return True  # the quote began in the sentence before
    if _PRONOUN_ATTRIBUTION_RE.search(outside) and outside.strip() != text.strip():
        return True
    if first in _DEMONSTRATIVES and (len(words) < 2 or words[1] not in _TIME_NOUNS):
        return True
    if _REFERENCE_RE.match(text) or _VAGUE_OPENER_RE.match(text):
        return True  # "The remarks ...", "Many more lined the route ...", "Things came to a head ..."
    if _demonstrative_reference(outside):
        return True  # "Mr Sim did not want this offer.", "Some 3,000 people died in that storm."
    if _nameless_definite(text):
        return True  # "The deaths are under investigation.": which deaths?
    if _IT_SAID_RE.match(text):
        return True
    if _ENDS_WITH_DEMONSTRATIVE_RE.search(outside):
        return True  # "... did not raise objections to this."
    if _referential_it(outside):
        return True  # "It climbed to ...", "It takes many forms": "it" opens the sentence and stands for something
    if _BACK_REFERENCE_RE.search(outside):
        return True  # "..., the former commander said"
    # a third-person pronoun ("he", "him", "it") before any word it could stand for, unless it is in an
    # opening clause whose subject follows the comma ("Before he was president, Smith ...")
    for m in _WORD_RE.finditer(outside):
        w = m.group().strip(".,;:-").lower()
        if w in _THIRD_PERSON or (w in ("it", "its") and not _expletive_it(outside[m.start() :])):
            head = outside[: m.start()].rstrip()
            if _OPENING_PHRASE_RE.match(outside) and head.endswith(",") and head.count(",") == 1:
                return True  # "In return, he ...": the subject after an opening phrase, nothing before
            if names is not None and w in _THIRD_PERSON:
                found = _folded_antecedent(outside, m.start(), names, person=w in _SINGULAR_PERSON)
                found = found or _folded_cataphora(outside, m.start())
            else:
                found = (_has_person_antecedent if w in _SINGULAR_PERSON else _has_antecedent)(outside, m.start())
            return not found and not _cataphora(outside, m.end())
    return False


_SINGULAR_PERSON = frozenset("he she him her his".split())
# an opening that counts people or things told of before: "Many more lined the route", "Others fled",
# "Things came to a head", "The rest were freed", "Two of them were hurt"
_VAGUE_OPENER_RE = re.compile(
    r"(?i)^\W*(?:(?:many|several|thousands|hundreds|dozens|millions|some|two|three) (?:more|others)\b|"
    r"(?:one|another) (?:had|has|was|is|showed|shows|read|reads)\b|"
    r"(?:the )?others\b(?! (?:say|said|include|including))|things\b|the rest\b|"
    r"the (?:former|latter)(?=,|\s+(?:is|was|were|has|had|have|said|says|would|will|could|can|did|does)\b)|"
    # an office with no name after it: "The former house speaker had ..." (not "The former Prime Minister Tony ...")
    r"the former (?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*)*\s+(?:and|had|has|was|is|said|says|would|will)\b|"
    r"(?:some|most|all|many|both|none|each|neither|either|one|two|three|several|few) of "
    r"(?:them|these|those|us|which)\b)"
)
# a demonstrative determiner pointing back ("this offer", "these issues", "in that storm"), not a time
# ("this week", "that night"); "those" mostly points inside its sentence ("those who ...", "61 percent of those
# runners")
_DEMONSTRATIVE_NOUN_RE = re.compile(
    r"(?i)(?<![\w'’-])(?:this|these|"
    r"(?:in|on|at|of|from|by|with|for|to|during|after|before|since|into|about|under|over|against|"
    r"like|despite|through|did|do|does|want|wanted|made|make|reiterate|repeat|rejected|accepted|denied) that)"
    r" (?P<next>[a-z][\w'’-]*)"
)
_NOT_POINTING_NEXT = frozenset(
    "who whom whose which that is was are were will would has have had can could may might must did does do "
    "in on at of from by with for to and or but as if when where than kind sort type way time one ones he she "
    "it they we i you his her its their term session quarter half round point stage moment juncture "
    "the a an some any no every each all both another our my your".split()
)  # "at this point", "at that stage": a time in the story; "denied that the ...": "that" opens a clause
DEMONSTRATIVE_WORDS = 10  # a demonstrative this early in a sentence points before it; later, often inside it
# short sentences that name nothing: what they tell of was named before ("The deaths are under investigation.")
NAMELESS_WORDS = 8


def _demonstrative_reference(outside: str) -> bool:
    for m in _DEMONSTRATIVE_NOUN_RE.finditer(outside):
        nxt = re.split(r"['’]", m.group("next").lower())[0]
        if nxt in _TIME_NOUNS or nxt in _NOT_POINTING_NEXT or nxt.endswith("ing"):
            continue
        if len(outside[: m.start()].split()) >= DEMONSTRATIVE_WORDS:
            break  # "... more than 50 women ... the sheer weight of that number": what it points to is before it
        return True
    return False


def _nameless_definite(text: str) -> bool:
    """A short sentence that opens with "The" and names no one and nothing (no capitalised word after its
    first, no number): what it tells of ("The deaths", "The litany") was named before it. In lower-cased text
    a name may hide in it ("The fbi declined to comment."): such a sentence says little on its own either."""
    words = text.split()
    if len(words) > NAMELESS_WORDS or words[0].lower() != "the" or re.search(r"\d", text):
        return False
    if any(_participant(w) for w in words[1:3]):
        return False  # "The police arrived at about noon.", "The girl's mother was arrested.": who acted
    return not any(w[:1].isupper() for w in words[1:])


# people and bodies that act in a story: "the police", "the ministry", "the coroner" stand for one of the
# story's participants, which a reader takes from the story (as "the girl", "the man"); "the deaths", "the
# litany" stand for something the sentence before told
_ACTOR_NOUNS = frozenset(
    "police paramedics firefighters rescuers ministry government court army military navy company firm council "
    "board agency department embassy committee parliament congress senate hospital school university airline "
    "bank union team club jury prosecution defence defense regulator authorities officials prisoners crew "
    "family parents couple mother-in-law".split()
)
_ACTOR_SUFFIX_RE = re.compile(r"(?:ian|ist|man|woman|men|women|person|er|or)s?$")
_NOT_ACTOR_WORDS = frozenset(
    "after over under order number water power matter border center "
    "letter paper river weather winter summer other either neither error floor door colour color motor sector "
    "manner chapter factor mirror terror horror rumor rumour humor humour disaster cancer fever tower meter "
    "liver layer never ever".split()
)


def _participant(word: str) -> bool:
    w = re.split(r"['’]", word.strip(",.;:").lower())[0]
    if w in _PERSON_NOUNS or w.rstrip("s") in _PERSON_NOUNS or w in _ACTOR_NOUNS:
        return True
    return len(w) > 4 and _ACTOR_SUFFIX_RE.search(w) is not None and w.rstrip("s") not in _NOT_ACTOR_WORDS


# a demonstrative pronoun closing the sentence stands for what the sentence before told ("objections to this")
_ENDS_WITH_DEMONSTRATIVE_RE = re.compile(
    r"(?i)\b(?:to|of|about|on|with|for|by|against|over|after|before|do|did|does|said|saw) (?:this|that|these|those)\W*$"
)
# "It is clear that ...", "It was not immediately known whether ...", "it is illegal to ...": an "it" that
# stands for nothing before it
_EXPLETIVE_IT_RE = re.compile(
    r"(?i)^it(?:['’]s|\s+(?:is|was|has been|had been|will be|would be|could be|may be|might be|seems|seemed|"
    r"appears|appeared|remains|remained|became|becomes))"
    r"(?:\s+(?:not|also|still|now|yet|very|so|too|more|less|most|quite|far|increasingly|immediately|entirely))*"
    r"(?:\s+(?:unclear|clear|unknown|known)\b|(?:\s+(?:a|an))?(?:\s+(?![\w'’-]+(?:ing|ed|en)\b)[\w'’-]+|"
    r"\s+(?:expected|believed|thought|said|reported|estimated|understood|feared|hoped|alleged|known|decided|"
    r"agreed|claimed|assumed|rumoured|rumored|argued|suggested|announced|confirmed))?\s+"
    r"(?:to|that|whether|if|how|why|what|when|where)\b)"
)
_IT_START_RE = re.compile(r"^\W*It\b(?!-|[’'](?!s\b))")  # "It", "It's" (not "It'll"-style pieces of names)
# a definite reference back to someone a sentence before named: "..., the former commander said" (a former
# office with no name after it)
_BACK_REFERENCE_RE = re.compile(
    r"\b[Tt]he former (?-i:[a-z][\w-]+)(?:\s+(?-i:[a-z][\w-]*|[,.]))*?\s*(?:said|says|told|added)\b"
)
# words that name a person ("officer", "spokesman", "minister"): what "he" or "she" can stand for
_PERSON_SUFFIX_RE = re.compile(r"(?i)(?:er|or|ist|ian|man|woman|person|ant|ent|ee|ess|ive)$")
_PERSON_NOUNS = frozenset(
    "suspect victim child boy girl wife husband son daughter mother father brother sister chief boss king queen "
    "prince princess pope judge coach star actor leader minister mayor chairman head official man woman "
    "pilot doctor nurse patient teen teenager student pupil soldier colonel general captain governor senator "
    "candidate lawmaker mp spokesperson envoy ambassador sheikh emir imam cleric bishop priest monk".split()
)
_NOT_PERSON_WORDS = frozenset("after other over under never ever order number water power matter border center".split())


def _referential_it(outside: str) -> bool:
    """The sentence opens with "It" standing for something in the sentence before ("It climbed ..."), not
    the "it" of "It is clear that ..." or "It said" (see ``_IT_SAID_RE``)."""
    if not _IT_START_RE.match(outside):
        return False
    return not _expletive_it(outside.lstrip(" \"“‘'([")) and not _IT_SAID_RE.match(outside.lstrip(" \"“‘'(["))


def _expletive_it(text: str) -> bool:
    return any(r.match(text) is not None for r in (_EXPLETIVE_IT_RE, _IT_SINCE_RE, _IT_SCENE_RE))


# "It was a tense situation at ...", "It was a long night for ...", "It was the first time ...": the "it" of a
# scene or an occasion, which a report opens with and which stands for nothing before it
_IT_SCENE_RE = re.compile(
    r"(?i)^it(?:['’]s|\s+(?:is|was|has been|had been))\s+(?:(?:a|an)\s+(?:[\w-]+\s+){0,2}"
    r"(?:situation|scene|day|night|morning|afternoon|evening|weekend|week|year|season|moment|time|atmosphere|"
    r"sight|spectacle|affair|occasion|struggle|battle|game|race|match)|the\s+(?:first|second|third|fourth|fifth|"
    r"last|latest|only|\d+(?:st|nd|rd|th))\s+time)\b"
)


# "It's been 15 months since ...", "It was two years before ...": the "it" of a span of time, standing for nothing
_IT_SINCE_RE = re.compile(
    r"(?i)^it(?:['’]s|\s+(?:is|was|has|had))?(?:\s+been)?\s+(?:(?:only|just|nearly|almost|about|more than|over|"
    r"less than|exactly)\s+)?(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)"
    r"\s+(?:since|before|after|until|ago)\b"
)


def _has_person_antecedent(outside: str, before: int) -> bool:
    """Whether the unquoted text before ``before`` names someone "he" or "she" could be: a capitalised
    word that is no function or time word (a name, "Mr"), or a singular noun for a person ("the officer").
    In text that is all lower case (some corpora are), its capitalised first word or any word that is no
    number, plural or verb form."""
    words = [w.strip(".,;:-'’") for w in _WORD_RE.findall(outside[:before])]
    words = [w for w in words if len(w) > 1]
    cased = any(c.isupper() for c in outside[1:])
    for k, w in enumerate(words):
        low = w.lower()
        if low in _NOT_ANTECEDENT or low in _THIRD_PERSON or low in _NOT_PERSON or low in _RELATIVE_WORDS:
            continue
        if k == 0 and low in _OPENING_NOT_NAME:
            continue  # "Many more lined the route as the hearse took her coffin"
        if (cased or k == 0) and (w[0].isupper() or low in _PERSON_NOUNS):
            return True
        if cased and _PERSON_SUFFIX_RE.search(low) and low not in _NOT_PERSON_WORDS:
            return True
        if not cased and not _NUMBERISH_RE.match(low) and not _PLURAL_OR_VERB_RE.search(low):
            return True  # lower-cased text: any noun may be a name ("oreskes said he ...")
    return False


_RELATIVE_WORDS = frozenset("who whom whose which that what where".split())
_ADVERB_OPENERS = frozenset(
    "together instead meanwhile eventually finally initially already soon later recently currently previously "
    "separately similarly again here there afterward afterwards then now typically usually often".split()
)
_NUMBERISH_RE = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|several|many|some|all|both)$"
)
_PLURAL_OR_VERB_RE = re.compile(r"(?:[^su]s|ed|ing)$|^(?:men|women|people|children)$")


def _cataphora(outside: str, after: int) -> bool:
    """The pronoun is in an opening clause or phrase ("Before he was president,", "In his speech,") whose
    subject, after the comma, is what it stands for."""
    if not (_SUBORDINATE_RE.match(outside) or _OPENING_PHRASE_RE.match(outside)):
        return False
    if 0 <= outside.find(",") < after:
        return False  # the pronoun is after the opening clause: "Before long, a scan showed she ..."
    comma = outside.find(",", after)
    rest = _words(outside[comma + 1 :]) if comma >= 0 else []
    return bool(rest) and rest[0] not in _THIRD_PERSON and rest[0] not in _PRONOUNS and rest[0] != "it"


_OPENING_PHRASE_RE = re.compile(r"(?i)^\W*(?:in|on|at|during|for|with|under|despite|amid|throughout|like|unlike)\b")


def _has_antecedent(outside: str, before: int) -> bool:
    """Whether the unquoted text before ``before`` holds a word a pronoun could refer to."""
    for k, w in enumerate(_WORD_RE.findall(outside[:before])):
        w = w.strip(".,;:-'’")
        low = w.lower()
        if k == 0 and low in _ADVERB_OPENERS:
            continue  # "Together they will ..."
        if len(w) > 1 and low not in _NOT_ANTECEDENT and low not in _THIRD_PERSON and low not in _NOT_PERSON:
            return True
    return False


# a quote's closing mark the de-tokenizer put before the next word instead of after the comma, then the speaker
# and a verb of speech: ', "borowitz said', ', "the senator told'
_MISPLACED_CLOSE_RE = re.compile(r'(?i), "(?:[\w.\'’-]+ ){1,3}' + _SPEECH + r"\b")


def _starts_inside_quote(text: str) -> bool:
    """The first quotation mark closes a quote: curly ``”`` before any ``“``, or an odd number of straight
    quotes of which the first is glued to the word before it ('... families," he said.')."""
    curly_close, curly_open = text.find("”"), text.find("“")
    if curly_close >= 0 and (curly_open < 0 or curly_close < curly_open):
        return True
    first = text.find('"')
    if first <= 0 or text.count('"') % 2 == 0:
        return False
    if _MISPLACED_CLOSE_RE.match(text, max(0, first - 2)):
        return True  # '..., "borowitz said in the column': the closing mark moved onto the speaker's name
    return not text[first - 1].isspace() and (first + 1 == len(text) or not text[first + 1].isalnum())


def _quote_only(text: str, outside: str) -> bool:
    """A quote whose speaker the sentence does not name, nothing reported besides: most words quoted, or a
    short attribution, and no word outside the quotes but speech verbs and pronouns ('"...," she said.')."""
    total = len(text.split())
    rest = len(outside.split())
    if total == 0 or rest == total:
        return False
    short = (total - rest) >= QUOTE_SHARE * total and rest <= QUOTE_OUTSIDE_WORDS
    if not short and not (rest <= ATTRIBUTION_WORDS and re.search(r"(?i)\b" + _SPEECH + r"\b", outside)):
        return False
    speaker = _SPEECH_RE.sub(" ", outside)
    return not _has_antecedent(speaker, len(speaker))


def fluff_kind(text: str, *, transcript: bool = False, names: frozenset[str] | None = None) -> str | None:
    """The kind of fluff ``text`` is (see the module docstring), or ``None`` for a sentence fit for a brief.

    ``transcript``: the sentence comes from a broadcast transcript (:func:`is_transcript`). ``names``: the
    sentence comes from an article folded to lower case, where a capital cannot tell a name; the words its
    article uses as names (:func:`folded_names`), which a pronoun can stand for.
    """
    s = text.strip()
    tagged = bool(_SPEAKER_TAG_RE.match(s)) and _speaker_tag(s)
    if transcript or tagged or _STAGE_RE.search(s) or _PRESENTER_RE.search(s):
        return TRANSCRIPT
    if s.rstrip(_CLOSERS).endswith("?"):
        return QUESTION
    if _CAPTION_WORDS_RE.search(s) or _PHOTO_CREDIT_RE.search(s) or _CREDIT_RE.search(s) or _caption_scene(s):
        return CAPTION
    outside = unquoted(s)
    if _furniture(s, outside):
        return FURNITURE
    if _FIRST_SECOND_RE.search(_GENERIC_YOU_RE.sub(" ", outside)) or _READER_RE.match(outside):
        return COMMENT
    if _CJK_FIRST_PERSON_RE.search(outside):
        return COMMENT  # "不仅是我，我所有的朋友…": someone's own words with no quotation marks
    if (
        _OUR_RE.search(outside)
        and not _SPEECH_RE.search(_WE_TOLD_RE.sub("", outside))  # "we're told" quotes nobody: the writer speaks
        and not _FINDING_RE.search(outside)
        and not any(q in s for q in '"“”«»‘')
    ):
        return COMMENT  # "... a large segment of our society ...": the writer's own voice, nobody quoted
    if _cut(s):
        return CUT
    if _quote_only(s, outside):
        return QUOTE_ONLY
    if _dangling(s, outside, names):
        return DANGLING
    return None


def _furniture(s: str, outside: str) -> bool:
    if _FURNITURE_RE.search(s) or _MARKUP_RE.search(s) or _CONTACT_RE.search(s) or _COUNTER_RE.search(s):
        return True
    if _STAMP_RE.search(s) or _glued_headline(outside) or _TICKER_RE.search(s) or _headline_repeated(s):
        return True
    if _page_label(s):
        return True
    return outside.rstrip(_CLOSERS).endswith("!")


# small words a headline writes in title case ("Geithner Grilled on His Past"); inside running text they are
# lower case, so one in title case after the first word marks a headline
_TITLE_FUNCTION_WORDS = frozenset(
    "His Her Its Their Our On In For To Of With As At And Over After From By Into Is Are Was Were Be Not No "
    "Says Say Will Can Up Out Off Back Down Against Amid Before Under".split()
)
_HEADLINE_SMALL = frozenset("a an the of on in for to and at by with as or vs from over after".split())
_NAMES_IN_ED = frozenset("United Related Mohammed Muhammed Mahmoud Ahmed".split())
HEADLINE_RUN = 4  # title-case words, at least, of a headline glued to a sentence


def _glued_headline(outside: str) -> bool:
    """A headline in title case glued to the sentence after it with no stop between them ("Geithner Grilled on
    His Past, Path Forward Treasury secretary nominee ... said"): a run of title-case words holding a small
    word in title case, then lower-case words with no punctuation at the join."""
    tokens = outside.split()
    run = 0
    function = False
    for k, tok in enumerate(tokens):
        word = tok.strip("\"'“”‘’,-:;")
        if not word:
            return False
        if word[:1].isupper():
            past = len(word) > 6 and word.endswith("ed") and "-" not in word and word not in _NAMES_IN_ED
            function = function or (k > 0 and (word in _TITLE_FUNCTION_WORDS or past))
            run = k + 1
            continue
        if word in _HEADLINE_SMALL and k > 0:
            continue
        break
    if run < HEADLINE_RUN or not function or run + 2 > len(tokens):
        return False
    last, after = tokens[run - 1], tokens[run : run + 2]
    if after[0].lower() in _SPEECH_WORDS or after[0].lower() in _THERE_VERBS:
        return False  # a named subject and its verb: "The ... Alliance said in a statement ..."
    return last[-1:].isalnum() and all(w[:1].islower() for w in after)


HEADLINE_REPEAT = 4  # opening words that, said again later in the sentence, were its headline


def _headline_repeated(s: str) -> bool:
    """The sentence opens with words it says again later: a headline glued to a lead that repeats it ("J. Doe
    blasts council plan j. doe blasts the council's plan for ...")."""
    tokens = [t for t in s.split() if t.strip("\"'“”‘’")]
    words = [t.lower().strip("\"'“”‘’,.:;") for t in tokens]
    head = words[:HEADLINE_REPEAT]
    if len(head) < HEADLINE_REPEAT:
        return False
    return any(
        # no stop at the join, and no linking word before it ("..., and the board said ...")
        words[i : i + HEADLINE_REPEAT] == head and tokens[i - 1][-1:].isalnum() and words[i - 1] not in _NOT_ANTECEDENT
        for i in range(HEADLINE_REPEAT, len(words) - HEADLINE_REPEAT + 1)
    )


def _caption_scene(s: str) -> bool:
    if _STRONG_SCENE_RE.search(s) and not _NOT_SCENE_RE.search(unquoted(s)):
        return True  # "Donald trump gestures during the 2016 fox news republican debate."
    if _CAPTION_SCENE_RE.search(s) and (_CAPTION_DATE_END_RE.search(s) or _WEEKDAY_FULL_DATE_RE.search(s)):
        return True
    if _DATE_CREDIT_RE.search(s):
        return True
    if (_CAPTION_PLACE_DATE_END_RE.search(s) or _WEEKDAY_FULL_DATE_RE.search(s)) and not _NOT_SCENE_RE.search(
        unquoted(s)
    ):
        return True  # a scene in the present with its full date, whatever its verb ("Investigators work ...")
    if _page_label(s):
        return False  # "Posted: Monday, May 1, 2017." is the page's stamp
    return bool(_CAPTION_FULL_DATE_END_RE.search(s) and not _REPORTED_RE.search(unquoted(s)))


def _page_label(s: str) -> bool:
    """A label of the page opening the sentence: "Related:", "UPDATE:", a byline (maybe with the outlet's
    domain), a time stamp, a date of publication ("Published on may 2, 2018 ...")."""
    return bool(
        _LABEL_RE.match(s)
        or _BYLINE_START_RE.match(s)
        or _DOMAIN_BYLINE_RE.match(s)
        or _STAMP_START_RE.match(s)
        or _PUBLISHED_START_RE.match(s)
    )


def _speaker_tag(s: str) -> bool:
    """An upper-case lead-in that names a speaker, not a dateline ("SINGAPORE: ..." opens many reports): a
    name with a title after a comma, a Q/A tag, or a name with an initial or a title word ("SEN. X:").
    Other upper-case lead-ins are speaker tags only in a transcript (see :func:`is_transcript`)."""
    if _TITLED_TAG_RE.match(s) or _QA_TAG_RE.match(s):
        return True
    head = s.split(":", 1)[0]
    return bool(re.search(r"\b(?:[A-Z]\.|MR|MRS|MS|DR|SEN|REP|GOV|GEN|PRESIDENT|SECRETARY|ANCHOR|HOST)\b", head))


# Text folded to lower case (Multi-News, some archives): "oreskes said he ..." and "the hearing will
# constitute his ..." look alike. What a pronoun can stand for there is a word its article uses as a name
# (an entity the annotator found, a word before a verb of speech or after a title: "oreskes said", "mr.
# obama"), a word for a person ("the officer"), or, for "they", a plural or a body ("the police", "farook and
# malik"); any other word is not taken for a name.
FOLDED_CAPITALS = 0.015  # capitals among the words past a sentence's first, below which the text was folded
FOLDED_MIN_WORDS = 40
_TITLE_WORDS = (
    r"(?:mr|mrs|ms|miss|dr|sen|rep|gov|gen|lt|sgt|capt|det|prof|rev|president|senator|governor|mayor|judge|"
    r"officer|sheriff|chief|coach|minister|secretary|director|spokesman|spokeswoman|spokesperson|attorney|"
    r"lawyer|prosecutor|actor|actress|singer|star|leader|ceo|founder|pastor)"
)
_NAME_BEFORE_SPEECH_RE = re.compile(r"(?i)\b([^\W\d_][\w'’-]+) " + _SPEECH + r"\b")
_NAME_BEFORE_WHO_RE = re.compile(r"(?i)\b([^\W\d_][\w'’-]+), who\b")  # "sainte-lagüe, who has ..."
_NAME_AFTER_TITLE_RE = re.compile(r"(?i)\b" + _TITLE_WORDS + r"\.? ([^\W\d_][\w'’-]+)(?: ([^\W\d_][\w'’-]+))?")
_PLURAL_RE = re.compile(r"(?:[^su'’]s|ies)$|^(?:men|women|people|children|police|staff|crew|family|couple)$")


def folded(text: str) -> bool:
    """Whether ``text`` (a whole article) was folded to lower case: its words past a sentence's first
    hardly ever start with a capital."""
    words = capitals = 0
    for m in re.finditer(r"(?<=[\w,;'’\"”)] )[^\W\d_][\w'’-]*", text):
        words += 1
        capitals += m.group()[0].isupper()
    return words >= FOLDED_MIN_WORDS and capitals < FOLDED_CAPITALS * words


def folded_names(text: str, entities: Iterable[str] = ()) -> frozenset[str]:
    """The words ``text`` (a whole article folded to lower case) uses as names: the words of ``entities``
    (the annotator's names), words before a verb of speech ("oreskes said") and words after a title ("mr.
    obama", "lt. joe mocsiran"), function words left out."""
    found: set[str] = set()
    for entity in entities:
        found.update(_words(entity))
    for m in (*_NAME_BEFORE_SPEECH_RE.finditer(text), *_NAME_BEFORE_WHO_RE.finditer(text)):
        found.add(m.group(1).lower())
    for m in _NAME_AFTER_TITLE_RE.finditer(text):
        found.update(w.lower() for w in m.groups() if w)
    found = {re.split(r"['’]", w)[0] for w in found}
    return frozenset(w for w in found if len(w) > 1 and w not in _NOT_ANTECEDENT and w not in _PRONOUNS and w != "it")


_MORE_PERSON_NOUNS = frozenset(
    "president resident student agent client parent tenant defendant plaintiff victim witness friend "
    "neighbour neighbor guest host nominee rapper comedian celebrity veteran cowboy".split()
)


# a finite verb after a word: the word is the subject ("wolford had posted", "couch won a delay")
_FOLDED_VERBS = frozenset(
    "was is has had will would could can must may might should did does said says told became won lost made took "
    "gave got went came saw "
    "left began kept held met paid sent wrote".split()
)
_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your some any every each no another such".split()
)


def _folded_cataphora(outside: str, at: int) -> bool:
    """The pronoun is in an opening phrase ended by a comma and a subject that is no pronoun ("Nine days before
    she beat ..., naomi osaka ...", "Dressed in turquoise with her handbag at her side, the queen ...")."""
    comma = outside.find(",")
    before = _words(outside[:at])
    if comma < at or len(outside[:comma].split()) > 25 or not before or before[0] in _PRONOUNS:
        return False  # '"...," he told the daily herd, a campus news site.': the pronoun is the subject
    if any(w in _FOLDED_VERBS or (w.endswith("ed") and len(w) > 4) for w in before[1:]):
        return False  # "The money could explain how they paid ..., the officials said.": a main clause
    rest = _words(outside[comma + 1 :])
    return bool(rest) and rest[0] not in _PRONOUNS and rest[0] not in _THIRD_PERSON and rest[0] != "it"


def _folded_subject(words: list[str], k: int) -> bool:
    """``words[k]`` is a subject with no determiner before it and a finite verb after it: a name ("trump did
    not like ...", "omran daqneesh became ...")."""
    if k + 1 >= len(words):
        return False
    after = words[k + 1]
    finite = after in _FOLDED_VERBS or (after.endswith("ed") and len(after) > 4)
    return finite and (k == 0 or words[k - 1] not in _DETERMINERS)


def _person_word(low: str) -> bool:
    """A word for one person: "officer", "spokesman", "president" (not "number", "water")."""
    if low in _PERSON_NOUNS or low in _MORE_PERSON_NOUNS:
        return True
    return (
        len(low) > 4
        and _ACTOR_SUFFIX_RE.search(low) is not None
        and low not in _NOT_ACTOR_WORDS
        and not low.endswith("s")
    )


def _folded_antecedent(outside: str, before: int, names: frozenset[str], *, person: bool) -> bool:
    """Whether lower-cased text before ``before`` holds what the pronoun can stand for (see ``folded_names``):
    for "he"/"she" a name or a word for one person, for "they" also a plural or a body."""
    words = [re.split(r"['’]", w.strip(".,;:-'’").lower())[0] for w in _WORD_RE.findall(outside)]
    count = len(_WORD_RE.findall(outside[:before]))
    for k, low in enumerate(words[:count]):
        if len(low) < 2 or low in _NOT_ANTECEDENT or low in _THIRD_PERSON or low in _RELATIVE_WORDS:
            continue
        if _person_word(low):
            return True  # "the officer", "a spokesman"
        group = low in _ACTOR_NOUNS or (low.endswith("s") and _person_word(low[:-1].removesuffix("e")))
        subject = low in names or (_folded_subject(words, k) and not _PLURAL_RE.search(low))
        if subject and (not person or not group):
            return True  # "oreskes said he ...", "trump did not like what he ...": a name (not "officials said")
        if not person and (group or _PLURAL_RE.search(low) or _NUMBERISH_RE.match(low)):
            return True  # "the teens ... they", "police ... they", "two of ... they"
    return False
