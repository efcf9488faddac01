"""Ctrl-C: one line, exit code 130, no traceback from the main process or the spaCy workers, no output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORDS = "harbour council ferry engineers survey tide barrier inspection vote budget pier crane".split()


def _articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        body = " ".join(f"{WORDS[(i + j) % len(WORDS)]}{j % 7}" for j in range(60))
        text = f"Ferry report {i}\n\nThe council met on Monday about pier {i}. {body}.\n\nIt said the work goes on.\n"
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to see the workers start")
@pytest.mark.parametrize(("signum", "code", "group"), [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, False)])
def test_interruption_is_one_line_and_leaves_no_worker(tmp_path: Path, signum: int, code: int, group: bool) -> None:
    """Ctrl-C reaches the whole process group (a terminal sends it so); SIGTERM (``kill PID``) only the
    main process, which must still shut its spaCy workers down instead of leaving them orphaned."""
    _articles(tmp_path / "in", 3000)  # about a minute of work: the interruption always lands mid-run
    out = tmp_path / "brief.md"
    # A new session, so that the signal goes to the whole process group, as a terminal's Ctrl-C does.
    proc = subprocess.Popen(
        [sys.executable, "-m", "storybrief", "brief", str(tmp_path / "in"), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.5)  # the workers are parsing
    assert proc.poll() is None, "the run ended before it could be interrupted"
    workers = [int(pid) for pid in _children(proc.pid)]
    if group:
        os.killpg(proc.pid, signum)
    else:
        os.kill(proc.pid, signum)
    _, stderr = proc.communicate(timeout=120)
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert proc.returncode == code, stderr
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "a spaCy worker outlived the command"
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert lines and lines[-1].startswith("storybrief: interrupted"), stderr
    assert not out.exists()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_ctrl_c_stops_serve_cleanly(tmp_path: Path) -> None:
    """For a server, Ctrl-C is the normal way to stop: exit 0 and one line, not the interruption message."""
    import urllib.request

    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "storybrief", "serve", "--db", str(tmp_path / "lib.db"), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 90
    answered = False
    while not answered and proc.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                answered = response.status == 200
        except OSError:
            time.sleep(0.2)
    assert answered, "the server never answered"
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr and "interrupted" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("serve: stopped"), stderr
