"""The synthesize stage: per story a cited summary, headline, key quotes, timeline and source comparison."""

from __future__ import annotations

from .brief import brief_story, build_report
from .summary import headline, summarize
from .timeline import build_timeline

__all__ = ["brief_story", "build_report", "build_timeline", "headline", "summarize"]
