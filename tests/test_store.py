"""The library: add only what is new, stable story ids across batches, briefs from the store, search, export."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storybrief.cli.main import app
from storybrief.pipeline import add, brief, brief_from_store
from storybrief.store.grow import add as grow
from storybrief.store.library import Library, LibraryError
from storybrief.store.schema import MIGRATIONS, SCHEMA_VERSION

EVENTS = [
    ("Harbour crane collapses at Marlow docks", "A harbour crane collapsed at the Marlow docks on Monday, injuring two"
     " dock workers, port officials said. The crane operator Lena Broadhurst said the boom buckled in high wind."),
    ("Marlow council approves new tram line", "The Marlow city council approved a new tram line linking the station"
     " to the university on Tuesday. Councillor Ravi Menon said construction would begin next spring."),
    ("Flooding closes Ashby bridge", "Heavy rain flooded the river Ashby and closed the old stone bridge on Wednesday,"
     " the county highways department said. Engineer Tomasz Wolak said the bridge would be inspected."),
]  # fmt: skip


def write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    """``n`` short generated articles (JSON records) over three events, published a day apart."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        title, body = EVENTS[i % len(EVENTS)]
        path = folder / f"a{i:03d}.json"
        text = (
            f"{body} Reporter {i} filed this account from the scene."
            f" Witness number {i} described what happened in detail to local reporters."
        )
        record = {"title": title, "text": text, "published": f"2026-03-{1 + i:02d}T09:00:00+00:00"}
        path.write_text(json.dumps(record), encoding="utf-8")
        paths.append(path)
    return paths


def test_add_twice_skips_what_is_stored(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 4)
    db = str(tmp_path / "lib.db")
    first = add([str(tmp_path / "in")], db)
    assert (first.added, first.inputs, len(first.skipped)) == (4, 4, 0)
    second = add([str(tmp_path / "in")], db)
    assert (second.added, second.inputs, len(second.skipped)) == (0, 0, 4)
    assert "4 input(s) skipped as already stored" in second.line()
    with Library(db) as lib:
        assert lib.article_count() == 4


def test_changed_file_is_a_new_version(tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "in", 1)
    db = str(tmp_path / "lib.db")
    add([str(path)], db)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["text"] += " A correction was added later by the editors."
    path.write_text(json.dumps(record), encoding="utf-8")
    again = add([str(path)], db)
    assert again.added == 1 and again.new_versions == [str(path)]
    record["id"] = "story-1"  # a third version, carrying an id; then a fourth with the same id
    path.write_text(json.dumps(record), encoding="utf-8")
    add([str(path)], db)
    record["text"] += " And a second correction."
    path.write_text(json.dumps(record), encoding="utf-8")
    add([str(path)], db)
    with Library(db) as lib:
        assert [v for _, _, v in lib.input_versions()] == [1, 2, 3, 4]
        assert lib.article_count() == 4  # the old versions are kept
        assert {"story-1", "story-1~2"} <= lib.article_ids()


def test_two_batches_keep_story_ids(tmp_path: Path) -> None:
    write_articles(tmp_path / "one", 6)
    write_articles(tmp_path / "two", 6, start=6)
    db = str(tmp_path / "lib.db")
    add([str(tmp_path / "one")], db)
    with Library(db) as lib:
        before = {aid: s.story.id for s in lib.stories() for aid in s.story.articles}
    summary = add([str(tmp_path / "two")], db)
    assert summary.added == 6
    with Library(db) as lib:
        after = {aid: s.story.id for s in lib.stories() for aid in s.story.articles}
    assert len(after) == 12
    for aid, sid in before.items():
        assert after[aid] == sid
    # the three events stay three stories, each joined by the second batch's articles of the same event
    assert len(set(after.values())) == len(set(before.values())) == 3


def test_brief_from_store_equals_brief_from_files(tmp_path: Path, examples_dir: Path) -> None:
    db = str(tmp_path / "lib.db")
    add([str(examples_dir)], db)
    from_store = brief_from_store(db)
    from_files = brief([str(examples_dir)], streaming=True)

    def content(report: object) -> list[tuple[frozenset[str], str, list[str]]]:
        stories = report.stories  # type: ignore[attr-defined]
        return sorted(
            ((frozenset(b.articles), b.headline, [s.text for s in b.summary]) for b in stories),
            key=lambda c: sorted(c[0]),
        )

    assert content(from_store) == content(from_files)
    # a second brief comes from the cache: same briefs, nothing rebuilt
    from storybrief.store.briefs import BriefOptions, report_from_store

    options = BriefOptions(150, 8, 2)
    _, rebuilt = report_from_store(db, options)
    again, rebuilt_again = report_from_store(db, options)
    assert rebuilt == len(from_store.stories) and rebuilt_again == 0
    assert content(again) == content(report_from_store(db, options)[0])


