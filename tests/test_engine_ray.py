"""The Ray engine gives the local engine's answers: the same clean texts, annotations, errors and stories.

Runs on one local Ray with two CPUs for the whole module (started once, always shut down). Without Ray
installed the module is skipped, except the tests that check what happens then.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storybrief.cli.main import app
from storybrief.engine import RayOptions
from storybrief.model import Corpus
from storybrief.pipeline import annotate_corpus, group_corpus, load

ROOT = Path(__file__).resolve().parent.parent
SRC = str(ROOT / "src")
MMDS = Path(os.environ.get("STORYBRIEF_DATASETS", ROOT.parent / "shared" / "datasets"))
MMDS_DEV = MMDS / "mmds2025_news_event_clustering" / "dev_articles.jsonl"

# Invented events: each a place, a person who speaks and the facts every report repeats in its own words.
EVENTS = [
    ("Kestrel Bay", "ferry", "Harriet Osei", "harbour master", "a ferry ran aground on a sandbank"),
    ("Dunmore", "library", "Piotr Lindqvist", "city librarian", "the old library reopened after a fire"),
    ("Carrow Vale", "dam", "Amara Whitcombe", "water board engineer", "engineers found a crack in the dam"),
    ("Fenwick", "market", "Tobias Arkwright", "market trader", "storm winds tore the roof off the market hall"),
    ("Ostrava Heights", "school", "Lucia Marchetti", "head teacher", "a school closed after a gas leak"),
    ("Brannock", "bridge", "Declan Murtagh", "county surveyor", "the county shut a bridge over the river Brann"),
    ("Sellwood", "hospital", "Ingrid Halvorsen", "hospital director", "the hospital opened a new cancer ward"),
    ("Ashgrove", "mine", "Samuel Okoro", "union official", "miners walked out over unpaid overtime"),
]
OUTLETS = {
    "Harbour Gazette": ["Subscribe to the Harbour Gazette for daily news", "Read more: our weekend edition"],
    "Valley Courier": ["Sign up for Valley Courier alerts", "Share this article"],
    "North Star Times": ["North Star Times is supported by readers", "Comments are closed"],
}
SHARED_JUNK = ["Advertisement", "Most read this week", "Cookies help us deliver our services"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _article(rng: random.Random, k: int, event: tuple[str, str, str, str, str], outlet: str) -> dict[str, str]:
    place, thing, person, role, fact = event
    day = rng.choice(DAYS)
    body = [
        f"Officials in {place} said on {day} that {fact}, and that nobody had been badly hurt.",
        f"“We are doing everything we can to keep people safe around the {thing},” said {person}, the {role}.",
        f"Residents of {place} gathered near the {thing} through the afternoon as crews worked.",
        f"{person.split()[-1]} said a fuller report on the {thing} would follow within {2 + k % 5} weeks.",
        f"The council of {place} will meet next week to discuss what happens to the {thing}.",
    ]
    rng.shuffle(body[2:])
    lines = [*OUTLETS[outlet][:1], *rng.sample(SHARED_JUNK, 2), *body, *OUTLETS[outlet][1:]]
    published = f"2026-03-{1 + k % 27:02d}T08:00:00+00:00"
    title = f"{fact[0].upper()}{fact[1:]} in {place}"
    return {"title": title, "text": "\n".join(lines), "published": published, "source": outlet}


def write_corpus(folder: Path, per_event: int = 5, seed: int = 7) -> Path:
    """Generated articles over the events in JSON files, a JSONL file and plain text, with recurring
    boilerplate (across outlets and within one), a wire copy, and bad inputs of several kinds."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    records = []
    for e, event in enumerate(EVENTS):
        for j in range(per_event):
            records.append(_article(rng, e * per_event + j, event, sorted(OUTLETS)[(e + j) % len(OUTLETS)]))
    (folder / "nested").mkdir()
    half = len(records) // 2
    for i, record in enumerate(records[:half]):
        (folder / "nested" / f"a{i:03d}.json").write_text(json.dumps(record), encoding="utf-8")
    lines = [json.dumps(r) for r in records[half:]]
    lines.insert(3, "{not json")  # one malformed line: reported with its line number, the rest read
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "copy.txt").write_text(records[0]["title"] + "\n\n" + records[0]["text"], encoding="utf-8")
    (folder / "same_id.json").write_text(json.dumps([{"id": "1", "text": records[1]["text"]}]), encoding="utf-8")
    (folder / "same_id2.json").write_text(json.dumps([{"id": "1", "text": records[2]["text"]}]), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "only_junk.txt").write_text("\n".join(SHARED_JUNK), encoding="utf-8")
    return folder


