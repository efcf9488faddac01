"""JSON written piece by piece: the same bytes as ``json.dumps(value, ensure_ascii=False, indent=2)``
without ever holding the whole document (or every record's dict) in memory at once.

A report of 20,000 articles as one string is as large again as the records it is made of; the
commands instead write :func:`json_chunks` to the destination as they come.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)
_INDENT = "  "


class JsonList:
    """A JSON array whose items are made one at a time, when it is written (e.g. ``a.to_dict()`` per article)."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def _streams(value: Any) -> bool:
    return isinstance(value, JsonList) or (
        isinstance(value, Mapping) and any(isinstance(v, JsonList) for v in value.values())
    )


def json_chunks(value: Any, level: int = 0) -> Iterator[str]:
    """Pieces of ``value`` as indented JSON; a :class:`JsonList` anywhere in the top mappings is made lazily."""
    newline = "\n" + _INDENT * level
    if not _streams(value):
        for chunk in _ENCODER.iterencode(value):
            yield chunk.replace("\n", newline) if level else chunk  # strings never hold a raw newline
        return
    if isinstance(value, JsonList):
        opener, closer, pairs = "[", "]", ((None, item) for item in value.items)
    else:
        opener, closer, pairs = "{", "}", ((key, item) for key, item in value.items())
    first = True
    for key, item in pairs:
        yield (opener if first else ",") + newline + _INDENT
        if key is not None:
            yield _ENCODER.encode(str(key)) + ": "
        yield from json_chunks(item, level + 1)
        first = False
    yield opener + closer if first else newline + closer


def json_text(value: Any) -> str:
    return "".join(json_chunks(value))
