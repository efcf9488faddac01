"""The group stage: duplicates, syndicated copies and rewrites, stories and topics.

:func:`group_corpus` runs it all on an annotated corpus; each step is also usable alone
(:func:`find_duplicates`, :func:`group_stories`, :class:`StoryStream`, :func:`group_topics`).
"""

from __future__ import annotations

from ..model import Story
from .candidates import CandidateIndex, Weights
from .copies import find_rewrites, syndication_groups
from .dedup import DuplicateGroup, find_duplicates
from .stories import StoryStream, article_features, group_stories, stream_stories
from .topics import group_topics

__all__ = [
    "CandidateIndex",
    "DuplicateGroup",
    "Story",
    "StoryStream",
    "Weights",
    "article_features",
    "find_duplicates",
    "find_rewrites",
    "group_stories",
    "group_topics",
    "stream_stories",
    "syndication_groups",
]
