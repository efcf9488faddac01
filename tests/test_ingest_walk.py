"""Walking input folders: depth, unreadable folders, pipes and devices, symbolic links (storybrief.ingest.sources).

Everything is generated in ``tmp_path``. Tests run as root, for whom chmod 000 changes nothing, so an
unreadable folder is simulated by making ``os.scandir`` refuse one path.
"""

from __future__ import annotations

import importlib
import os
import socket
import threading
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from storybrief.cli.main import app
from storybrief.errors import Msg
from storybrief.ingest import read_inputs
from storybrief.ingest import sources as sources_mod
from storybrief.ingest.sources import expand_paths
from storybrief.model import InputError, RawDocument

NOTE = "The ferry to Skerry Isle sails again on Monday after the storm."


def _write(path: Path, text: str = NOTE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _expand(*paths: Path | str, follow_links: bool = False) -> list[str | InputError]:
    return list(expand_paths([str(p) for p in paths], follow_links=follow_links))


def test_walk_keeps_the_order_of_sorted_rglob(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    for name in ["b/z.txt", "a.txt", "a/x.txt", "a-b.txt", "a b/y.txt", "B.txt", "10.txt", "2.txt", "a/c/d.txt"]:
        _write(root / name)
    expected = [str(p) for p in sorted(p for p in root.rglob("*") if p.is_file())]
    assert _expand(root) == expected


def test_folder_nested_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    depth = 1100  # Path.rglob recursed once per level: RecursionError past ~1,000
    deepest = str(tmp_path / "deep")
    os.mkdir(deepest)
    for _ in range(depth):  # os.makedirs and Path.mkdir(parents=True) recurse too
        deepest = os.path.join(deepest, "d")
        os.mkdir(deepest)
    bottom = _write(Path(deepest, "bottom.txt"))
    _write(tmp_path / "deep" / "top.txt")
    try:
        out = list(read_inputs([str(tmp_path / "deep")]))
        assert [d.input for d in out] == [str(bottom), str(tmp_path / "deep" / "top.txt")]
        assert all(isinstance(d, RawDocument) for d in out)
    finally:  # shutil.rmtree (pytest's clean-up of old runs) recurses as well
        bottom.unlink()
        for _ in range(depth):
            os.rmdir(deepest)
            deepest = os.path.dirname(deepest)


def test_unreadable_subfolder_is_reported_and_the_rest_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "corpus"
    first = _write(root / "a.txt")
    locked = root / "b_locked"
    _write(locked / "secret.txt")
    last = _write(root / "c.txt")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(sources_mod.os, "scandir", scandir)
    assert _expand(root) == [str(first), InputError(str(locked), "cannot be read: Permission denied"), str(last)]


def test_unreadable_root_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "corpus"
    _write(root / "a.txt")

    def scandir(path: str) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(sources_mod.os, "scandir", scandir)
    assert _expand(root) == [InputError(str(root), "cannot be read: Permission denied")]


def test_fifo_and_socket_in_a_folder_are_reported_not_opened(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    good = _write(root / "a.txt")
    os.mkfifo(root / "b_pipe")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(root / "c_socket"))
        out = list(read_inputs([str(root)]))  # would block forever if the pipe were opened
    finally:
        sock.close()
    assert [d.input for d in out] == [str(good), str(root / "b_pipe"), str(root / "c_socket")]
    assert out[1] == InputError(str(root / "b_pipe"), Msg.NOT_REGULAR)
    assert out[2] == InputError(str(root / "c_socket"), Msg.NOT_REGULAR)
    assert "is not a regular file" in str(out[1])


def test_device_file_in_a_folder_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "a.txt")
    (root / "null").symlink_to("/dev/null")
    out = _expand(root, follow_links=True)
    assert out[1] == InputError(str(root / "null"), Msg.NOT_REGULAR)


def test_fifo_given_directly_is_refused_without_opening_it(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result: list[object] = []
    reader = threading.Thread(target=lambda: result.extend(read_inputs([str(pipe)])), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert result == [InputError(str(pipe), Msg.NOT_REGULAR)]


def test_link_out_of_the_folder_is_reported_unless_followed(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    far_file = _write(outside / "far.txt", "A dispatch kept outside the input folder.")
    _write(outside / "sub" / "deep.txt")
    root = tmp_path / "corpus"
    mine = _write(root / "a.txt")
    (root / "b_file_link.txt").symlink_to(far_file)
    (root / "c_folder_link").symlink_to(outside)
    assert _expand(root) == [
        str(mine),
        InputError(str(root / "b_file_link.txt"), Msg.LINK_OUTSIDE.format(target=far_file)),
        InputError(str(root / "c_folder_link"), Msg.LINK_OUTSIDE.format(target=outside)),
    ]
    assert _expand(root, follow_links=True) == [
        str(mine),
        str(root / "b_file_link.txt"),
        str(root / "c_folder_link" / "far.txt"),
        str(root / "c_folder_link" / "sub" / "deep.txt"),
    ]


def test_link_into_an_unreadable_place_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "vault"
    _write(outside / "x.txt")
    root = tmp_path / "corpus"
    _write(root / "a.txt")
    (root / "vault_link").symlink_to(outside)
    real_stat = os.stat

    def stat(path: str | Path, *args: object, **kwargs: object) -> os.stat_result:
        if os.fspath(path) == str(root / "vault_link"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources_mod.os, "stat", stat)
    assert _expand(root, follow_links=True)[1] == InputError(
        str(root / "vault_link"), "cannot be read: Permission denied"
    )


def test_link_inside_the_folder(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    target = _write(root / "a.txt")
    (root / "b_alias.txt").symlink_to(target)
    (root / "c_sub").mkdir()
    _write(root / "c_sub" / "x.txt")
    (root / "d_sub_alias").symlink_to(root / "c_sub")  # read under its own name, not again through the link
    (root / "e_self").symlink_to(root)
    assert _expand(root) == [str(target), str(root / "b_alias.txt"), str(root / "c_sub" / "x.txt")]


def test_symlink_loops_end(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "a.txt")
    (root / "b_loop").symlink_to(root / "c_loop")
    (root / "c_loop").symlink_to(root / "b_loop")
    outside = tmp_path / "out"
    outside.mkdir()
    _write(outside / "o.txt")
    (outside / "back").symlink_to(tmp_path)  # leads above the input folder and back into it, and out again
    (root / "d_out").symlink_to(outside)
    out = _expand(root, follow_links=True)
    assert out[:3] == [
        str(root / "a.txt"),
        InputError(str(root / "b_loop"), Msg.LINK_LOOP),
        InputError(str(root / "c_loop"), Msg.LINK_LOOP),
    ]
    assert str(root / "d_out" / "o.txt") in out
    assert InputError(str(root / "d_out" / "back" / "out"), Msg.FOLDER_SEEN) in out
    assert len(out) < 20


def test_broken_link_in_a_folder_and_given_directly(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "a.txt")
    (root / "gone.txt").symlink_to(root / "missing.txt")
    assert _expand(root)[1] == InputError(str(root / "gone.txt"), Msg.BROKEN_LINK)
    assert _expand(root / "gone.txt") == [InputError(str(root / "gone.txt"), Msg.BROKEN_LINK)]


def test_folder_of_nothing_but_a_skipped_link_is_not_empty(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "out").symlink_to(tmp_path)
    assert _expand(root) == [InputError(str(root / "out"), Msg.LINK_OUTSIDE.format(target=tmp_path))]


def test_follow_links_option_of_clean(tmp_path: Path) -> None:
    outside = _write(tmp_path / "elsewhere" / "far.txt", "A dispatch kept outside the input folder, about the ferry.")
    root = tmp_path / "corpus"
    _write(root / "a.txt")
    (root / "b_link.txt").symlink_to(outside)
    runner = CliRunner()
    args = ["clean", "--no-annotate", "-f", "json", str(root)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert f"{root / 'b_link.txt'}: is a symbolic link to {outside}, outside the folder" in result.stderr
    followed = runner.invoke(app, [*args, "--follow-links"])
    assert followed.exit_code == 0, followed.output
    assert str(root / "b_link.txt") in followed.stdout


@pytest.mark.parametrize("command", ["group", "brief"])
def test_follow_links_option_reaches_the_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    module = importlib.import_module(f"storybrief.cli.{command}")
    seen: list[object] = []

    def read_grouped(paths: list[str], **kwargs: object) -> None:
        seen.append(kwargs.get("follow_links"))
        raise typer.Exit(code=0)

    monkeypatch.setattr(module, "start_parsers", lambda *_args: None)
    monkeypatch.setattr(module, "read_grouped", read_grouped)
    runner = CliRunner()
    runner.invoke(app, [command, str(tmp_path)])
    runner.invoke(app, [command, "--follow-links", str(tmp_path)])
    assert seen == [False, True]


def test_pipe_this_process_holds_open_is_read(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()  # what the shell's <(command) passes as /dev/fd/N
    try:
        os.write(write_end, NOTE.encode())
        os.close(write_end)
        path = f"/dev/fd/{read_end}"
        out = list(read_inputs([path], max_bytes=1000))
    finally:
        os.close(read_end)
    assert [(d.input, d.text) for d in out if isinstance(d, RawDocument)] == [(path, NOTE)]


def test_current_folder_gives_the_names_path_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "b" / "c.txt")
    _write(tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    assert _expand(".") == [str(p) for p in sorted(p for p in Path(".").rglob("*") if p.is_file())]
    assert _expand(".") == ["a.txt", os.path.join("b", "c.txt")]


def test_read_inputs_takes_one_path_as_a_string(tmp_path: Path) -> None:
    """A string is one path, never a sequence of one-character paths (which would walk '/')."""
    from storybrief import read_inputs

    story = tmp_path / "story.txt"
    story.write_text("The harbour bridge reopened on Monday after three weeks of repairs, the council said.\n")
    items = list(read_inputs(str(story)))
    assert [type(i).__name__ for i in items] == ["RawDocument"]
    assert [i.input for i in read_inputs(story)] == [str(story)]
