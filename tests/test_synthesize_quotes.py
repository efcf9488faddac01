"""Key quotes you can print (issue 11): verbatim pieces, no cut commas, every wording shown, the reference
wording chosen well, rewritten-only quotes marked, one statement per group. The stories are invented."""

from __future__ import annotations

import json

import jsonschema

from storybrief.annotate.quotes import link_quotes
from storybrief.model import Article, DuplicateOf, InputFormat, Quote, Report, RewriteOf, StoryBrief
from storybrief.render.brief_html import report_html
from storybrief.render.brief_json import brief_schema, report_json
from storybrief.render.brief_md import report_markdown
from storybrief.synthesize.quotes import key_quotes


def _article(aid: str, text: str, speaker: str | None = "Ana Lint", outlet: str | None = None) -> Article:
    """An article whose quotes are its “…” spans, consecutive spans joined by ' she said. ' as one quote."""
    article = Article(id=aid, input=f"{aid}.txt", format=InputFormat.TEXT, text=text, outlet=outlet or aid)
    spans = []
    at = 0
    while (open_at := text.find("“", at)) != -1:
        close = text.index("”", open_at)
        spans.append((open_at + 1, close))
        at = close + 1
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        if groups and text[groups[-1][-1][1] : span[0]] == "” she said. “":
            groups[-1].append(span)
        else:
            groups.append([span])
    for g in groups:
        pieces = " … ".join(text[a:b] for a, b in g)
        article.quotes.append(Quote(pieces, g[0][0], g[-1][1], speaker, parts=tuple(g) if len(g) > 1 else ()))
    return article


def _report(articles: list[Article]) -> tuple[Report, list]:
    quotes = key_quotes(articles, link_quotes(articles))
    story = StoryBrief("s1", "Pier closed", None, [a.id for a in articles], quotes=quotes)
    return Report(articles, [story], [], []), quotes


def _verbatim(articles: list[Article], quotes: list) -> None:
    by_id = {a.id: a for a in articles}
    for q in quotes:
        for w in q.wordings:
            assert w.parts
            for p in w.parts:
                assert by_id[w.article].text[p.start : p.end] == p.text
        assert not q.text.endswith(",")


def test_split_quote_is_shown_as_pieces_and_the_cut_comma_ends_it() -> None:
    text = (
        "The mayor spoke at the harbour. “The pier has stood for ninety years,” she said. "
        "“It will not fall on my watch, whatever the engineers write in their reports,” Lint told reporters."
    )
    a = _article("a", text)
    report, (q,) = _report([a])
    assert [p.text for p in q.parts] == [
        "The pier has stood for ninety years",
        "It will not fall on my watch, whatever the engineers write in their reports",
    ]
    assert q.text == (
        "The pier has stood for ninety years … It will not fall on my watch, whatever the engineers write in "
        "their reports."
    )
    _verbatim([a], [q])
    payload = json.loads(report_json(report))
    parts = payload["stories"][0]["quotes"][0]["parts"]
    assert [text[p["start"] : p["end"]] for p in parts] == [p["text"] for p in parts]
    jsonschema.validate(payload, brief_schema())


def test_every_wording_is_shown_and_the_fluent_independent_one_is_the_reference() -> None:
    fluent = "“We are closing the pier until every pile has been checked by a diver,” Lint said."
    disfluent = (
        "“We are closing the pier until until every pile has been checked by a a diver, all of them,” Lint said."
    )
    a = _article("a", "The council met. " + fluent, outlet="Harbour Post")
    b = _article("b", "Divers are booked. " + fluent, outlet="Valeport Echo")
    c = _article("c", "Fishermen protested. " + disfluent, outlet="Coast Radio")
    c2 = _article("c2", "Fishermen protested. " + disfluent, outlet="Coast Radio Mirror")
    c2.duplicate_of = DuplicateOf("c", 0.99)
    report, (q,) = _report([c, c2, a, b])
    assert "until until" not in q.text and q.wordings[0].articles == ("a", "b")
    other = q.wordings[1]
    assert set(other.articles) == {"c", "c2"} and ("+", "until") in other.diff
    _verbatim([a, b, c, c2], [q])
    md = report_markdown(report)
    assert "(2 wordings)" in md and "other wording" in md and "**until**" in md
    html = report_html(report)
    assert "(2 wordings)" in html and "<mark>until</mark>" in html