def test_brief_one_story_and_unknown_story(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 6)
    db = str(tmp_path / "lib.db")
    add([str(tmp_path / "in")], db)
    runner = CliRunner()
    result = runner.invoke(app, ["brief", "--db", db, "--story", "s1", "--format", "json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert [s["id"] for s in shown["stories"]] == ["s1"]
    missing = runner.invoke(app, ["brief", "--db", db, "--story", "s99"])
    assert missing.exit_code == 2 and "no story 's99'" in missing.output


def test_search_finds_a_word_with_a_snippet(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    db = str(tmp_path / "lib.db")
    add([str(tmp_path / "in")], db)
    with Library(db) as lib:
        hits = lib.search("tram")
        assert hits and all("[tram]" in h.snippet.lower() for h in hits)
        assert {h.kind for h in hits} >= {"article", "sentence"}
        assert lib.search('tram" (*') != []  # user words never become FTS syntax
    result = CliRunner().invoke(app, ["search", "crane", "--db", db])
    assert result.exit_code == 0 and "[crane]" in result.stdout.lower()


def test_export_round_trips_into_a_new_library(tmp_path: Path, examples_dir: Path) -> None:
    db = str(tmp_path / "lib.db")
    add([str(examples_dir)], db)
    out = tmp_path / "library.jsonl"
    result = CliRunner().invoke(app, ["export", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert set(records[0]) == {"id", "title", "text", "url", "published", "outlet", "author"}
    copy = add([str(out)], str(tmp_path / "copy.db"))
    with Library(db) as lib:
        assert copy.added == lib.article_count() == len(records)


def test_newer_library_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with sqlite3.connect(db) as raw:
        raw.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        raw.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(LibraryError, match="newer storybrief"):
        Library(str(db))
    write_articles(tmp_path / "in", 1)
    result = CliRunner().invoke(app, ["add", str(tmp_path / "in"), "--db", str(db)])
    assert result.exit_code == 2
    assert "newer storybrief" in result.output and len(result.output.strip().splitlines()) == 1


def test_older_library_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as raw:  # a library of schema version 1, by hand
        for step in MIGRATIONS[0]:
            raw.execute(step)
        raw.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    write_articles(tmp_path / "in", 3)
    summary = add([str(tmp_path / "in")], str(db))
    assert summary.added == 3
    with Library(str(db)) as lib:
        assert lib.schema_version() == SCHEMA_VERSION
    assert brief_from_store(str(db)).stories  # the brief cache (version 2) works on the migrated library


def test_not_a_library_is_one_line(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    result = CliRunner().invoke(app, ["search", "x", "--db", str(bogus)])
    assert result.exit_code == 2 and "cannot use" in result.output


def test_batches_and_stdin(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 5)
    summary = grow([str(tmp_path / "in"), "-"], str(tmp_path / "lib.db"), batch_files=2)
    assert summary.added == 5 and len(summary.errors) == 1 and summary.errors[0].input == "<stdin>"


def test_examples_folder_copy(tmp_path: Path, examples_dir: Path) -> None:
    shutil.copytree(examples_dir, tmp_path / "ex")
    db = str(tmp_path / "lib.db")
    first = add([str(tmp_path / "ex")], db)
    assert first.errors == [] and first.added > 0 and first.duplicates >= 1


def test_commands_on_a_missing_library_say_so(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = str(tmp_path / "none.db")
    for args in (["brief", "--db", missing], ["search", "x", "--db", missing], ["export", "--db", missing]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "no library" in result.output, args
    assert not Path(missing).exists()  # reading never creates a library


def test_brief_with_paths_and_db_is_refused(tmp_path: Path, examples_dir: Path) -> None:
    result = CliRunner().invoke(app, ["brief", str(examples_dir), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["brief", str(examples_dir), "--story", "s1"])
    assert result.exit_code == 2 and "--db" in result.output


def test_stored_articles_read_back_field_for_field(tmp_path: Path, examples_dir: Path) -> None:
    from storybrief.model.serial import article_from_dict
    from storybrief.pipeline import annotate_corpus, load

    corpus = annotate_corpus(load([str(examples_dir)]))
    assert any(a.quotes and a.entities and a.dates and a.removed for a in corpus.articles)
    for article in corpus.articles:
        back = article_from_dict(json.loads(json.dumps(article.to_dict())))
        assert back == article  # not yet grouped: no rounded similarities


def test_merged_story_redirects(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 6)
    db = str(tmp_path / "lib.db")
    add([str(tmp_path / "in")], db)
    with Library(db) as lib:
        stories = lib.stories()
        keep, gone = stories[0].story, stories[1].story
        with lib.write():
            lib.merge_story(gone.id, keep.id, "2026-01-01T00:00:00+00:00")
        assert lib.resolve_story(gone.id) == keep.id and lib.resolve_story(keep.id) == keep.id
        assert lib.resolve_story("s404") is None


def test_brief_by_topic_and_since(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 6)  # published 2026-03-01 .. 2026-03-06, three events
    db = str(tmp_path / "lib.db")
    add([str(tmp_path / "in")], db)
    whole = brief_from_store(db)
    assert len(whole.stories) == 3
    late = brief_from_store(db, since=datetime(2026, 3, 6))
    assert [len(s.articles) for s in late.stories] == [2]  # only the event with an article on March 6
    topic = whole.topics[0]
    by_topic = brief_from_store(db, topic=topic.id)
    assert {s.id for s in by_topic.stories} == set(topic.stories)
    result = CliRunner().invoke(app, ["brief", "--db", db, "--since", "March"])
    assert result.exit_code == 2


def test_add_cli_reports_bad_input_and_summary(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_text("")
    db = str(tmp_path / "lib.db")
    runner = CliRunner()
    first = runner.invoke(app, ["add", str(tmp_path / "in"), "--db", db])
    assert first.exit_code == 1
    assert "empty.txt: is empty" in first.output
    assert "2 article(s) added from 3 input(s)" in first.output and "1 error(s)" in first.output
    again = runner.invoke(app, ["add", str(tmp_path / "in"), "--db", db])
    assert again.exit_code == 0 and "3 input(s) skipped as already stored" in again.output


def test_a_cached_brief_that_names_other_code_is_refused_and_rebuilt(tmp_path: Path, examples_dir: Path) -> None:
    """The brief cache holds pickles; one planted in a shared library must never run anything."""
    import os
    import pickle

    from storybrief.store.briefs import BriefOptions, _unpickle, report_from_store

    db = str(tmp_path / "lib.db")
    add([str(examples_dir)], db)
    options = BriefOptions(150, 8, 2)
    first, _ = report_from_store(db, options)
    assert _unpickle(pickle.dumps(first.stories[0])) == first.stories[0]  # our own records read back

    class Planted:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, ("touch " + str(tmp_path / "pwned"),))

    evil = pickle.dumps(Planted())
    assert _unpickle(evil) is None
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE briefs SET data = ?", (evil,))
    again, rebuilt = report_from_store(db, options)
    assert not (tmp_path / "pwned").exists()
    assert rebuilt == len(first.stories)
    assert [s.headline for s in again.stories] == [s.headline for s in first.stories]


def test_same_words_from_two_speakers_are_two_stored_quote_groups(tmp_path: Path) -> None:
    """Two people quoted with the same sentence in different stories: two statements, both kept (their
    groups once shared an id made from the words alone, and the second replaced the first)."""
    words = "We closed the bridge because we had no other choice at all this week,"
    items = [
        ("Dorrow", "mayor Anna Kellet", "2026-03-01", "The river flooded Dorrow on Saturday; the main road shut."),
        ("Dorrow", "mayor Anna Kellet", "2026-03-02", "Dorrow's council met on Sunday to count the flood's cost."),
        ("Lumsby", "engineer Piet Vanse", "2026-05-01", "A crack in the Lumsby rail bridge was found in early May."),
        ("Lumsby", "engineer Piet Vanse", "2026-05-02", "Trains to Lumsby were diverted on Friday after the crack."),
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    for i, (town, who, day, lead) in enumerate(items):
        text = f"{lead} “{words}” said {who}. Officials in {town} expect the repairs to take weeks."
        record = {"title": f"{town} news {i}", "text": text, "published": day, "url": f"https://n{i}.example/{i}"}
        (folder / f"{i}.json").write_text(json.dumps(record), encoding="utf-8")
    db = tmp_path / "lib.db"
    grow([str(folder)], str(db))
    with Library(str(db)) as lib:
        groups = lib.quote_groups()
    assert sorted(g.speaker or "" for g in groups) == ["Anna Kellet", "Piet Vanse"]
    assert len({g.id for g in groups}) == 2
