from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from storybrief.clean import metadata as md
from storybrief.model import InputError

IST = timezone(timedelta(hours=5, minutes=30))


def test_updated_and_published_lines_are_aware() -> None:
    found = md.match_date_line("Updated October 1st, 2021 at 11:53 IST")
    assert found is not None and found.updated == datetime(2021, 10, 1, 11, 53, tzinfo=IST)
    assert found.published is None
    found = md.match_date_line("Published March 14th, 2026 at 09:20 IST")
    assert found is not None and found.published == datetime(2026, 3, 14, 9, 20, tzinfo=IST)


def test_bare_date_line_and_prose_with_a_year() -> None:
    found = md.match_date_line("March 13, 2026 2:15 PM UTC")
    assert found is not None and found.published == datetime(2026, 3, 13, 14, 15, tzinfo=UTC)
    assert md.match_date_line("The depot opened in March 2019 after a long dispute over the lease of the pier.") is None


def test_bylines() -> None:
    found = md.match_byline("Reported by: Zaini Majeed")
    assert found is not None and found.byline == ["Zaini Majeed"]
    found = md.match_byline("By Tobias Wren and Amira Sato")
    assert found is not None and found.byline == ["Tobias Wren", "Amira Sato"]
    found = md.match_byline("By Reuters")
    assert found is not None and found.byline == [] and found.agency == "Reuters"
    found = md.match_byline("by Bryan DeArdo | Nov 18, 2019 at 9:24 pm ET • 2 min read")
    assert found is not None and found.byline == ["Bryan DeArdo"] and found.published is not None
    assert md.match_byline("By Friday, the company had sold most of its stock.") is None


def test_wire_credit_splits_reporters_and_editors() -> None:
    result = md.match_wire_credit("(Reporting by A Person, B Person and C Person; Editing by D Person and E Person)")
    assert result is not None
    found, start = result
    assert start == 0
    assert found.byline == ["A Person", "B Person", "C Person"]
    assert found.credits == ["D Person", "E Person"]


def test_wire_credit_at_the_end_of_a_paragraph() -> None:
    line = "The talks resume on Monday. (Additional reporting by Ana Ruiz; Writing by Lena Marsh)"
    result = md.match_wire_credit(line)
    assert result is not None
    found, start = result
    assert line[start:].startswith("(Additional")
    assert found.byline == ["Lena Marsh"] and found.credits == ["Ana Ruiz"]


def test_contributors_line_gives_agency_and_credits() -> None:
    found = md.match_contributors("Ann Lee, Bo Chan and Cy Diaz of CNN contributed to this report.")
    assert found is not None and found.agency == "CNN" and found.credits == ["Ann Lee", "Bo Chan", "Cy Diaz"]
    found = md.match_contributors("The Associated Press contributed to this report.")
    assert found is not None and found.agency == "AP" and found.credits == []


def test_datelines() -> None:
    assert md.match_dateline("WASHINGTON (Reuters) -North Korea's tests") == ("WASHINGTON", "Reuters", 22)
    place, agency, _ = md.match_dateline("SEOUL, South Korea (AP) — The North fired") or ("", None, 0)
    assert (place, agency) == ("SEOUL, South Korea", "AP")
    assert md.match_dateline("VALEPORT — Residents returned")[:2] == ("VALEPORT", None)  # type: ignore[index]
    assert md.match_dateline("KESTREL BAY, N.Y. \u2015 If the ferry ran")[:2] == ("KESTREL BAY, N.Y.", None)  # type: ignore[index]
    assert md.match_dateline("NATO said on Monday that") is None
    assert md.match_dateline("US officials: the plan") is None


def test_press_release_datelines() -> None:
    place, wire, day, _ = md.match_release_dateline(
        "KESTREL BAY, Ore., March 3, 2021 /PRNewswire-USNewswire/ -- The ferry company said"
    ) or ("", "", None, 0)
    assert (place, wire, day) == ("KESTREL BAY, Ore.", "PR Newswire", datetime(2021, 3, 3, tzinfo=UTC))
    text = "kestrel bay, nov. 30, 2018 / businesswire/ -- the ferry company said"
    found = md.match_release_dateline(text)
    assert found is not None and found[1] == "Business Wire" and text[found[3] :].startswith("the ferry")
    assert md.match_release_dateline("The council met on Nov. 30, 2018 / and said") is None
    assert md.match_release_dateline("KESTREL BAY, Nov. 30, 2018 -- The ferry") is None  # no wire: no release