def test_wording_of_two_copies_of_one_article_does_not_outvote_an_independent_one() -> None:
    longer = "“The ferry will run from the north quay while the old wooden pier stays shut,” Lint said."
    shorter = "“The ferry will run from the north quay while the pier stays shut,” Lint said."
    a = _article("a", longer)
    a2 = _article("a2", longer)
    a2.duplicate_of = DuplicateOf("a", 1.0)
    b = _article("b", shorter)
    c = _article("c", shorter)
    _, (q,) = _report([a, a2, b, c])
    # two independent sources against one article and its copy, though the copy's wording is longer
    assert "old wooden" not in q.text and q.wordings[0].articles == ("b", "c")
    assert q.articles[:2] == ("b", "c")  # the reference's carriers are cited first


def test_a_rewritten_page_never_gives_the_reference_and_its_only_quote_is_marked() -> None:
    clean = "“The pier will reopen in spring once the new piles are in,” Lint said."
    spun = "“The pier will reopen in spring as soon as the new piles are in,” Lint said."
    own = "“Nobody asked the fishermen what they wanted from this harbour at all,” Lint said."
    a = _article("a", "The works begin. " + clean)
    r = _article("r", "The works begin. " + spun + " " + own)
    r.rewrite_of = RewriteOf(None, 0.8, ("garbled phrasing",))
    report, quotes = _report([r, a])
    shared = next(q for q in quotes if len(q.wordings) == 2)
    assert shared.text.startswith("The pier will reopen") and not shared.rewritten_only
    assert shared.wordings[1].rewritten
    only = next(q for q in quotes if q.text.startswith("Nobody asked"))
    assert only.rewritten_only
    assert quotes[-1] is only  # ranked after what independent pages carry
    assert "⚠ only in a likely rewritten article" in report_markdown(report)
    assert "only in a likely rewritten article" in report_html(report)
    payload = json.loads(report_json(report))
    assert [q["rewritten_only"] for q in payload["stories"][0]["quotes"]] == [q.rewritten_only for q in quotes]
    jsonschema.validate(payload, brief_schema())


def test_a_group_never_joins_two_speakers_through_an_unattributed_copy() -> None:
    words = "“We will not reopen the pier before the divers have checked every single pile,”"
    a = _article("a", words + " said Ana Lint.", speaker="Ana Lint")
    b = _article("b", words + " a voice said.", speaker=None)
    c = _article("c", words + " said Bo Reyes.", speaker="Bo Reyes")
    groups = link_quotes([a, b, c])
    for g in groups:
        speakers = {x.quotes[v.quote].speaker for x in (a, b, c) for v in g.variants if v.article == x.id} - {None}
        assert len(speakers) <= 1


def test_a_group_never_joins_quotes_with_no_words_in_common() -> None:
    first = "The pier has stood for ninety years and it will stand for ninety more"
    second = "Nobody in this town wants a car park where the fish market used to be"
    a = _article("a", f"“{first}.”", speaker="Ana Lint")
    b = _article("b", f"“{first}. {second}.”", speaker="Ana Lint")
    c = _article("c", f"“{second}.”", speaker="Ana Lint")
    for g in link_quotes([a, b, c]):
        texts = [v.text for v in g.variants]
        assert not (any(t.startswith("The pier") and "Nobody" not in t for t in texts) and f"{second}." in texts)


def test_schema_requires_parts_of_key_quotes() -> None:
    a = _article("a", "“The pier has stood for ninety years and will stand for ninety more,” Lint said.")
    report, _ = _report([a])
    payload = json.loads(report_json(report))
    jsonschema.validate(payload, brief_schema())
    del payload["stories"][0]["quotes"][0]["parts"]
    try:
        jsonschema.validate(payload, brief_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("a key quote without parts must not validate")


def test_a_mixed_story_quotes_in_its_main_language_only() -> None:
    english = [
        _article(
            f"en{n}", f"“The new ferry timetable starts on Monday and every crossing will run on time,” she said. {n}"
        )
        for n in range(2)
    ]
    for article in english:
        article.language = "en"
    chinese = _article(
        "zh", "“新的渡轮时刻表将于周一开始实施，所有航班都会准时运行，我们已经做好了准备。”", speaker="林安"
    )
    chinese.language = "zh"
    quotes = key_quotes([*english, chinese], link_quotes([*english, chinese]))
    assert quotes and all(set(q.articles) <= {"en0", "en1"} for q in quotes)  # the Chinese report is coverage
    alone = key_quotes([chinese], link_quotes([chinese]))
    assert [q.speaker for q in alone] == ["林安"]  # a Chinese-only story quotes in Chinese
