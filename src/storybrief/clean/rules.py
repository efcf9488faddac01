"""Junk families: whole lines that are never article text, each with the reason reported to the user.

The patterns describe families (every ad-slot label, every share prompt), not the strings of particular
pages. A line matches when the whole line, after bullets and padding are stripped, belongs to a family;
a real sentence that merely mentions "advertisement" or "cookies" does not match.
"""

from __future__ import annotations

import re

from ..lang import furniture_hints, furniture_patterns

_BULLET_RE = re.compile(r"^[\s•·◦▪►▶»›*\-–—|]+")


def _family(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")$", re.IGNORECASE)


_SHARE_TARGETS = (
    r"facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|print|copy link|"
    r"flipboard|messenger|sms|tumblr|threads|bluesky|youtube|instagram|tiktok|rss|rss feed|google news"
)

# (reason, pattern) in order of precedence. Patterns match the stripped line in full.
LINE_FAMILIES: list[tuple[str, re.Pattern[str]]] = [
    (
        "ad-slot",
        _family(
            r"advertisements?",
            r"ads?",
            r"advert",
            r"sponsored( content| links?| stories)?",
            r"promoted( content| stories)?",
            r"paid (content|post|partnership)",
            r"(story|article|text) continues (below|after)( this)?( (the )?(advertisement|ad))?",
            r"continue reading( (the main story|below|below advertisement|after (the )?(ad|advertisement)))?",
            r"scroll (down )?to continue( with content| reading)?",
            r"skip (advertisement|ad)",
            r"ad feedback",
            r"report (this )?ad",
            r"advertisement:? scroll to continue",
            r"- advertisement -",
            r"(\W*)ad(vertisement)?(\W*)",
        ),
    ),
    (
        "widget-error",
        _family(
            r"oops!?.*",
            r"something went wrong\.?( please try again( later)?\.?)?",
            r"please try again( later)?\.?",
            r"an error (has )?occurred\.?.*",
            r"sorry!?",
            r"there was an error processing your (request|subscription)\.?",
            r"(please )?(enable|turn on) javascript.*",
            r"javascript is (disabled|required).*",
            r"loading(\.\.\.|…)?",
            r"this (content|video|feature|embed) (is )?(not|no longer|currently un)available.*",
            r"we('re| are) sorry,? (but )?this (feature|content|video) is (currently )?unavailable.*",
            r"your browser does not support.*",
            r"video (unavailable|player is loading).*",
            r"refresh the page.*",
        ),
    ),
    (
        "reading-time",
        _family(
            r"\W*\d+[\s-]*(min|mins|minute|minutes)[\s-]*(read|reading|listen)\W*",
            r"(estimated )?(reading|read) time:? *\d+ *(min|mins|minutes?)\.?",
            r"listen to (this|the) (article|story).*",
            r"\d+ (min|mins|minutes?) (ago)",
        ),
    ),
    (
        "in-this-article",
        _family(
            r"in this (article|story|post)\s*:?",
            r"(related|more)( articles?| stories| coverage| topics| content| links)?\s*:?",
            r"(read|see|watch) (more|also|next)\s*:?.{0,160}",
            r"read\s*:\s*.{1,200}",
            r"also read\s*:?.{0,160}",
            r"recommended( for you| stories| reading)?\s*:?",
            r"(most|more) (popular|read|viewed|shared)( stories| articles| now)?\s*:?",
            r"trending( now| stories)?\s*:?",
            r"(top|latest|more) (stories|news|headlines)\s*:?",
            r"up next\s*:?",
            r"you (may|might) (also )?(like|be interested in)\s*:?",
            r"what to read next\s*:?",
            r"more from [\w .&'-]{2,40}",
            r"(tags?|topics?|categories|filed under|keywords)\s*:.*",
            r"show (more|less)",
            r"load more( stories| articles)?",
            r"view (all|more)( stories| photos)?",
            r"back to (top|gallery)",
            r"jump to comments?",
            r"key points?:?",
            r"highlights?:?",
            r"story (highlights|timeline)",
        ),
    ),
    (
        "image-credit",
        _family(
            r"\(?\s*(image|images|photo|photos|photograph|picture|pic|credit|illustration|graphic|file photo|file|video|"
            r"image source|photo credit|image credit)s?\s*(:|\||/|by\b).{0,120}\)?",
            r"\(?\s*(getty|getty images|shutterstock|istock|istockphoto|ap photo|reuters photo|file)"
            r"( photo| images?| via getty images)?\s*\)?",
            r"image \d+ of \d+",
            r"image \d+ of / \d+",
            r"\d+ of \d+",
            r"\d+ ?/ ?\d+",
            r"caption",
            r"close",
            r"(hide|show) caption",
            r"enlarge this image",
            r"toggle caption",
            r"(open|view|see|expand) (image|gallery|photos?|slideshow)( \d+)?",
            r"(photo|image|video) gallery.*",
            r".{0,80}(/|\|) ?(getty images|ap|afp|reuters|shutterstock|epa-efe|ap photo)",
            r"\[?(photo|image|video)s?\]?",
        ),
    ),
    (
        # a bare wire credit line at the end of a story: "REUTERS", "AFP, Reuters"
        "agency-credit",
        _family(
            r"\(?\s*(ap|afp|reuters|epa|pa|anadolu|xinhua|efe|dpa|ani|pti|ians|bloomberg|kyodo|yonhap|bernama)"
            r"(\s*[,/&]\s*(ap|afp|reuters|epa|pa|anadolu|xinhua|efe|dpa|ani|pti|ians|bloomberg|kyodo|yonhap|bernama))*"
            r"\s*\)?\.?",
        ),
    ),
    (
        "wire-note",
        _family(
            r"\(\s*this (story|article|version|report) (has been|was|is being) (refiled|corrected|updated|changed).{0,200}\)",
            r"\(\s*\$\s*1\s*=\s*[\d.,]+\s*[^()]{1,60}\)",
            r"\(\s*(updates|adds|recasts|corrects)\b[^()]{0,200}\)",
        ),
    ),
    (
        "comment-form",
        _family(
            r"please enter your (comment|name|email( address)?)( here)?!?\.?",
            r"you have entered an incorrect email address!?",
            r"(leave|post|add|write) a (comment|reply|response)\.?.*",
            r"\d+ (comments?|replies|responses)",
            r"(view|show|hide|read|see|load) (all )?(\d+ )?comments?( \(\d+\))?",
            r"comments?( \(\d+\))?:?",
            r"(log|sign) ?in to (comment|reply|post).*",
            r"cancel reply",
            r"(submit|post) (comment|reply)",
            r"save my name, email,? and website in this browser.*",
            r"your email address will not be published\.?.*",
            r"required fields are marked.*",
            r"name\s*\*?",
            r"email\s*\*?",
            r"website",
            r"comment\s*\*?",
            r"(be the first to|join the conversation|join the discussion).{0,60}",
            r"conversation\s*(\(\d+\))?",
        ),
    ),
    (
        "source-link",
        _family(
            r"source link",
            r"source:? ?link",
            r"(view|read|see) (the )?(original|source)( article| story| post)?\.?",
            r"original (article|story|source)\.?",
            r"source url:?.*",
            r"via:? ?\S+",
            r"source\s*:\s*\S.{0,80}",
        ),
    ),
    (
        "share-prompt",
        _family(
            r"(share|tweet|email|print|save|bookmark)( (this|the) (article|story|post|page|video|obituary))?(\s*on\s*.{1,30})?\s*:?",
            r"share (via|on|to|with)\b.{0,60}",
            r"(click|tap) (here )?to (share|print|email|tweet).*",
            r"follow (us|me|@\w+)\b.{0,80}",
            r"find us on .{1,40}",
            r"connect with us.{0,40}",
            r"(sign up|subscribe|register)( now| today| here| for free)?( (for|to) .{0,80})?[.!]?",
            r".{0,60}\bnewsletters?\b.{0,60}(sign up|subscribe|inbox|delivered|emails?).{0,60}",
            r"(sign up|subscribe|register).{0,80}\bnewsletters?\b.{0,60}",
            r"(get|download|install) (the|our) (free )?(app|apps)\b.{0,60}",
            r"(get|download|install) the .{1,60}\bapp\b.{0,80}",
            r"(join|follow) (us|our) (on )?.{0,30}(channel|telegram|whatsapp).{0,40}",
            r"thanks? (you )?for (signing up|subscribing)!?.*",
            r"keep an eye on your inbox.*",
            r"you('ve| have) been subscribed.*",
            r"invalid email( address)?.*",
            r"please (verify|re-enter|check).{0,80}(email|opt-in|box).*",
            r"(" + _SHARE_TARGETS + r")(\s*[|/,·•]?\s*(" + _SHARE_TARGETS + r"))*",
            r"(log ?in|sign ?in|log ?out|sign ?out|register|subscribe|my account|account settings|menu|search|home|"
            r"skip to (main )?content|skip to navigation|toggle navigation|close menu|open menu|main menu|navigation|"
            r"go to top|return to top|back to top|top)",
        ),
    ),
    (
        "cookie-notice",
        re.compile(
            r"^(?=.*\b(we use cookies|(this|our) (web)?site uses cookies|uses cookies|accept (all )?cookies|"
            r"cookie (settings|preferences|policy|consent|notice)|(consent|agree) to (the use of |our use of )?cookies)\b)"
            r"(?=.*\b(you|your|we|our|us)\b).{0,400}$",
            re.IGNORECASE,
        ),
    ),
    (
        "copyright",
        re.compile(
            r"^(?:(©|\(c\)|copyright|ⓒ)\s*.{0,200}|.{0,200}\ball rights reserved\b.{0,100}|"
            r".{0,80}\bmay not be (re)?published, broadcast, rewritten,? or redistributed\b.{0,120}|"
            r"(privacy( policy| notice)?|terms( of (use|service))?|cookie policy|terms & conditions|contact( us)?|about( us)?|"
            r"advertise( with us)?|careers|site ?map|accessibility|help|faq|imprint|legal|ad choices|do not sell my (personal )?info(rmation)?)"
            r"(\s*[|/·•,]\s*(privacy( policy| notice)?|terms( of (use|service))?|cookie policy|contact( us)?|about( us)?|"
            r"advertise( with us)?|careers|site ?map|accessibility|help|faq|ad choices))*)$",
            re.IGNORECASE,
        ),
    ),
    (
        "moderation-notice",
        re.compile(
            r"^.{0,300}\b(safe and engaging place for users|temporarily suspending (article )?comment|comments (are|have been) "
            r"(closed|disabled|turned off)|community (guidelines|standards)|commenting (has been|is) (closed|disabled)|"
            r"comments are moderated|we reserve the right to (remove|delete) comments)\b.{0,400}$",
            re.IGNORECASE,
        ),
    ),
    ("bare-url", re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)),
]


