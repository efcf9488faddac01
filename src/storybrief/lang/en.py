"""English: the reporting verbs of quote attribution ("said", "told", "pointed out", …), page furniture, and
the abbreviations whose period ends no sentence ("sen.", "dec. 11")."""

from __future__ import annotations

from . import LanguageTable

# in English a reporting verb stands before or after its speaker ("…,” Blinken said / “…,” said Blinken)
REPORTING_VERBS = (
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "stressed",
    "stresses",
    "warned",
    "warns",
    "noted",
    "notes",
    "explained",
    "explains",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "wrote",
    "written",
    "writes",
    "asked",
    "asks",
    "replied",
    "replies",
    "responded",
    "responds",
    "demurred",
    "boomed",
    "cracked",
    "charged",
    "jeered",
    "vowed",
    "pressed",
    "retaliated",
    "vows",
    "declared",
    "declares",
    "announced",
    "announces",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "recalled",
    "recalls",
    "continued",
    "suggested",
    "suggests",
    "urged",
    "urges",
    "reiterated",
    "reiterates",
    "emphasized",
    "emphasised",
    "emphasizes",
    "cautioned",
    "complained",
    "vowed",
    "predicted",
    "conceded",
    "observed",
    "remarked",
    "tweeted",
    "posted",
    "stated",
    "states",
    "stating",
    "testified",
    "concluded",
    "concludes",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "described",
    "describes",
    "called",
    "calls",
    "pointed out",
    "went on",
    "shouted",
    "whispered",
    "joked",
    "quipped",
    "shot back",
    "fired back",
    "retorted",
    "snapped",
    "barked",
    "scoffed",
    "interjected",
    "beamed",
    "gushed",
    "boasted",
    "lamented",
    "agreed",
    "countered",
    "demanded",
    "reported",
    "reports",
    "thinks",
    "believes",
    "believed",
    "wondered",
    "mused",
    "commented",
    "comments",
    "says of",
    "denounced",
    "condemned",
    "mentioned",
    "mentions",
    "informed",
    "instructed",
    "asserted",
    "asserts",
    "fumed",
    "fumes",
    "remembered",
    "exclaimed",
    "sings",
    "sang",
    "sung",
    "chanted",
    "chanting",
    "chants",
    "likened",
    "likens",
    "mocked",
    "mocks",
    "blasted",
    "blasts",
    "slammed",
    "slams",
    "labeled",
    "labelled",
    "branded",
    "brands",
    "dubbed",
    "dubs",
    "decried",
    "praised",
    "hailed",
    "accused",
    "attacked",
    "texted",
    "pledged",
    "touted",
    "cheered",
    "yelled",
    "screamed",
    "proclaimed",
    "echoed",
    "insisting",
    "warning",
    "noting",
    "arguing",
    "asking",
    "explaining",
    "promising",
    "vowing",
    "calling",
    "describing",
    "pleaded",
    "begged",
    "answered",
    "recounted",
    "summed up",
    "put it",
    "offered",
    "reads",
    "predicts",
    "fears",
    "feared",
    "hopes",
    "hoped",
    "dismissed",
    "characterized",
    "characterised",
    "termed",
    "terms",
)

