"""Locating the shared evaluation datasets (never copied into the repository)."""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def datasets_dir() -> Path:
    """``$STORYBRIEF_DATASETS`` or ``../shared/datasets`` beside the repository."""
    env = os.environ.get("STORYBRIEF_DATASETS")
    path = Path(env) if env else ROOT.parent / "shared" / "datasets"
    if not path.is_dir():
        sys.exit(f"datasets folder not found: {path} (set STORYBRIEF_DATASETS)")
    return path


def source_key(*parts: str, stages: tuple[str, ...] = ("ingest", "clean", "annotate", "model")) -> str:
    """A hash of the storybrief sources that shape cached annotated articles, plus ``parts``."""
    src = ROOT / "src" / "storybrief"
    h = hashlib.sha1()
    for sub in stages:
        for path in sorted((src / sub).glob("*.py")):
            h.update(path.read_bytes())
    for name in ("pipeline.py", "timeparse.py"):
        h.update((src / name).read_bytes())
    for p in parts:
        h.update(p.encode())
    return h.hexdigest()[:12]


def cpu_check() -> float:
    """Seconds for a fixed pure-Python loop: how fast the shared, virtual CPU is right now."""
    start = time.perf_counter()
    total = 0
    for i in range(2_000_000):
        total += i * i
    return time.perf_counter() - start
