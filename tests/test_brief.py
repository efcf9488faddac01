"""``storybrief brief`` on the seeds and the examples: the issue's bars, the JSON Schema, the HTML report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import storybrief
from storybrief.cli.main import app
from storybrief.model import Report
from storybrief.render.brief_html import report_html
from storybrief.render.brief_json import brief_schema, report_json

runner = CliRunner()
SEED_DATES = {
    "001_870e9f19021f3a5b.txt": "2022-01-13",
    "002_ddfa765d78b7652c.txt": "2022-01-13",
    "004_70e507f8643a1b25.txt": "2022-06-13",
}


@pytest.fixture(scope="module")
def seed_paths(seeds_dir: Path) -> list[str]:
    return sorted(str(p) for p in seeds_dir.glob("0*.txt"))


@pytest.fixture(scope="module")
def report(seed_paths: list[str]) -> Report:
    return storybrief.brief(seed_paths)


def test_seeds_three_stories_one_topic_headlines_from_titles(report: Report) -> None:
    assert len(report.stories) == 3 and len(report.topics) == 1
    titles = {a.title for a in report.articles}
    assert all(s.headline in titles for s in report.stories)
    assert report.topics[0].stories == [s.id for s in report.stories] or len(report.topics[0].stories) == 3


def test_every_summary_sentence_is_cited_and_clean(report: Report) -> None:
    by_id = {a.id: a for a in report.articles}
    for story in report.stories:
        assert story.summary
        for s in story.summary:
            assert s.sources and s.sources[0] == s.article
            assert set(s.sources) <= set(story.articles)
            article = by_id[s.article]
            assert article.text[s.start : s.end].strip() == s.text  # copied, never written
            assert not any(f.kind == "garbled" and f.start < s.end and f.end > s.start for f in article.flags)
            assert not re.search(r"(?i)^advertisement|sign up for|read more|leave a (comment|reply)|also read", s.text)
        assert sum(len(s.text.split()) for s in story.summary) <= 120


def test_shared_interview_quotes_shown_once_with_both_outlets(report: Report) -> None:
    story = next(s for s in report.stories if len(s.articles) == 2)
    attention = [q for q in story.quotes if "attention" in q.text]
    assert len(attention) == 1
    assert sorted(attention[0].articles) == sorted(story.articles)
    assert len(attention[0].variants) == 2 and attention[0].speaker == "Antony Blinken"


def test_topic_timeline_across_stories_with_given_dates(seed_paths: list[str], tmp_path: Path) -> None:
    dates = tmp_path / "dates.json"
    dates.write_text(json.dumps(SEED_DATES))
    result = runner.invoke(
        app, ["brief", *seed_paths, "--dates", str(dates), "--timeline-dates", "3", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    timeline = payload["topics"][0]["timeline"]
    assert [e["date"] for e in timeline] == ["2021-09-30", "2022-01-13", "2022-06-13"]
    assert all(e["inferred"] for e in timeline)  # weekdays resolved against publication dates
    assert len({e["story"] for e in timeline}) == 3


def test_json_validates_against_the_schema(report: Report) -> None:
    payload = json.loads(report_json(report))
    jsonschema.validate(payload, brief_schema())
    broken = json.loads(report_json(report))
    broken["stories"][0]["summary"][0]["sources"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, brief_schema())


def test_html_is_self_contained_and_escaped(report: Report) -> None:
    report.articles[0].title = "<script>alert(1)</script>"
    page = report_html(report)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page or "alert(1)" not in page
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    # citations are buttons that open the source sentence in a popover (click, tap, keyboard)
    assert 'class="cite" popovertarget="c1"' in page and 'id="c1" popover>' in page
    assert '<meta name="viewport"' in page and "<title>storybrief</title>" not in page


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_cli_on_examples(examples_dir: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"brief.{fmt}"
    result = runner.invoke(app, ["brief", str(examples_dir), "--format", fmt, "-o", str(out), "--words", "80"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        jsonschema.validate(json.loads(text), brief_schema())
    elif fmt == "md":
        assert text.startswith("# ") and "[1]" in text


def test_single_story_and_bad_input(examples_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json")
    result = runner.invoke(app, ["brief", str(examples_dir), str(bad), "--single-story", "--format", "json"])
    assert result.exit_code == 1  # the run goes on, and says what failed
    payload = json.loads(result.stdout)
    assert len(payload["stories"]) == 1
    assert payload["errors"] and payload["errors"][0]["input"].endswith("broken.json")
    assert "Traceback" not in result.output


def test_no_summary_or_timeline_sentence_is_taken_from_a_rewrite_of_an_article_in_its_story(examples_dir: Path) -> None:
    """The sample holds a spun copy of a local report: its sentences ("The leak shouldn't be the primary
    concern…", a garbled Cartalo quote) must never speak for a story or topic that holds the original."""
    report = storybrief.brief([str(examples_dir)])
    by_id = {a.id: a for a in report.articles}
    spun = {a.id: a.rewrite_of.article for a in report.articles if a.rewrite_of is not None and a.rewrite_of.article}
    assert spun, "the sample corpus should hold a rewrite of an article in its story"
    stories = {s.id: s for s in report.stories}
    groups = [(set(s.articles), [x.sources[0] for x in [*s.summary, *s.timeline]]) for s in report.stories]
    for topic in report.topics:
        members = {a for sid in topic.stories for a in stories[sid].articles}
        groups.append((members, [e.sources[0] for e in topic.timeline]))
    for members, chosen in groups:
        for aid in chosen:
            assert spun.get(aid) not in members, (aid, by_id[aid].title)