def local_corpus(paths: list[str], **kwargs: object) -> Corpus:
    corpus = load(paths)
    return annotate_corpus(corpus, **kwargs)  # type: ignore[arg-type]


def stories(corpus: Corpus) -> set[frozenset[str]]:
    group_corpus(corpus)
    return {frozenset(s.articles) for s in corpus.stories}


def assert_same(local: Corpus, remote: Corpus) -> None:
    assert [(e.input, e.message, e.line) for e in remote.errors] == [(e.input, e.message, e.line) for e in local.errors]
    assert [a.id for a in remote.articles] == [a.id for a in local.articles]
    assert [a.text for a in remote.articles] == [a.text for a in local.articles]  # the same clean texts
    for mine, theirs in zip(remote.articles, local.articles, strict=True):
        assert mine == theirs, mine.id  # every field: sentences, entities, dates, quotes, flags, metadata
    assert remote.quote_groups == local.quote_groups
    assert remote.unused_dates == local.unused_dates


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("ray") / "in")


def test_same_clean_texts_annotations_errors_and_stories(ray_cluster: None, corpus_dir: Path) -> None:
    from storybrief.clean import corpus_boilerplate
    from storybrief.engine.ray import run
    from storybrief.ingest import read_inputs
    from storybrief.model import RawDocument

    docs = [d for d in read_inputs([str(corpus_dir)]) if isinstance(d, RawDocument)]
    assert corpus_boilerplate(docs), "the corpus must give the evidence pass something to find"
    dates = {"copy.txt": datetime(2026, 3, 2, 9, 0), "nowhere.txt": datetime(2026, 3, 3)}
    local = local_corpus([str(corpus_dir)], user_dates=dates)
    remote = run([str(corpus_dir)], RayOptions(workers=2), user_dates=dates)
    assert local.unused_dates == ["nowhere.txt"]
    assert {e.message for e in remote.errors} >= {"is empty"}
    assert any(e.input.endswith("feed.jsonl") and e.line == 4 for e in remote.errors)  # the bad line, on a worker
    assert any(e.input.endswith("binary.txt") for e in remote.errors)
    assert_same(local, remote)
    assert stories(remote) == stories(local)


