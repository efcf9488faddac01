"""The command line's own safety: literal one-line error messages, ``-o`` checked before any work and
written atomically, exit codes (0, 1, 2, 3 with ``--debug``), one path given as a string."""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storybrief
import storybrief.pipeline
from storybrief.cli import common
from storybrief.cli.main import app, main

runner = CliRunner()
STORY = (
    "Harbour bridge reopens after repairs\n\n"
    "The harbour bridge in Lowmere reopened to traffic on Monday after three weeks of repairs, the council said.\n\n"
    "Engineers replaced two expansion joints and resurfaced the main span, a spokesperson said.\n"
)


def _story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def test_hostile_file_names_are_printed_literally_one_line_each(tmp_path: Path) -> None:
    names = ["a[/x]b.txt", "[bold red]hidden[", "two\nerror: forged.txt", "esc\x1b]0;pwned\x07\u202e.txt"]
    (tmp_path / "a[").mkdir()  # a name cannot hold "/", but a path can: "a[" + "/" + "x]b.txt"
    for name in names:
        (tmp_path / name).write_text("", encoding="utf-8")  # each is reported as empty
    _story(tmp_path)
    result = runner.invoke(app, ["clean", "--no-annotate", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = _error_lines(result.stderr)
    assert len(lines) == len(names)  # one error, one line: the newline did not forge a second one
    assert any("a[/x]b.txt: is empty" in line for line in lines)
    assert any("[bold red]hidden[: is empty" in line for line in lines)
    assert any("two\\nerror: forged.txt" in line for line in lines)
    assert any("esc\\x1b]0;pwned\\x07\\u202e.txt" in line for line in lines)
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_output_checked_before_any_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = _story(tmp_path)

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the input was read although the output cannot be written")

    monkeypatch.setattr(storybrief.pipeline, "load", no_work)
    cases = {
        str(tmp_path): "is a folder",
        str(tmp_path / "missing" / "out.md"): "does not exist",
        str(story / "out.md"): "is not a folder",
    }
    for output, message in cases.items():
        result = runner.invoke(app, ["clean", "--no-annotate", str(story), "-o", output])
        assert result.exit_code == 2, (output, result.output)
        assert len(_error_lines(result.stderr)) == 1 and message in result.stderr
        assert "Traceback" not in result.output


def test_unwritable_output_folder_or_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = _story(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    existing = tmp_path / "old.md"
    existing.write_text("old\n", encoding="utf-8")
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:  # root ignores permissions: pretend
        if Path(str(path)) in (locked, existing) and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(common.os, "access", access)
    result = runner.invoke(app, ["clean", "--no-annotate", str(story), "-o", str(locked / "out.md")])
    assert result.exit_code == 2 and "cannot write in folder" in result.stderr
    result = runner.invoke(app, ["clean", "--no-annotate", str(story), "-o", str(existing)])
    assert result.exit_code == 2 and "not writable" in result.stderr
    assert existing.read_text(encoding="utf-8") == "old\n"


def test_full_disk_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = _story(tmp_path)
    out = tmp_path / "out" / "clean.json"
    out.parent.mkdir()
    out.write_text('{"good": true}\n', encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(common.os, "fsync", full)
    result = runner.invoke(app, ["clean", "--no-annotate", str(story), "-f", "json", "-o", str(out)])
    assert result.exit_code == 2, result.output
    (line,) = _error_lines(result.stderr)
    assert str(out) in line and "No space left on device" in line and "nothing was changed" in line
    assert out.read_text(encoding="utf-8") == '{"good": true}\n'
    assert sorted(p.name for p in out.parent.iterdir()) == ["clean.json"]


def test_output_replaced_keeping_mode_and_link(tmp_path: Path) -> None:
    story = _story(tmp_path)
    target = tmp_path / "real.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    result = runner.invoke(app, ["clean", "--no-annotate", str(story), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("# Harbour bridge reopens")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md", "story.txt"]


def test_json_to_file_equals_json_to_stdout(tmp_path: Path) -> None:
    story = _story(tmp_path)
    out = tmp_path / "clean.json"
    to_file = runner.invoke(app, ["clean", "--no-annotate", str(story), "-f", "json", "-o", str(out)])
    to_stdout = runner.invoke(app, ["clean", "--no-annotate", str(story), "-f", "json"])
    assert to_file.exit_code == to_stdout.exit_code == 0
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert json.loads(to_stdout.stdout)["articles"][0]["title"] == "Harbour bridge reopens after repairs"


def _run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["storybrief", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    code = exit_info.value.code
    return code if isinstance(code, int) else 0 if code is None else 1


def _broken_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("stage broke\nsecond [bold]line[/]")

    monkeypatch.setattr(storybrief.pipeline, "load", broken)


def test_internal_error_is_one_line_and_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(tmp_path)
    monkeypatch.delenv("STORYBRIEF_DEBUG", raising=False)
    assert _run_main(monkeypatch, "clean", "--no-annotate", str(story)) == 0
    capsys.readouterr()
    _broken_stage(monkeypatch)
    assert _run_main(monkeypatch, "clean", "--no-annotate", str(story)) == 3
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "storybrief: internal error: RuntimeError: stage broke\\nsecond [bold]line[/] "
        "(run with --debug for the traceback)"
    ]


@pytest.mark.parametrize("how", ["option", "env"])
def test_debug_shows_the_traceback(
    how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(tmp_path)
    _broken_stage(monkeypatch)
    if how == "env":
        monkeypatch.setenv("STORYBRIEF_DEBUG", "1")
        args = ["clean", "--no-annotate", str(story)]
    else:
        monkeypatch.delenv("STORYBRIEF_DEBUG", raising=False)
        args = ["--debug", "clean", "--no-annotate", str(story)]
    assert _run_main(monkeypatch, *args) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: stage broke" in err
    assert err.rstrip().splitlines()[-1].startswith("storybrief: internal error: RuntimeError")


def test_usage_errors_stay_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = _story(tmp_path)
    assert _run_main(monkeypatch, "clean", "--no-such-option", str(story)) == 2
    assert _run_main(monkeypatch, "clean", "--no-annotate", str(tmp_path / "missing.txt")) == 1


def test_one_path_as_string_or_pathlike(tmp_path: Path) -> None:
    story = _story(tmp_path)
    for given in (str(story), story, str(tmp_path)):
        corpus = storybrief.load(given)
        assert [a.input for a in corpus.articles] == [str(story)] and corpus.errors == []
    assert storybrief.pipeline.as_paths([story, str(story)]) == [str(story), str(story)]


def test_brief_takes_one_path_as_a_string(tmp_path: Path) -> None:
    story = _story(tmp_path)
    report = storybrief.brief(str(story))
    assert [a.input for a in report.articles] == [str(story)] and report.errors == []


def test_warning_lines_are_literal(tmp_path: Path) -> None:
    story = _story(tmp_path)
    key = "no[/x]such\x1b[31m\nwarning: forged"
    result = runner.invoke(app, ["clean", str(story), "--date", f"{key}=2021-10-01", "-j", "1"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == ["warning: --date/--dates: 'no[/x]such\\x1b[31m\\nwarning: forged' matches no input"]