# Families whose members can be long sentences; every other family is made of short lines.
_LONG_FAMILIES = {"cookie-notice", "copyright", "moderation-notice"}
_SHORT_LINE_CHARS = 200
# A line of more than a dozen words is junk only if it has one of these words (every family whose
# members can be that long contains one); other sentences skip the costly patterns.
_SHORT_LINE_WORDS = 12
_ANY_HINTS = frozenset(
    "cookie cookies © ⓒ c copyright rights redistributed comment comments commenting community engaging suspending "
    "moderated photo photos photograph image images picture pictures pic credit credits read reading tag tags topic "
    "topics keywords filed newsletter newsletters sign subscribe subscribing register javascript sorry error email "
    "e mail follow share sharing download install app apps advertisement advertisements advert ad ads sponsored "
    "sponsor source continue continues scroll caption gallery thanks inbox verify privacy terms policy oops wrong "
    "unavailable browser listen video via more popular trending recommended next reply refiled corrected updates "
    "updated website".split()
)
_HINT_TOKEN_RE = re.compile(r"[a-z©ⓒ]+|\$")
# Every long-line family contains one of these words; lines without them skip the costly patterns.
_LONG_HINTS = (
    "cookie",
    "©",
    "ⓒ",
    "(c)",
    "copyright",
    "rights reserved",
    "redistributed",
    "comment",
    "engaging place",
    "community guidelines",
    "community standards",
)


