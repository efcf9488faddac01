"""The library: a persistent store of inputs, articles, stories, topics and briefs that grows as news arrives.

:mod:`.library` is the one module that speaks SQL (SQLite through the standard library today, so that a server
database can replace it without touching the stages); :mod:`.schema` holds the tables and their forward
migrations; :mod:`.grow` adds new inputs (``storybrief add``) and :mod:`.briefs` renders from the store.
"""

from __future__ import annotations

import os

DEFAULT_DB = "storybrief.db"
DB_ENV = "STORYBRIEF_DB"


def default_db() -> str:
    """``STORYBRIEF_DB`` when set, else ``storybrief.db`` in the working directory."""
    return os.environ.get(DB_ENV) or DEFAULT_DB