# Page furniture: (reason, pattern matching a whole line). Families, not the strings of particular pages;
# the structural rules of storybrief.clean (region, captions by context) do the rest.
FURNITURE = (
    # edition pickers, feedback and correction widgets
    ("site-widget", r"would you like to make this your default edition\??"),
    ("site-widget", r"(set|make) (this|.{1,40}) (as )?(your|my) (default|preferred) edition\.?"),
    ("site-widget", r"you('ve| have) (been )?switched to the .{1,40} edition\.?.{0,60}"),
    ("site-widget", r"(choose|select|change|set) (your |an )?edition:?"),
    (
        "site-widget",
        r"thanks?( you)? for (helping us improve|your feedback|the feedback)( on this (article|page|story))?[.!]*",
    ),
    (
        "site-widget",
        r"(was|is|did you find) this (article|page|story|information|content|answer)( was)? (helpful|useful)\??"
        r"( yes,? no)?",
    ),
    ("site-widget", r"(report|suggest|submit) (a|an) (correction|error|typo|mistake)\.?|report error"),
    ("player-notice", r"this video (has been|was|is) (removed|deleted|taken down)( for [\w ]{1,30} reasons)?[.!]?"),
    ("player-notice", r"this slideshow requires javascript\.?"),
    # newsletter and subscription prompts; the verb opens the line or one of its sentences, so that
    # "Residents can subscribe to the council's newsletter at the library." stays
    (
        "newsletter-prompt",
        r"(.{0,80}[.!?] )?(please,? )?(subscribe|sign up|sign-up|register|join|fill (in |out )?the form)\b"
        r".{0,80}\bnewsletters?\b.{0,80}",
    ),
    ("newsletter-prompt", r"(\S+ ){0,5}newsletters?:?"),
    ("newsletter-prompt", r"i (agree|consent) (that|to) .{0,120}(send me|newsletters?|e-?mails?|offers).{0,120}"),
    (
        "newsletter-prompt",
        r"(you('ve| have| are) )?(now |successfully |succesfully )?(subscribed|signed up)[.!]?( thank you[.!]?)?",
    ),
    (
        "newsletter-prompt",
        r"you('ve| have| are) (now |successfully |succesfully )?(subscribed|signed up) (to|for) .{1,60}",
    ),
    ("newsletter-prompt", r"(subscribe|sign up)( now)?,? no,? thanks?\.?|no,? thanks?\.?"),
    (
        "newsletter-prompt",
        r".{0,40}\b(activation|confirmation|verification) (link|e-?mail)\b.{0,40}\bsent to your\b.{0,200}",
    ),
    ("newsletter-prompt", r"please (activate|confirm|verify) your (subscription|e-?mail( address)?).{0,120}"),
    (
        "newsletter-prompt",
        r"(get|have) .{1,60} delivered (to|through|straight to|directly to) your (inbox|letterbox|door|mailbox)"
        r".{0,120}",
    ),
    ("newsletter-prompt", r"stay (up to date|up-to-date|informed|in the know) with .{1,60}"),
    (
        "newsletter-prompt",
        r"(get|enjoy|unlock) (unlimited |full |digital |instant )?access to .{1,120}"
        r"\b(subscriptions?|subscribe|trial|for as little as|per (month|year))\b.{0,400}",
    ),
    # disclaimers, affiliate notes, citation boxes of publishers
    (
        "disclaimer",
        r".{0,160}\bmay (earn|get|receive)\b.{0,40}\b(commission|share of the sale)\b.{0,80}"
        r"\b(if|when) you (buy|purchase|click|shop)\b.{0,200}",
    ),
    (
        "disclaimer",
        r"if you (buy|purchase|click on) (something|anything|a product)\b.{0,200}"
        r"\b(commission|share of the sale)\b.{0,200}",
    ),
    ("disclaimer", r".{0,80}\b(affiliate links?|affiliate commission)\b.{0,200}"),
    ("disclaimer", r"this (document|article|material) is subject to copyright\b.{0,300}"),
    ("disclaimer", r".{0,300}\bare registered trademarks of\b.{0,400}"),
    ("disclaimer", r"quotes (are )?delayed( by)?( at least)? \d+ minutes\b.{0,400}"),
    ("disclaimer", r"\W?these statements have not been evaluated by the food and drug administration\b.{0,300}"),
    ("disclaimer", r"citation: .{1,250}\bretrieved\b.{1,60}\bfrom https?://\S+"),
    # legal footers written as prose: what the site's information is for, results that vary, see a doctor
    (
        "disclaimer",
        r"\W?the (information|content|materials?) (provided |contained |published |presented )?(on|in) this "
        r"(web ?site|site|page|blog)\b.{0,160}\b(intended|informational purposes|not (a )?substitute|"
        r"does not constitute|should not be (used|relied))\b.{0,800}",
    ),
    (
        "disclaimer",
        r"([+*†‡]\s*(individual )?results (may |will |can )?vary\b.{0,800}|(individual )?results (may |will |can )?"
        r"vary\b.{0,300}\b(not typical|not guaranteed|necessary to achieve)\b.{0,600})",
    ),
    (
        "disclaimer",
        r"\W?(always )?(consult|check with|talk (to|with)|speak (to|with)) (your|a) (physician|doctor|"
        r"health ?care (provider|professional)|medical professional)\b.{0,120}\bbefore (beginning|starting|"
        r"using|taking|undertaking) any\b.{0,800}",
    ),
    # social, contact and source notes about the page rather than the story
    (
        "share-prompt",
        r"follow .{1,60} on (twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|x)\b.{0,80}",
    ),
    ("share-prompt", r".{0,80}\b(click|tap)(ing)? here\b.{0,80}"),
    ("contact-line", r".{0,80}\b(can be )?(reached|contacted|emailed) (at|on|via)\s+\S+@\S+.{0,60}"),
    (
        "contact-line",
        r"(contact|email|e-mail|write to) (the )?(author|reporter|writer|us|\w+ \w+) (at|on|via)\s+\S+@\S+.{0,40}",
    ),
    (
        "source-note",
        r"(this|a version of this) (article|story|piece|post|report|column) (was |is |has been |first |originally )+"
        r"(published|appeared|posted|printed)\b.{0,200}",
    ),
    ("source-note", r"originally (published|posted|appeared) (on|at|in|by) .{1,120}"),
    ("media-label", r"(watch|video|listen|photos|gallery|podcast|watch live)\s*:\s*[^.!]{1,120}"),
    # readers' comment widgets: the buttons and counters under each comment, and its time stamp
    (
        "comment-form",
        r"(reply|replies|report|report abuse|flag|like|dislike|upvote|downvote|share|permalink)( \(\d+\))?",
    ),
    ("comment-form", r"\d+ (points?|likes?|replies|upvotes?|votes?)"),
    (
        "time-stamp",
        r"(updated |posted )?(\d+|an?) ?(s|m|h|d|sec|secs|seconds?|min|mins|minutes?|hrs?|hours?|days?|weeks?|"
        r"months?|years?) ago",
    ),
    # headers of related-link lists (the headlines under them are found by the cleaner, by their shape)
    ("related-links", r"(don'?t|do not) miss:?|read this next:?|(our )?latest stories:?"),
    (
        "related-links",
        r"(related|latest|more|top) (news|videos?|articles|stories|posts|coverage)( (from|in|on) .{1,40})?:?",
    ),
    ("related-links", r"more (in|from|on|about) [\w .,&'’-]{1,50}"),
    (
        "related-links",
        r"most (read|popular|viewed|shared|watched)( stories| articles| videos| news)?( (in|on) .{1,40})?:?",
    ),
    # a reader's or a family's picture under a name: "Jonathan P. Blair Submitted photo"
    ("image-credit", r"[^.!?]{0,60}\b(submitted|contributed) (photo|photograph|picture|image)s?\.?"),
    # caption markers of players and galleries
    ("image-caption", r"(image|media|video|photo) caption\b.{0,300}"),
)
# every FURNITURE line holds one of these words (a cheap test that spares the patterns most lines)
FURNITURE_HINTS = frozenset(
    "edition feedback improve helpful useful correction error typo mistake video slideshow newsletter newsletters "
    "subscribe subscribed subscription subscriptions sign register join form agree consent thanks thank "
    "activation confirmation verification activate confirm verify delivered stay access commission sale affiliate "
    "copyright trademarks delayed evaluated citation caption miss next latest related more top most follow click "
    "tap clicking reached contacted emailed contact email write published appeared posted printed watch video "
    "listen photos gallery podcast reply replies report flag like dislike upvote downvote share permalink points "
    "likes upvotes votes votes ago information content material materials results consult check talk speak "
    "always physician submitted contributed".split()
)
# Notes after the article (checked on its last paragraphs only, case kept): an author's bio ("Pulitzer
# Prize-winning journalist A writes a daily blog ..."), a press release's company boilerplate ("Ascom is a
# global solutions provider focused on ..."; "X is headquartered in ..."). A news paragraph about a
# company says what it did, not what it is and where it sits.
_ORG = r"[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|&|of|and|the|de|für)){0,5}(?: \([^)]{1,40}\))?"
END_NOTES = (
    (
        "author-bio",
        r"(?:[\w-]+ ){0,4}(?:journalist|reporter|writer|columnist|correspondent|editor|blogger|author) "
        r"(?:[A-Z][\w.'’-]+ ){1,3}(?:writes|covers|has written|has covered|is the author of)\b.{0,700}",
    ),
    (
        "author-bio",
        r"(?:[A-Z][\w.'’-]+ ){1,3}(?:is|has been) an? (?:[\w-]+ ){0,4}(?:journalist|reporter|writer|columnist|"
        r"correspondent|editor|blogger|contributor) (?:at|for|with) [^.]{1,80}"
        r"(?:\. (?:She|He|They|Before|Previously|Prior)\b|\b(?:covering|based in)\b).{0,700}",
    ),
    (
        "about-company",
        _ORG + r",? (?:is|are) (?:a|an|the) (?:(?!(?:of|with|in|on|and|who|that|for|at) )[\w-]+,? ){0,5}"
        r"(?:provider|company|manufacturer|developer|supplier|"
        r"maker|firm|leader|group|organi[sz]ation|producer|operator|platform|specialist)\b.{0,1000}",
    ),
    ("about-company", _ORG + r",? (?:is|are) (?:headquartered|based) in .{0,1000}"),
    ("about-company", r"For (?:more|further|additional) information,? (?:about|on|please|visit).{0,300}"),
)
END_NOTE_HEADERS = (
    ("author-bio", r"About (?:the|this) (?:author|writer|reporter|columnist)s?:?"),
    ("about-company", r"About " + _ORG + r":?"),
)
# Furniture that scrapers glue into running text ("... media playback is not supported on this device this
# video has been removed for rights reasons sir roger ..."): cut wherever it stands.
INLINE_FURNITURE = (
    ("site-widget", r"\bwould you like to make this your default edition\?\s*"),
    ("site-widget", r"\bthank you for helping us improve(?:!|\.(?=\s|$)|$)\s*"),
    ("player-notice", r"\bthis video has been removed(?: for rights reasons\.?|\.|$)\s*"),
)
# titles and words that stand before a name: "sen. jones", "st. louis", "sault ste. marie", "mt. everest"
NAME_ABBREVIATIONS = (
    "mr",
    "mrs",
    "ms",
    "messrs",
    "dr",
    "prof",
    "sen",
    "sens",
    "rep",
    "reps",
    "gov",
    "lt",
    "gen",
    "col",
    "maj",
    "capt",
    "cpl",
    "sgt",
    "adm",
    "cmdr",
    "rev",
    "hon",
    "pres",
    "supt",
    "insp",
    "det",
    "atty",
    "st",
    "ste",
    "mt",
    "ft",
    "pt",
)
# months and words that stand before a number: "dec. 11", "jan. 2010", "no. 3", "vol. 2"
NUMBER_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "nos",
    "vol",
    "ch",
    "fig",
    "pp",
    "art",
    "sec",
    "approx",
    "est",
)
# first names that English-language news gives one gender almost always, for the pronoun a person takes
# ("she said" after "Ana Ruiz and Tom Kell" is Ruiz): names given to both (Jordan, Kelly, Robin) are left out
MALE_FIRST_NAMES = frozenset(
    """
    aaron abdul abdullah adam adrian ahmad ahmed al alan albert alexander alfred ali andrew andy angus
    anthony antonio arnold arthur barack barry ben benjamin bernard bernie bill billy bob bobby boris brad
    bradley brandon brendan brett brian bruce bryan calvin carl carlos charles charlie chuck clarence clint
    colin craig curt dan daniel danny darren dave david dean dennis derek dick don donald doug douglas
    duncan dwight earl ed eddie edward elijah elliot emmanuel eric ernest eugene francisco frank franklin
    fred frederick gary gavin gene geoffrey george gerald giuseppe gordon graham grant greg gregory gus hans
    harold harry hassan hector henry herbert howard hugh hunter ian ibrahim isaac ivan jack jacob jake james
    jason jeb jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jorge jose joseph
    josh joshua juan justin karl keith ken kenneth kevin klaus kurt larry lawrence leonard lloyd louis luis
    luke malcolm marco mark martin matt matthew max michael miguel mike mitch mitt mohamed mohammed muhammad
    nathan neil nicholas nick nigel noah norman oliver omar oscar patrick paul pedro peter phil philip
    pierre ralph randy ray raymond reince richard rick rob robert roger ron ronald ross roy rudy russell
    ryan samuel scott sean sergei seth shawn simon stanley stephen steve steven stuart ted terrence thomas
    tim timothy todd tom tomas tommy tony travis trevor troy tyler victor vincent vladimir walter warren
    wayne wesley william willie yusuf zachary
    """.split()
)
FEMALE_FIRST_NAMES = frozenset(
    """
    abigail aisha alice alicia alison amanda amber amy ana angela angelina ann anna anne annie barbara betsy
    betty beverly brenda bridget caitlin carla carly carmen carol caroline catherine cathy charlotte cheryl
    christina christine cindy claire claudia colleen condoleezza cynthia daisy danielle debbie deborah debra
    denise diana diane donna doris dorothy elaine eleanor elena elizabeth ellen emily emma erica erin eva
    evelyn fatima florence frances gabrielle gillian gina gloria grace hannah harriet heather heidi helen
    hillary holly ines ivanka jacqueline jane janet janice jennifer jessica jill joan joanna jodi josephine
    joy joyce judith judy julia julie karen kate katherine kathleen kathryn kathy katie kelli kirsten
    kristen laura lauren linda lisa liz loretta lori louise lucia lucy lynn madeleine margaret maria mariam
    marie marilyn martha mary maureen megan megyn melania melissa michelle mika monica nancy natalie nicole
    nikki nina nora norah nurul olivia pamela patricia paula pauline peggy rachel rebecca regina rita rosa
    rose ruth sally samantha sandra sara sarah sharon sheila shirley siti sofia sophia stephanie sue susan
    suzanne tammy teresa theresa tiffany tina valerie vanessa victoria virginia wendy yvonne zoe
    """.split()
)
# auxiliaries: a statement never opens with one ("... in mcdowell county, n.c. Have been lifted ...")
CONTINUATIONS = ("have", "has", "had", "is", "are", "was", "were", "been", "being")

TABLE = LanguageTable(
    code="en",
    name="English",
    speech_verbs=REPORTING_VERBS,
    inverted_verbs=REPORTING_VERBS,
    according_to=("according to",),
    pronouns=("he", "she", "they", "it", "we", "i"),
    furniture=FURNITURE,
    inline_furniture=INLINE_FURNITURE,
    furniture_hints=FURNITURE_HINTS,
    end_notes=END_NOTES,
    end_note_headers=END_NOTE_HEADERS,
    name_abbreviations=NAME_ABBREVIATIONS,
    number_abbreviations=NUMBER_ABBREVIATIONS,
    continuations=CONTINUATIONS,
)
