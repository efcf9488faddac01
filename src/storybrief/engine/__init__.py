"""Engines run the per-article stages (read, clean, annotate) over an input.

:mod:`.local` runs them in processes on this machine; :mod:`.ray` runs them on Ray Data, on this machine
or a cluster. Both give the same clean, annotated :class:`~storybrief.model.Corpus`; the stages do not
know which engine runs them. Grouping and briefs run after the engine with the same library calls; on Ray,
batch story grouping (:mod:`.ray_group`) and briefs run there from a few thousand articles and a few
hundred stories. Ray is an optional extra: only :func:`ray_engine` imports it, when the Ray engine is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from ..errors import Msg, SetupProblem

ENGINES = ("local", "ray")


@dataclass(frozen=True, slots=True)
class RayOptions:
    """Where the Ray engine runs: ``address`` None starts a local Ray with ``workers`` CPUs; ``"auto"``
    (or a ``ray://`` address) joins a running cluster. ``workers``: spaCy actors (0: one per CPU of
    the cluster)."""

    address: str | None = None
    workers: int = 1


def check_engine(engine: str) -> None:
    """A :class:`ValueError` naming the choices for an unknown engine."""
    if engine not in ENGINES:
        raise ValueError(Msg.ENGINE_UNKNOWN.format(engine=engine))


def ray_engine() -> ModuleType:
    """:mod:`storybrief.engine.ray`, or a :class:`~storybrief.errors.SetupProblem` saying how to install
    Ray when it is missing."""
    try:
        from . import ray as engine
    except ImportError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing in ("ray", "pyarrow", "numpy", "pandas"):
            raise SetupProblem(Msg.RAY_MISSING) from None
        raise
    return engine


__all__ = ["ENGINES", "RayOptions", "check_engine", "ray_engine"]