def _combined(families: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
    """One alternation with a named group per family: a single C-level match instead of a Python loop."""
    parts = [f"(?P<g{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(families)]
    return re.compile("|".join(parts), re.IGNORECASE)


_ALL_RE = _combined(LINE_FAMILIES)
_LONG = [(reason, pattern) for reason, pattern in LINE_FAMILIES if reason in _LONG_FAMILIES]
_LONG_RE = _combined(_LONG)


# The header of a readers' comment section: everything after it is comments, not article.
COMMENT_SECTION_RE = re.compile(
    r"^(\d+\s+(comments?|responses?|replies|reactions)|comments|responses|replies|reactions)(\s+(to|on)\s+.{1,200})?\s*:?$|"
    r"^(reader|readers'?|user) comments?:?$|^(join|start) the (discussion|conversation).{0,60}$|"
    r"^(show|view|load|read) (all )?(\d+ )?comments?.{0,20}$|^(\d+ )?comments? \(\d+\)$",
    re.IGNORECASE,
)
# A comment's author line: "thelastfan says:", "Jane Roe wrote:".
_COMMENT_AUTHOR_RE = re.compile(r"^[\w .'@-]{1,40}\s(says|said|wrote|writes|commented):$", re.IGNORECASE)


def is_comment_section_header(line: str) -> bool:
    return COMMENT_SECTION_RE.match(strip_bullets(line)) is not None


def is_comment_author(line: str) -> bool:
    return _COMMENT_AUTHOR_RE.match(line.strip()) is not None


def strip_bullets(line: str) -> str:
    """The line without list bullets, dashes and padding around it."""
    return _BULLET_RE.sub("", line).strip()


# Page furniture listed per language (storybrief.lang): edition pickers, feedback widgets, newsletter
# prompts, disclaimers. Tried after the families above, on lines of any length up to 600 characters.
FURNITURE: list[tuple[str, re.Pattern[str]]] = [(reason, _family(p)) for reason, p in furniture_patterns()]
_FURNITURE_RE = _combined(FURNITURE) if FURNITURE else None
_FURNITURE_HINTS = furniture_hints()
# lines over 200 characters are tried only when they hold a long hint word ("commission", "newsletter"):
# the furniture written with short common words ("More in World", "Reply", "Watch: …") is short itself
_FURNITURE_LONG_LINE = 200
_FURNITURE_LONG_HINT_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(w) for w in _FURNITURE_HINTS if len(w) >= 7), key=len, reverse=True)) + r")\b"
)
_WORD_RE = re.compile(r"\w+")