def test_only_bad_inputs(ray_cluster: None, tmp_path: Path) -> None:
    from storybrief.engine.ray import run

    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{nope\n", encoding="utf-8")
    local = local_corpus([str(tmp_path), str(tmp_path / "missing.txt")])
    remote = run([str(tmp_path), str(tmp_path / "missing.txt")], RayOptions(workers=2))
    assert len(remote.errors) == 3 and not remote.articles
    assert_same(local, remote)


def test_brief_engine_ray_gives_the_local_report(ray_cluster: None, tmp_path: Path) -> None:
    from storybrief.pipeline import brief
    from storybrief.render.brief_json import report_json_chunks

    folder = write_corpus(tmp_path / "in", per_event=2, seed=3)
    local = "".join(report_json_chunks(brief([str(folder)])))
    remote = "".join(report_json_chunks(brief([str(folder)], engine="ray")))
    assert remote == local


def test_briefs_made_on_ray_are_the_local_briefs(
    ray_cluster: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stories briefed by Ray tasks (each sent with its articles and quote groups) give the local report."""
    import storybrief.engine.ray as ray_engine_module
    import storybrief.synthesize.brief as brief_module
    from storybrief.pipeline import brief
    from storybrief.render.brief_json import report_json_chunks

    folder = write_corpus(tmp_path / "in", per_event=2, seed=3)
    local = brief([str(folder)])
    monkeypatch.setattr(brief_module, "PARALLEL_FROM", 1)  # brief elsewhere from one story on
    sent: list[int] = []
    real = ray_engine_module.brief_stories

    def counted(tasks: list[brief_module.BriefTask], options: RayOptions) -> Iterator[object]:
        sent.append(len(tasks))
        return real(tasks, options)

    monkeypatch.setattr(ray_engine_module, "brief_stories", counted)
    remote = brief([str(folder)], engine="ray", n_process=2)
    assert sent == [len(local.stories)] and len(local.stories) > 3
    assert "".join(report_json_chunks(remote)) == "".join(report_json_chunks(local))


def test_stories_grouped_on_ray_are_the_local_stories(ray_cluster: None, tmp_path: Path) -> None:
    """Story grouping by blocks on Ray (features, candidate keys, pairs per time window, linkage per block)
    gives the local batch grouper's stories and features, on articles spread over several time windows,
    some undated."""
    from storybrief.engine.ray_group import group_stories as group_on_ray
    from storybrief.group.stories import article_features, group_stories

    folder = write_corpus(tmp_path / "in", per_event=6, seed=11)
    records = [json.loads(line) for line in (folder / "feed.jsonl").read_text().splitlines() if line != "{not json"]
    for k, record in enumerate(records):  # the same events months apart, and some reports undated
        record["published"] = f"2026-{1 + k % 9:02d}-{1 + k % 27:02d}T08:00:00+00:00" if k % 4 else ""
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    corpus = local_corpus([str(folder)])
    assert any(a.published is None for a in corpus.articles)
    timings: dict[str, float] = {}
    from storybrief.engine.ray import session

    with session(RayOptions(workers=2)):  # the command line's Ray Data settings (sort-based shuffles)
        mine, features = group_on_ray(
            corpus.articles, corpus.quote_groups, options=RayOptions(workers=2), timings=timings
        )
    theirs = group_stories(corpus.articles, corpus.quote_groups)
    assert [s.articles for s in mine] == [s.articles for s in theirs]
    assert [s.id for s in mine] == [s.id for s in theirs]
    assert 1 < len(theirs) < len(corpus.articles)
    local_features = article_features(corpus.articles, corpus.quote_groups)
    assert [(f.id, f.terms, f.entities, f.anchors, f.span) for f in features] == [
        (f.id, f.terms, f.entities, f.anchors, f.span) for f in local_features
    ]
    assert {"candidates", "pairs scored", "linkage per block"} <= set(timings)


def test_brief_engine_ray_groups_stories_on_ray(
    ray_cluster: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``GROUP_ELSEWHERE_FROM`` articles on, ``brief(engine="ray")`` groups the stories on Ray; the
    report is the local one."""
    import storybrief.engine.ray_group as ray_group
    import storybrief.pipeline as pipeline
    from storybrief.render.brief_json import report_json_chunks

    folder = write_corpus(tmp_path / "in", per_event=3, seed=4)
    local = pipeline.brief([str(folder)])
    monkeypatch.setattr(pipeline, "GROUP_ELSEWHERE_FROM", 1)
    calls: list[int] = []
    real = ray_group.group_stories

    def counted(articles: list[object], *args: object, **kwargs: object) -> object:
        calls.append(len(articles))
        return real(articles, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ray_group, "group_stories", counted)
    remote = pipeline.brief([str(folder)], engine="ray", n_process=2)
    assert calls == [len(local.articles)]
    assert "".join(report_json_chunks(remote)) == "".join(report_json_chunks(local))


def test_cli_engine_ray_same_output_and_exit_code(ray_cluster: None, tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in", per_event=1, seed=5)
    runner = CliRunner()
    local = runner.invoke(app, ["brief", str(folder), "--format", "json"])
    remote = runner.invoke(app, ["brief", str(folder), "--format", "json", "--engine", "ray", "-j", "2"])
    assert local.exit_code == remote.exit_code == 1  # bad inputs reported, the rest briefed
    assert remote.stdout == local.stdout
    assert "feed.jsonl:4" in remote.stderr or "feed.jsonl" in remote.stderr


def _library(db: Path) -> tuple[dict[str, str], set[frozenset[str]], list[tuple[str, str]], int]:
    """What a library holds, minus the times things were added: each article's stored record, the stories'
    members, the input errors, and the number of inputs stored."""
    from storybrief.store.library import Library

    with Library(str(db)) as lib:
        ids = sorted(lib.article_ids())
        data = lib.article_data(ids)
        members = {frozenset(lib.story_members(s.story.id)) for s in lib.stories()}
        errors = sorted((e.input, e.message) for e in lib.input_errors())
        inputs = len(lib.input_versions())
    return data, members, errors, inputs


def test_add_engine_ray_stores_the_local_library(ray_cluster: None, tmp_path: Path) -> None:
    """`add` on Ray: each batch read, cleaned and annotated on the actors, placed and stored here; the
    library and the errors equal the local engine's, batch for batch (a batch is one input to the corpus
    evidence)."""
    from storybrief.pipeline import add

    folder = write_corpus(tmp_path / "in", per_event=3, seed=11)
    # a file with no text left ahead of unreadable ones in the same batch: errors listed in the same order
    (folder / "a_only_junk.txt").write_text("\n".join(SHARED_JUNK), encoding="utf-8")
    local = add([str(folder)], str(tmp_path / "local.db"), batch_files=7)
    remote = add([str(folder)], str(tmp_path / "ray.db"), batch_files=7, engine="ray", n_process=2)
    assert remote.line() == local.line()
    assert local.added > 20 and local.errors  # articles stored, bad inputs reported
    assert [(e.input, e.message) for e in remote.errors] == [(e.input, e.message) for e in local.errors]
    assert _library(tmp_path / "ray.db") == _library(tmp_path / "local.db")
    again = add([str(folder)], str(tmp_path / "ray.db"), batch_files=7, engine="ray")
    assert again.added == 0 and len(again.skipped) == local.inputs  # nothing new: nothing read, Ray not needed


def test_cli_add_engine_ray(ray_cluster: None, tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in", per_event=1, seed=5)
    db = str(tmp_path / "lib.db")
    runner = CliRunner()
    done = runner.invoke(app, ["add", str(folder), "--db", db, "--engine", "ray", "-j", "2"])
    assert done.exit_code == 1, done.stderr  # bad inputs reported, the rest added
    assert "feed.jsonl" in done.stderr and "article(s) added" in done.stderr
    assert _library(Path(db))[0]  # stored
    wrong = runner.invoke(app, ["add", str(folder), "--db", db, "--ray-address", "auto"])
    assert wrong.exit_code == 2 and "--ray-address needs --engine ray" in wrong.stderr


def _actor_pids() -> list[int]:
    """The processes of the cleaning and annotation actors (their command line names the stage)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if b"MapBatches(CleanAnnotate)" in (entry / "cmdline").read_bytes():
                    pids.append(int(entry.name))
            except OSError:
                continue
    return sorted(pids)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the actor processes through /proc")
def test_killed_actor_loses_and_duplicates_nothing(ray_cluster: None, tmp_path: Path) -> None:
    from storybrief.engine.ray import BATCH, run

    folder = write_corpus(tmp_path / "in", per_event=25, seed=11)  # about 200 articles: several batches
    killed: list[int] = []
    after = [0]

    def kill_one_actor(_: str) -> None:  # when the first article comes back, the rest is still to do
        if killed:
            after[0] += 1
            return
        pids = _actor_pids()
        assert pids, "no actor process found"
        os.kill(pids[0], signal.SIGKILL)
        killed.append(pids[0])

    remote = run([str(folder)], RayOptions(workers=2), progress=kill_one_actor)
    assert killed
    assert after[0] > BATCH, "the kill came after the last batch: nothing was left to retry"
    local = local_corpus([str(folder)])
    assert len({a.id for a in remote.articles}) == len(remote.articles)  # none twice
    assert_same(local, remote)  # none lost, each the same


def test_2000_articles_of_mmds_and_multinews_same_as_local(ray_cluster: None, tmp_path: Path) -> None:
    """Issue 15 item 3 at its size: the MMDS dev set and Multi-News dev documents up to 2,000 articles, in
    JSONL shards; the same clean texts, annotations and stories on both engines."""
    import gzip

    multinews = MMDS / "multinews_test_mnplus" / "dev_half.jsonl.gz"
    if not MMDS_DEV.is_file() or not multinews.is_file():
        pytest.skip(f"the MMDS and Multi-News dev sets are not present under {MMDS} (set STORYBRIEF_DATASETS)")
    from storybrief.engine.ray import run
    from storybrief.group.dedup import NUM_PERM, THRESHOLD, Candidates, _lsh_candidates, find_duplicates, shingles

    records = []
    for line in MMDS_DEV.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record.pop("cluster", None)
        records.append(record)
    with gzip.open(multinews, "rt", encoding="utf-8") as handle:
        for line in handle:
            cluster = json.loads(line)
            for n, text in enumerate(cluster["documents"]):
                records.append({"id": f"{cluster['id']}-{n}", "text": text})
            if len(records) >= 2000:
                break
    records = records[:1970]
    for k, record in enumerate(records[:300:10]):  # 30 wire copies with a new ending: near duplicates
        cut = record["text"][: len(record["text"]) * 3 // 4]
        records.append({"id": f"copy-{k}", "text": cut + "\nThis report was updated with more detail."})
    for start in range(0, len(records), 100):  # shards: each one reading task
        shard = "\n".join(json.dumps(r) for r in records[start : start + 100]) + "\n"
        (tmp_path / f"shard{start // 100:02d}.jsonl").write_text(shard, encoding="utf-8")
    local = local_corpus([str(tmp_path)], n_process=2)
    proposed: list[Candidates | None] = []
    remote = run([str(tmp_path)], RayOptions(workers=2), meanwhile=lambda c, pairs: proposed.append(pairs))
    assert len(local.articles) + len(local.errors) == 2000
    assert_same(local, remote)
    # duplicates: the band-key group-by on Ray proposes the pairs the local LSH index does
    (pairs,) = proposed
    sets = [shingles(a.text) for a in local.articles]
    assert pairs is not None and {frozenset(p) for p in pairs} == {
        frozenset(p) for p in _lsh_candidates(sets, THRESHOLD, NUM_PERM)
    }
    theirs_copies = find_duplicates(local.articles)
    assert find_duplicates(remote.articles, candidates=pairs) == theirs_copies
    assert len(theirs_copies) >= 30
    mine, theirs = stories(remote), stories(local)
    assert b_cubed(mine, theirs) >= 0.99
    assert mine == theirs
    # the stories grouped by blocks on Ray: the local batch grouper's
    from storybrief.engine.ray_group import group_stories as group_on_ray

    on_ray, _ = group_on_ray(remote.articles, remote.quote_groups, options=RayOptions(workers=2))
    assert {frozenset(s.articles) for s in on_ray} == theirs


def b_cubed(found: set[frozenset[str]], gold: set[frozenset[str]]) -> float:
    """B-cubed F1 of one partition of the same items against another."""
    of_found = {x: c for c in found for x in c}
    of_gold = {x: c for c in gold for x in c}
    items = list(of_gold)
    p = sum(len(of_found[x] & of_gold[x]) / len(of_found[x]) for x in items) / len(items)
    r = sum(len(of_found[x] & of_gold[x]) / len(of_gold[x]) for x in items) / len(items)
    return 2 * p * r / (p + r)


def test_local_brief_never_imports_ray(examples_dir: Path) -> None:
    code = (
        "import sys, storybrief\n"
        f"storybrief.brief([{str(examples_dir)!r}])\n"
        "print(sorted(m for m in sys.modules if m == 'ray' or m.startswith('ray.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_engine_ray_without_ray_is_one_line_and_exit_2(examples_dir: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['ray'] = None  # as if Ray were not installed\n"
        "from storybrief.cli.main import main\n"
        f"sys.argv = ['storybrief', 'brief', {str(examples_dir)!r}, '--engine', 'ray']\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=600)
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "storybrief[ray]" in lines[0], done.stderr
    assert done.stdout == ""


def test_unknown_engine_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["brief", str(tmp_path), "--engine", "spark"])
    assert result.exit_code == 2
    assert "--engine" in result.stderr
    with pytest.raises(ValueError, match="unknown engine"):
        from storybrief.pipeline import brief

        brief([str(tmp_path)], engine="spark")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    return env