def test_a_press_release_dateline_is_cut_and_dates_an_undated_release(tmp_path: Path) -> None:
    from storybrief.pipeline import load

    record = {
        "id": "pr",
        "text": "kestrel bay, nov. 30, 2018 / prnewswire/ -- harbour lines today announced a new ferry route "
        "between kestrel bay and the islands, pending approval by the port authority. the route opens in spring.",
    }
    (tmp_path / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = load([str(tmp_path / "r.jsonl")]).articles
    assert article.text.startswith("harbour lines today announced")
    assert (article.dateline, article.agency) == ("kestrel bay", "PR Newswire")
    assert article.published == datetime(2018, 11, 30, tzinfo=UTC) and article.published_source == "text"


def test_organisations_are_not_people() -> None:
    assert md.is_organisation("Valeport Wire Service")
    assert md.is_organisation("The Associated Press")
    assert not md.is_organisation("Zaini Majeed")
    assert md.is_name("Zaini Majeed") and not md.is_name("Valeport Wire Service")


def test_wire_credit_drops_the_reporters_location() -> None:
    result = md.match_wire_credit("(Additional reporting by Huw Jones in London and Ana Ruiz; Editing by Edwina Gibbs)")
    assert result is not None
    assert result[0].credits == ["Huw Jones", "Ana Ruiz", "Edwina Gibbs"]


def _cleaned(text: str) -> tuple[str | None, str]:
    from storybrief.clean import clean_document
    from storybrief.model import InputFormat, Metadata, RawDocument

    article = clean_document(RawDocument(input="story.txt", format=InputFormat.TEXT, text=text, meta=Metadata()))
    return article.title, article.text


BODY = (
    "The harbour board of Kestrel Bay voted on Tuesday to close the old ferry pier for a year while engineers "
    "rebuild its timber piles, the board's chair said after a three-hour meeting."
)


def test_headline_lines_ending_with_a_stop_are_titles_when_headline_shaped() -> None:
    # title case, a "Name:" label, a line cut off with a semicolon: the headline, not the first sentence
    for head in (
        "Harbour Board Shuts Old Ferry Pier for a Year.",
        "Osei: The pier cannot wait another winter.",
        "Ferry pier to close for repairs;",
    ):
        title, text = _cleaned(f"{head}\n\n{BODY}")
        assert title == head, head
        assert not text.startswith(head[:10]), head
    # a short lead sentence in sentence case stays the text's first sentence; so do two sentences
    for lead in ("The old ferry pier will close for a year.", "Ferry Pier Shuts. Board Votes For Repairs Now."):
        title, text = _cleaned(f"{lead}\n\n{BODY}")
        assert title is None and text.startswith(lead), lead
    # above a paragraph that opens with a dateline, even a sentence-case line is the headline
    title, text = _cleaned(f"Ferry pier to close for a year.\n\nKESTREL BAY - {BODY}")
    assert title == "Ferry pier to close for a year." and text.startswith("The harbour board")
    # a title-case line with nothing longer after it is no headline either
    title, _ = _cleaned("Harbour Board Shuts Old Ferry Pier for a Year.\n\nThe board agreed.")
    assert title is None


def test_date_in_a_url_or_file_name() -> None:
    assert md.date_in_address("https://news.example/2016/02/03/pier-closes") == datetime(2016, 2, 3, tzinfo=UTC)
    assert md.date_in_address("wash-post_2015-12-04_a-killing.txt") == datetime(2015, 12, 4, tzinfo=UTC)
    assert md.date_in_address("report-20190417.html") == datetime(2019, 4, 17, tzinfo=UTC)
    assert md.date_in_address("https://news.example/story?id=20160203") is None  # an id, not the path
    assert md.date_in_address("item-2015-02-30.txt") is None  # no such day
    assert md.date_in_address("press-2016.txt") is None and md.date_in_address("a123456789.txt") is None


def test_an_undated_one_article_file_takes_the_date_in_its_name(tmp_path: Path) -> None:
    from storybrief.clean import clean_document
    from storybrief.ingest import read_inputs
    from storybrief.model import DateSource

    named = tmp_path / "harbour_2026-03-04_pier.txt"
    named.write_text(f"Pier closes.\n\n{BODY}", encoding="utf-8")
    dated = tmp_path / "harbour_2026-03-05_pier.txt"
    dated.write_text(f"Published March 1, 2026\n\n{BODY}", encoding="utf-8")
    dump = tmp_path / "2026-03-06.jsonl"
    dump.write_text(json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    got = {}
    for raw in read_inputs([str(named), str(dated), str(dump)]):
        assert not isinstance(raw, InputError)
        article = clean_document(raw)
        got[Path(article.input.split(":")[0]).name] = (article.published, article.published_source)
    assert got["harbour_2026-03-04_pier.txt"] == (datetime(2026, 3, 4, tzinfo=UTC), DateSource.ADDRESS)
    assert got["harbour_2026-03-05_pier.txt"][1] is DateSource.TEXT  # the text's own date wins
    assert got["2026-03-06.jsonl"] == (None, None)  # a container's name dates none of its records


def test_a_bracketed_date_label_in_the_text_is_cut_and_dates_the_article(tmp_path: Path) -> None:
    from storybrief.pipeline import load

    text = (
        "we have news on the kestrel bay ferry. our reporter has more. ( published monday, may 11, 2015 ) the "
        "ferry company said the route would reopen within a week, after divers checked the hull."
    )
    (tmp_path / "r.jsonl").write_text(json.dumps({"id": "d", "text": text}) + "\n", encoding="utf-8")
    (article,) = load([str(tmp_path / "r.jsonl")]).articles
    assert "published monday" not in article.text and "has more. the ferry company said" in article.text
    assert article.published == datetime(2015, 5, 11, tzinfo=UTC) and article.published_source == "text"
    kept = "the inquiry (updated figures are due in june) found no fault with the crew."
    (tmp_path / "k.jsonl").write_text(json.dumps({"id": "k", "text": kept}) + "\n", encoding="utf-8")
    (other,) = load([str(tmp_path / "k.jsonl")]).articles
    assert other.text == kept and other.published is None  # an aside that is no date line stays
