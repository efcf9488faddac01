"""Locating the shared evaluation datasets (never copied into the repository)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def datasets_dir() -> Path:
    """``$STORYBRIEF_DATASETS`` or ``../shared/datasets`` beside the repository."""
    env = os.environ.get("STORYBRIEF_DATASETS")
    path = Path(env) if env else ROOT.parent / "shared" / "datasets"
    if not path.is_dir():
        sys.exit(f"datasets folder not found: {path} (set STORYBRIEF_DATASETS)")
    return path
