"""Shared fixtures: where the shared seeds and datasets live (beside the repository, never inside it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYBRIEF_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples" / "valeport"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed articles are not present at {SEEDS} (set STORYBRIEF_SHARED)")
    return SEEDS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