def junk_reason(line: str) -> str | None:
    """The junk family a whole line belongs to, or ``None`` when it may be article text."""
    text = strip_bullets(line)
    if not text or len(text) > 600:
        return None
    reason = _family_reason(text)
    if reason is None and _FURNITURE_RE is not None and _furniture_hinted(text):
        m = _FURNITURE_RE.match(text)
        if m is not None:
            reason = _group_reason(m, FURNITURE) if m.end() == len(text) else _slow_reason(text, FURNITURE)
    return reason


def _furniture_hinted(text: str) -> bool:
    lower = text.lower()
    if len(text) > _FURNITURE_LONG_LINE:
        return _FURNITURE_LONG_HINT_RE.search(lower) is not None
    return not _FURNITURE_HINTS.isdisjoint(_WORD_RE.findall(lower))


def _family_reason(text: str) -> str | None:
    lower = text.lower()
    short = len(text) <= _SHORT_LINE_CHARS
    if short and (text.count(" ") < _SHORT_LINE_WORDS or not _ANY_HINTS.isdisjoint(_HINT_TOKEN_RE.findall(lower))):
        m, families = _ALL_RE.match(text), LINE_FAMILIES
    elif any(h in lower for h in _LONG_HINTS):
        m, families = _LONG_RE.match(text), _LONG
    else:
        return None
    if m is None:
        return None
    reason = _group_reason(m, families) if m.end() == len(text) else _slow_reason(text, families)
    if reason == "cookie-notice" and not _mostly_cookies(text):
        return None  # a cookie banner glued to prose: the inline cleaner cuts just the banner
    return reason


_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+")
_CONSENT_RE = re.compile(r"cookie|consent|privacy|agree|accept|personali[sz]", re.IGNORECASE)


def _mostly_cookies(text: str) -> bool:
    sentences = [s for s in _SENTENCE_SPLIT_RE.split(text) if s.strip()]
    return sum(1 for s in sentences if _CONSENT_RE.search(s)) * 2 >= len(sentences)


def _group_reason(m: re.Match[str], families: list[tuple[str, re.Pattern[str]]]) -> str:
    index = int(m.lastgroup[1:]) if m.lastgroup and m.lastgroup[1:].isdigit() else _first_group(m)
    return families[index][0]


def _first_group(m: re.Match[str]) -> int:
    for name, value in m.groupdict().items():
        if value is not None and name.startswith("g") and name[1:].isdigit():
            return int(name[1:])
    raise AssertionError("a match without a family group")


def _slow_reason(text: str, families: list[tuple[str, re.Pattern[str]]]) -> str | None:
    """The combined match stopped short of the line's end: try the families one by one."""
    for reason, pattern in families:
        if pattern.match(text):
            return reason
    return None
