"""spaCy in worker processes: same results as in this process, started before reading, sized by input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from storybrief.annotate.annotator import annotate_articles
from storybrief.annotate.nlp import load_nlp, parse_texts
from storybrief.annotate.workers import ParserPool, input_bytes
from storybrief.pipeline import load

TEXTS = [
    "Mayor Ines Dorrit opened the Valeport ferry terminal on Monday. She thanked the crews.",
    "The council met in Northfield. Councillor Abel Marsh said the budget was late.",
    "",
]


def test_pool_parses_like_this_process() -> None:
    with ParserPool(2) as pool:
        assert list(pool.parse(TEXTS * 20)) == parse_texts(TEXTS * 20)


def test_annotation_through_a_pool_matches_in_process(examples_dir: Path) -> None:
    paths = [str(p) for p in sorted(examples_dir.iterdir())]
    here = load(paths).articles
    there = load(paths).articles
    annotate_articles(here)
    with ParserPool(1) as pool:
        annotate_articles(there, parsers=pool)
    for a, b in zip(here, there, strict=True):
        assert (a.sentences, a.entities, a.dates, a.quotes) == (b.sentences, b.entities, b.dates, b.quotes)


def test_entity_recognizer_runs_without_the_shared_tok2vec() -> None:
    # the small English models give the recognizer its own embedding layer: the shared one would be wasted
    assert "ner" in load_nlp().pipe_names and "tok2vec" not in load_nlp().pipe_names


def test_input_bytes_counts_files_and_folders_up_to_enough(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 100)
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("y" * 50)
    assert input_bytes([str(tmp_path / "a.txt")]) == 100
    assert input_bytes([str(tmp_path)]) == 150
    assert input_bytes([str(tmp_path)], enough=120) >= 120
    assert input_bytes(["-"], enough=7) == 7
    assert input_bytes([str(tmp_path / "missing.txt")]) == 0


def test_small_inputs_get_one_worker(tmp_path: Path) -> None:
    small = tmp_path / "a.txt"
    small.write_text("A short article.")
    with ParserPool.for_inputs([str(small)], 4) as pool:
        assert pool.workers == 1
    with ParserPool.for_inputs(["-"], 2) as pool:
        assert pool.workers == 2


def test_the_command_line_leaves_spacy_to_its_workers(examples_dir: Path) -> None:
    """The main process must not import spaCy: its workers load it while the main process reads."""
    script = (
        "import sys\n"
        "from storybrief.cli.main import app\n"
        "try:\n"
        f"    app(['brief', {str(examples_dir)!r}])\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "print('spacy' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "False"
    assert "# " in done.stdout  # a brief was written
