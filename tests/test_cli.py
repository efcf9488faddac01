"""``storybrief clean`` end to end: outputs, --explain, error lines, exit status, no tracebacks."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from storybrief.cli.main import app

runner = CliRunner()

STORY = (
    "Lighthouse keeper retires after forty years\n\n"
    "By Ada Quill\n\n"
    "The keeper of the Wrenna Point light retired on Sunday after forty years of service, the harbour board said.\n\n"
    "Advertisement\n\n"
    "“I have seen every kind of storm,” she said at a small ceremony on the pier.\n"
)


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": tmp_path / "good.txt",
        "binary": tmp_path / "image.bin",
        "jsonl": tmp_path / "records.jsonl",
        "gzip": tmp_path / "cut.txt.gz",
        "empty": tmp_path / "empty.txt",
    }
    files["good"].write_text(STORY, encoding="utf-8")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    good_record = json.dumps({"id": "r1", "title": "Keeper retires", "text": STORY})
    files["jsonl"].write_text(good_record + "\n{not json\n", encoding="utf-8")
    files["gzip"].write_bytes(gzip.compress(STORY.encode())[:-12])
    files["empty"].write_text("", encoding="utf-8")
    return files


def test_markdown_output_and_explain(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["clean", str(path), "--explain"])
    assert result.exit_code == 0, result.output
    assert "# Lighthouse keeper retires after forty years" in result.stdout
    assert "**byline**: Ada Quill" in result.stdout
    assert "line 7, ad-slot: `Advertisement`" in result.stdout
    plain = runner.invoke(app, ["clean", str(path)])
    assert "Removed" not in plain.stdout


def test_json_output(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["clean", str(path), "--format", "json"])
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    (article,) = payload["articles"]
    assert payload["errors"] == []
    assert article["title"] == "Lighthouse keeper retires after forty years"
    assert article["byline"] == ["Ada Quill"]
    assert "Advertisement" not in article["text"]
    assert {r["reason"] for r in article["removed"]} == {"title", "byline", "ad-slot"}


def test_bad_files_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    files = _bad_inputs(tmp_path)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["clean", str(tmp_path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 1
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert {a["input"] for a in payload["articles"]} == {str(files["good"]), f"{files['jsonl']}:1"}
    errors = {(e["input"], e["line"]): e["message"] for e in payload["errors"]}
    assert "binary" in errors[(str(files["binary"]), None)]
    assert "malformed JSON line" in errors[(str(files["jsonl"]), 2)]
    assert "gzip" in errors[(str(files["gzip"]), None)]
    assert "empty" in errors[(str(files["empty"]), None)]
    assert f"{files['jsonl']}:2: malformed JSON line" in result.stderr
    assert "Traceback" not in result.output


def test_size_limit_option(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["clean", str(path), "--max-size", "100"])
    assert result.exit_code == 1
    assert "over the size limit of 100 bytes" in result.stderr
    bad = runner.invoke(app, ["clean", str(path), "--max-size", "lots"])
    assert bad.exit_code == 2 and "not a size" in bad.output


def test_real_process_has_no_traceback_and_reads_stdin(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "storybrief", "clean", "-", str(missing), "-f", "json"],
        input=STORY.encode(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr
    assert f"{missing}: no such file or folder" in stderr
    payload = json.loads(proc.stdout)
    assert [a["input"] for a in payload["articles"]] == ["<stdin>"]
