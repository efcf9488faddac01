"""Which date in a sentence is the date of the event it reports.

A sentence may carry several dates: "Protests that began January 25 turned violent on Friday" reports
what happened on Friday; January 25 is background. The annotate stage runs no dependency parser (see
:mod:`storybrief.annotate.nlp`), so the date attached to the main verb is found by rules over the words
around each date, and each day-valued mention of a sentence gets a *role*:

* ``event``: the main clause's date ("turned violent on Friday", "On Friday, police …");
* ``reporting``: the date of a speech verb ("…, officials said Monday"): what the sentence reports may
  have happened earlier, so it dates the sentence only when no event date does;
* ``background``: a date in a relative clause ("protests that began January 25", ", which began on …,"),
  after "since", "after", "before", "following" or "ahead of" (or a few words into a since-clause), a date
  used as a modifier ("the January 25 revolution"), a possessive one that owns an object ("a delay of
  Friday's debate"), the day of an event named as a goal ("restricted to one lecture on Tuesday"), the
  start of a range ("from Jan 1 to …"), or the end of something that went on until then ("stayed shut until
  Sunday");
* ``expected``: a forecast or a deadline ("until at least April 10", "by Monday", "is expected to … on
  Friday", "will vote on Sunday", "the March 9 deadline"), or any day after the article's publication day;
* ``none``: not an event at all: a birth date ("Born: 12 March 1961", "born on …") or a sentence that is a
  site notice ("Comments are moderated …", "This article was amended on …").

Timelines list what happened: only ``event`` dates place a sentence on a day (``reporting`` ones when the
sentence has no other), so forecasts and deadlines are left out of timelines, never listed as events.
The cues are English, with the few words other languages need taken from their :mod:`storybrief.lang`
table; in a language without cues only the publication-day test applies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..lang import table as language_table
from ..model import TimeMention

EVENT, REPORTING, BACKGROUND, EXPECTED, NONE = "event", "reporting", "background", "expected", "none"

_WORD_RE = re.compile(r"[^\W_][\w'’.-]*|[,;:()\[\]—–]")
# words between a cue and its date that do not break the link ("since early on Friday", "after last week's")
_FILLERS = frozenset("on in at the early late last this mid of around about".split())
_SINCE = frozenset("since after before following ahead prior".split())  # "ahead of", "prior to"
_UNTIL = frozenset("until till through by".split())
_DEADLINE_WORDS = frozenset("deadline deadlines due expiry ultimatum".split())
_SPEECH = frozenset("said says told added stated announced confirmed reported declared wrote tweeted commented".split())
SPEECH_WORDS = _SPEECH
# words after which "that" opens what was said or found, not a relative clause
_COMPLEMENT_VERBS = _SPEECH | frozenset(
    "say tell announce confirm report claim claimed claims warn warned warns believe believed believes think "
    "thought know knew show showed shows found find noted insisted argued denied agreed hope hoped fear feared "
    "alleged acknowledged admitted revealed ruled decided explained indicated suggested means meant learned "
    "learnt estimated predicted expect expected expects so now such given except assuming provided".split()
)
_RELATIVE = frozenset("that which who whom whose where".split())
_AUX = frozenset(
    "is are was were be been being has have had will would shall can could may might must do does did".split()
)
_VERB_SKIP = frozenset("not also later then still already just never reportedly allegedly n't".split())
_PAST_IRREGULAR = frozenset(
    "began begun came went took made gave saw met held left fell rose won lost sold bought paid spent struck "
    "broke brought found became ran led kept fought stood got sent wrote spoke chose drove flew grew knew "
    "threw shot sank fled hit quit said told killed".split()
)
_FUTURE_RE = re.compile(
    r"\b(?:will|'ll|’ll|shall|(?:is|are|was|were)\s+(?:expected|due|scheduled|set|slated|likely|going|poised)"
    r"\s+to|(?:plans?|planning|intends?|aims?|hopes?)\s+to|scheduled\s+for|expected\s+(?:on|by)|upcoming)\b",
    re.I,
)
# "the January 25 revolution": a date between a determiner and a noun modifies the noun
_DETERMINERS = frozenset("the a an this that".split())
_POSSESSIVES = frozenset("its his her their our".split())
_NOT_NOUN = frozenset(
    "of in on at to and or but when that which who as after before since until by for from with against "
    "into over about is are was were has have had will would it its he she they we i there this".split()
)
_BIRTH_RE = re.compile(r"(?i)\b(?:born|birth|birthday|d\.o\.b|dob)\b[\s:,(]*(?:on|in)?\s*$")
_PROFILE_RE = re.compile(r"(?i)^\s*(?:born|died|date of birth|dob|age|nationality|spouse|education)\s*[:(]")
_NOTICE_RE = re.compile(
    r"(?i)\b(?:moderat(?:ed|or|ors|ion)|comments? (?:are|is|have been|were) (?:closed|open|disabled)"
    r"|editor['’]?s note|this (?:article|story|post|page|report) (?:was|has been|had been) "
    r"(?:updated|amended|corrected|modified|edited|changed)|first published|last (?:updated|modified)"
    r"|^\W*(?:posted|published|updated) (?:on|at)\b|all rights reserved|house rules|community guidelines)"
)


# a photo caption: "Picture shows …", or a scene in the present ending with a place and a dated day
# ("People wear masks … in Taipei May 22, 2009."): news prose says "on May 22" and rarely ends so
_CAPTION_RE = re.compile(
    r"(?i)^\W*(?:picture|photo|image|video|footage)s?\s+(?:shows?|taken)\b"
    r"|\bin [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)* (?-i:[A-Z][a-z]{2,8}\.?) \d{1,2}, \d{4}\W*$"
    r"|^(?!.*\b(?:said|says|told|announced)\b).*\b(?:is|are)\b.*, (?-i:[A-Z][a-z]{2,8}\.?) \d{1,2}, \d{4}\W*$"
)
# "a Mail on Sunday journalist", "the Independent on Sunday editor": a title with a weekday in it
_TITLE_ON_DAY_RE = re.compile(r"\b(?:a|an|the)\s+(?-i:[A-Z][\w'’-]+)\s+on\s*$", re.I)
# a finite verb of a reported event in the past: what an undated lead must have to be dated by its day
_PAST_EVENT_RE = re.compile(
    r"(?i)\b(?:was|were|had|has|have|did)\b|\b\w{3,}ed\b|\b(?:" + "|".join(sorted(_PAST_IRREGULAR)) + r")\b"
)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text)]


def is_verb(word: str) -> bool:
    """A lower-cased word that looks like a verb form (an auxiliary, a past, a participle)."""
    return _is_verb(word)


def _is_verb(word: str) -> bool:
    return (
        word in _AUX
        or word in _PAST_IRREGULAR
        or (len(word) > 4 and word.endswith("ed"))
        or (len(word) > 4 and word.endswith("ing") and word not in ("during", "evening", "morning", "spring"))
    )


def _verb_groups(words: Sequence[str]) -> int:
    """Runs of verbs ("was later arrested" is one), as a count of the clauses they head."""
    groups, inside = 0, False
    for w in words:
        if _is_verb(w):
            groups += not inside
            inside = True
        elif not (inside and (w in _VERB_SKIP or w.endswith("ly"))):
            inside = False
    return groups


def _in_relative_clause(before: Sequence[str]) -> bool:
    """``before`` (the sentence's words up to a date) ends inside a relative clause still open there: the
    last relative word was not after a verb of saying ("said that"), and no comma and at most one verb
    stand between it and the date ("protests that began January 25" but not "… that began then continued
    on Friday")."""
    for k in range(len(before) - 1, -1, -1):
        w = before[k]
        if w in (";", ":", "(", ")", "—", "–"):
            return False
        if w in _RELATIVE:
            prev = before[k - 1] if k else ""
            said = any(v in _COMPLEMENT_VERBS for v in before[max(0, k - 4) : k])  # "said on Monday that"
            if w == "that" and (said or prev in ("", ",") or k + 1 == len(before)):
                return False
            between = before[k + 1 :]
            if "," in between:
                return False
            return _verb_groups(between) <= 1
    return False


_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozen dozens hundreds several some".split())
_NP_START = _DETERMINERS | _NUMBER_WORDS | frozenset("these those his her their its our".split())
# words that open a clause: a noun phrase after one is a subject, its participle may be its verb
_CLAUSE_OPENERS = (
    _COMPLEMENT_VERBS
    | _RELATIVE
    | _SINCE
    | frozenset("when as while if because once and but or then , ; : ( — –".split())
)
_FINITE_AFTER = frozenset("was were is are has have had will would".split())


# -ing words that are no participle
_NOT_PARTICIPLES = frozenset("during morning evening spring meeting building hearing briefing ceiling".split())


def _reduced_relative(before: Sequence[str], after: Sequence[str]) -> bool:
    """The date follows a participle that modifies the noun before it ("knows the three soldiers charged on
    Tuesday with war crimes"): a side clause, unless the noun phrase opens a clause and no verb of its own
    follows ("officials said the soldiers charged on Tuesday" reports the charge)."""
    trail = list(before)
    while trail and trail[-1] in _FILLERS:
        trail.pop()
    if len(trail) < 3:
        return False
    part, noun = trail[-1], trail[-2]
    ing = len(part) > 4 and part.endswith("ing") and part not in _NOT_PARTICIPLES
    if part in _SPEECH or not ((len(part) > 4 and part.endswith("ed")) or part in _PAST_IRREGULAR or ing):
        return False
    if not noun.isalpha() or noun in _NOT_NOUN or noun in _NP_START or _is_verb(noun):
        return False
    starts = [j for j in range(max(0, len(trail) - 6), len(trail) - 2) if trail[j] in _NP_START or trail[j].isdigit()]
    if not starts:
        return False
    j = starts[-1]
    if j > 0 and trail[j - 1] not in _CLAUSE_OPENERS:
        return True  # the noun phrase is an object or follows a preposition
    clause = []
    for w in after:
        if w in (",", ";", ":", "that"):  # "warned last weekend that … was": the verb of what was said
            break
        clause.append(w)
    return any(w in _FINITE_AFTER for w in clause)  # "The soldiers charged on Tuesday were named"


def _cue_before(before: Sequence[str]) -> str:
    """The nearest word before a date that is not a filler ("since" in "since early on Friday"); "after"
    in "after arriving on Sunday" too (a participle after such a word is part of its side clause)."""
    # "since Russia's", "ahead of its Tuesday launch": an owner before the date is no cue
    words = [w for w in before[-6:] if w not in _FILLERS and w not in _POSSESSIVES and not w.endswith(("'s", "’s"))]
    if len(words) > 1 and words[-1].endswith("ing") and words[-2] in _SINCE:
        return words[-2]
    return words[-1] if words else ""


def mention_role(
    text: str,
    sentence: tuple[int, int],
    mention: TimeMention,
    published: date | None,
    language: str | None = None,
) -> str:
    """The role (see the module) of ``mention``, a day-valued date in ``text[sentence[0]:sentence[1]]``."""
    lo, hi = sentence
    head = text[lo : mention.start]
    day = mention.value[:10] if mention.value else ""
    if _BIRTH_RE.search(head[-40:]) or _PROFILE_RE.match(head):
        return NONE
    if published is not None and day > published.isoformat():
        return EXPECTED
    table = language_table(language)
    if table is not None and table.code != "en":
        return _other_language_role(head, day, published, table.date_cues)
    before = _words(head)
    after = _words(text[mention.end : min(hi, mention.end + 60)])
    cue = _cue_before(before)
    nxt = after[0] if after else ""
    if (
        _TITLE_ON_DAY_RE.search(head[-40:])
        and nxt.isalpha()
        and nxt.islower()
        and nxt not in _NOT_NOUN
        and not _is_verb(nxt)
    ):
        return NONE
    if cue == "of" and len(before) > 1 and before[-2] in ("ahead", "anniversary"):
        return BACKGROUND
    if cue in _UNTIL or cue in _DEADLINE_WORDS:
        return EXPECTED if mention.direction == "future" or (published and day >= published.isoformat()) else BACKGROUND
    if cue in _SINCE or (cue == "to" and len(before) > 1 and before[-2] == "prior") or _in_since_clause(before):
        return BACKGROUND
    nxt = after[0] if after else ""
    if nxt in _DEADLINE_WORDS:
        return EXPECTED
    if before and before[-1] in _DETERMINERS and nxt.isalpha() and nxt not in _NOT_NOUN and not _is_verb(nxt):
        return BACKGROUND  # "the January 25 revolution", "the March 9 vote"
    if mention.direction == "future" or (day == (published.isoformat() if published else "") and _future(head)):
        return EXPECTED
    if _PLANNED_RE.search(re.split(r"[;:]|,\s", head)[-1]):
        return EXPECTED  # "was meant to meet him on Sunday": a plan of that day, not what happened
    if _in_relative_clause(before) or _reduced_relative(before, _words(text[mention.end : min(hi, mention.end + 160)])):
        return BACKGROUND
    if _possessive(text, mention) and not _possessive_sets_the_time(before):
        return BACKGROUND  # "seek a delay of Friday's debate": Friday is the debate's, not the seeking's
    if _goal_event(before):
        return BACKGROUND  # "restricted him to one lecture on Tuesday", "invited them to talks on Friday"
    if cue in _RANGE_START and after[:1] and after[0] in _RANGE_END:
        return BACKGROUND  # "from Jan 1 to Sept 18": the start of a span, its end is the news
    if (cue in _SPEECH and not _possessive(text, mention)) or (nxt in _SPEECH and after[1:2] != ["that"]):
        return REPORTING  # "officials said Monday", "Monday said"
    return EVENT


def _in_since_clause(before: Sequence[str]) -> bool:
    """The date sits a few words into a clause or phrase opened by "since" ("Since Putin on Wednesday
    announced …, flights have sold out", "since its fiscal year-end in June"): background to the main one."""
    for k in range(len(before) - 1, max(-1, len(before) - 6), -1):
        w = before[k]
        if w in (",", ";", ":", "(", ")", "—", "–") or w in _RELATIVE or w in _SPEECH:
            return False
        if w == "since":  # not "before"/"after": "appeared before a judge on Friday" is the appearing
            return True
    return False


_RANGE_START = frozenset(("from", "between"))
_RANGE_END = frozenset(("to", "until", "till", "through", "and", "—", "–"))
# prepositions before "Tuesday's debate" that set the main verb in that event ("charged during Tuesday's debate")
_DURING = frozenset("at during in on throughout amid amidst".split())


_EVENT_NOUNS = frozenset(
    "meeting meetings lecture lectures talk talks summit debate vote hearing speech visit conference session "
    "ceremony rally match game election referendum trial briefing".split()
)
_GOAL_FILLERS = frozenset("a an the one just only two three his her their its".split())


def _goal_event(before: Sequence[str]) -> bool:
    """The date hangs on an event named as a goal or purpose: "to just one lecture on Tuesday", "for talks
    on Friday": the lecture's day, not that of the verb before it."""
    words = list(before)
    while words and words[-1] in _FILLERS:
        words.pop()
    if not words or words[-1] not in _EVENT_NOUNS:
        return False
    k = len(words) - 2
    if k >= 0 and words[k].isalpha() and words[k] not in _NOT_NOUN | _GOAL_FILLERS and not _is_verb(words[k]):
        k -= 1  # one modifier: "to peace talks", "for a council vote"
    while k >= 0 and words[k] in _GOAL_FILLERS:
        k -= 1
    return k >= 0 and words[k] in ("to", "for")


def _possessive(text: str, mention: TimeMention) -> bool:
    """The date owns a noun: "Friday's debate", "Tuesday’s vote"."""
    return mention.text.endswith(("'s", "’s")) or text[mention.end : mention.end + 2] in ("'s", "’s")


def _possessive_sets_the_time(before: Sequence[str]) -> bool:
    """A possessive date names the time of the main verb only when its noun is the clause's subject ("Tuesday's
    attack killed 20", "officials said Tuesday's attack …") or the event the verb happened at ("during
    Tuesday's debate, X charged …"); as an object ("a delay of Friday's debate") it belongs to its noun."""
    return not before or before[-1] in _CLAUSE_OPENERS or before[-1] in _DURING


# a plan told in the past: whether it happened the sentence does not say
_PLANNED_RE = re.compile(
    r"(?i)\b(?:(?:was|were|had been)\s+(?:not\s+)?(?:meant|supposed|due|scheduled|set|slated|expected|planned|"
    r"poised|going|hoping|intended)\s+to|had\s+(?:planned|intended|hoped|wanted|promised|pledged|vowed)\s+to|"
    r"(?:was|were)\s+to\s+have)\b"
)


def _future(head: str) -> bool:
    """The clause before a date speaks of what is to come ("is expected to … later today")."""
    clause = re.split(r"[;:]|,\s", head)[-1]
    return _FUTURE_RE.search(clause) is not None


def _other_language_role(head: str, day: str, published: date | None, cues: tuple[tuple[str, str], ...]) -> str:
    """The same test for a language with a table: its words for "since", "until" and "will" before the date."""
    tail = head[-40:].lower()
    for word, role in cues:
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)[^.,;]*$", tail):
            if role == EXPECTED and published is not None and day < published.isoformat():
                return BACKGROUND
            return role
    return EVENT


# a past participle right after a perfect auxiliary ("has found", "have been"): background or a state
_PERFECT_RE = re.compile(r"(?i)\b(?:has|have|had|'ve|’ve)\s+(?:\w+ly\s+|not\s+|also\s+|now\s+)?\w+")
_QUOTE_RE = re.compile(r"[\"“”«»„]")


def reports_simple_past(sentence: str) -> bool:
    """The sentence tells a finished event in the simple past ("Rebels took the airport", "was unveiled"),
    not a state ("is in its consultation phase"), a perfect ("a study has found", "has made … more severe":
    news of no particular day) or a quote: what an undated lead must be to be shown on its publication day."""
    if _QUOTE_RE.search(sentence):
        return False
    rest = _PERFECT_RE.sub(" ", sentence)
    return any(m.group(0).lower() not in ("has", "have", "had") for m in _PAST_EVENT_RE.finditer(rest))


# what an undated lead says when it is background or a reflection, not the news of its day: an argument
# opening with "For" + a clause ("For although the offensive succeeded, …"), a stance held over time in the
# perfect ("Sanofi has stressed the importance of …"), something still going on ("ASEAN has been leading …")
_REFLECTION_RE = re.compile(
    r"^\W*For\s+(?:although|though|while|if|unless|whereas|because|it|we|they|there|this\s+is|that\s+is)\b"
    r"|\b(?:has|have)\s+(?:long\s+|repeatedly\s+|consistently\s+|always\s+|often\s+|also\s+)?"
    r"(?:stressed|emphasi[sz]ed|insisted|maintained|argued|championed|advocated|touted|highlighted|underlined"
    r"|underscored|favou?red|opposed|resisted|defended)\b"
    r"|\b(?:has|have)\s+(?:long\s+|also\s+)?been\s+(?!\w+ing\s+(?:to|for)\b)\w{3,}ing\b",
    re.I,
)


def is_reflection(sentence: str) -> bool:
    """Background or a reflection rather than the news of a day (see ``_REFLECTION_RE``): an undated lead
    that says so still votes for its publication day but is not shown as what was reported that day."""
    return _REFLECTION_RE.search(sentence) is not None


def looks_ahead(sentence: str) -> bool:
    """The sentence speaks of what is to come ("will", "is expected to", "plans to") or of a plan of the past
    ("was meant to meet")."""
    return _FUTURE_RE.search(sentence) is not None or _PLANNED_RE.search(sentence) is not None


# a participle used as an adjective after a determiner: "the proposed scheme", "a detailed plan"
_ADJECTIVE_PARTICIPLE_RE = re.compile(r"(?i)\b(?:the|a|an|its|their|this|these|those)\s+\w{3,}ed\b")


def reports_past_event(sentence: str, *, strict: bool = False) -> bool:
    """The sentence has a past or perfect verb ("filed", "was", "has agreed"): it may report an event.
    ``strict``: a participle after a determiner is an adjective, no verb ("The proposed scheme is in its
    consultation phase")."""
    if strict:
        sentence = _ADJECTIVE_PARTICIPLE_RE.sub(" ", sentence)
    return _PAST_EVENT_RE.search(sentence) is not None


def is_notice(sentence: str) -> bool:
    """A site notice, not news: "Comments are moderated", "This article was amended on 12 March"."""
    return _NOTICE_RE.search(sentence) is not None or _PROFILE_RE.match(sentence) is not None


def is_caption(sentence: str) -> bool:
    """A photo caption ("Picture shows the port on May 20"): its day is the photo's, often the event's, so
    it may vote for a day, but it is not a sentence to show."""
    return _CAPTION_RE.search(sentence) is not None


def sentence_days(
    text: str,
    sentence: tuple[int, int],
    mentions: Sequence[TimeMention],
    published: date | None,
    language: str | None = None,
) -> list[TimeMention]:
    """The mentions that date the sentence's event: its ``event`` dates, else its ``reporting`` ones."""
    if is_notice(text[sentence[0] : sentence[1]]):
        return []
    roles = [(m, mention_role(text, sentence, m, published, language)) for m in mentions]
    events = [m for m, role in roles if role == EVENT]
    return _without_anniversaries(events) or [m for m, role in roles if role == REPORTING]


def _without_anniversaries(events: list[TimeMention]) -> list[TimeMention]:
    """Of event dates on the same month and day in different years ("the quake of 19 September, on the
    anniversary of the one of 19 September 1985"), only the latest: the earlier is what is remembered."""
    latest: dict[str, str] = {}
    for m in events:
        assert m.value is not None
        latest[m.value[5:10]] = max(latest.get(m.value[5:10], ""), m.value[:10])
    return [m for m in events if m.value is not None and m.value[:10] == latest[m.value[5:10]]]
