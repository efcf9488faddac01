"""The one module that speaks SQL: every read and write of the library goes through :class:`Library`.

SQLite through the standard library, in WAL mode (readers never wait for a writer and never see a
half-written batch), one file. Writers take the lock at the start of their transaction (``BEGIN
IMMEDIATE``) and wait for one another, so two ``storybrief add`` runs on one library both finish.
Records are stored as their ``to_dict`` JSON; nothing outside this module knows the tables.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import Msg
from ..model import Article, InputError, QuoteGroup, Story, Syndication, Topic
from ..model.serial import article_from_dict, quote_group_from_dict
from .schema import MIGRATIONS, PIPELINE_VERSION, SCHEMA_VERSION

BUSY_TIMEOUT = 600.0  # seconds a writer waits for another one to finish its batch


class LibraryError(Exception):
    """The library cannot be used as asked (not a library, written by a newer storybrief): one line for the user."""


@dataclass(slots=True)
class StoredArticle:
    seq: int
    article: Article
    data: str  # the JSON it is stored as
    keys: frozenset[str]  # the quote keys the story stream was given when it was placed


@dataclass(slots=True)
class StoredStory:
    story: Story
    number: int
    version: str


@dataclass(slots=True)
class SearchHit:
    kind: str  # article, sentence or quote
    article: str
    title: str | None
    snippet: str
    rank: float


_WORD_RE = re.compile(r"\w+", re.UNICODE)


_IN_LIMIT = 500  # values bound in one ``IN (...)``, well under SQLite's limit on host parameters


def _in_chunks(values: Sequence[Any]) -> Iterator[tuple[list[Any], str]]:
    """``values`` in slices small enough for one ``IN (...)``, each with its ``?,?,…`` placeholders."""
    for start in range(0, len(values), _IN_LIMIT):
        chunk = list(values[start : start + _IN_LIMIT])
        yield chunk, ",".join("?" * len(chunk))


def glob_escape(text: str) -> str:
    """``text`` matched literally in a GLOB pattern."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def fts_query(text: str) -> str:
    """The words of ``text`` as an FTS5 query that cannot be malformed: every word must occur."""
    return " ".join(f'"{w}"' for w in _WORD_RE.findall(text))


class Library:
    """An open library file; use as a context manager or call :meth:`close`."""

    def __init__(self, path: str, *, create: bool = True) -> None:
        """Open (and migrate) the library at ``path``; a missing file is created only when ``create``."""
        self.path = path
        if not create and not os.path.exists(path):
            raise LibraryError(Msg.LIBRARY_MISSING.format(path=path))
        try:
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise LibraryError(Msg.LIBRARY_UNUSABLE.format(path=path, reason=exc)) from None
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise LibraryError(Msg.LIBRARY_UNUSABLE.format(path=path, reason=exc)) from None
        except LibraryError:
            self._db.close()
            raise

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # -- schema --------------------------------------------------------------------------------------------
    def schema_version(self) -> int:
        has_meta = self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        if not has_meta:
            return 0
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        if self.schema_version() > SCHEMA_VERSION:
            raise LibraryError(
                Msg.LIBRARY_NEWER.format(path=self.path, version=self.schema_version(), supported=SCHEMA_VERSION)
            )
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self.write():
            version = self.schema_version()  # another process may have migrated meanwhile
            if version > SCHEMA_VERSION:
                raise LibraryError(Msg.LIBRARY_NEWER.format(path=self.path, version=version, supported=SCHEMA_VERSION))
            for steps in MIGRATIONS[version:]:
                for step in steps:
                    self._db.execute(step)
            self._set("schema_version", str(SCHEMA_VERSION))
            self._set("schema_pipeline", PIPELINE_VERSION)

    # -- transactions and meta ---------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[None]:
        """One transaction that holds the write lock from its start: all of it is stored, or none."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[None]:
        """One consistent snapshot for several reads."""
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            self._db.execute("COMMIT")

    def _get(self, key: str, default: str) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def _set(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def generation(self) -> int:
        """A number that grows with every stored batch: a cached view of the library is stale when it changed."""
        return int(self._get("generation", "0"))

    def bump_generation(self) -> int:
        value = self.generation() + 1
        self._set("generation", str(value))
        return value

    def next_number(self, kind: str) -> int:
        """The next story or topic number (never reused, so ids stay unique through merges)."""
        value = int(self._get(f"last_{kind}", "0")) + 1
        self._set(f"last_{kind}", str(value))
        return value

    # -- inputs -------------------------------------------------------------------------------------------
    def has_input(self, name: str, digest: str) -> bool:
        row = self._db.execute("SELECT 1 FROM inputs WHERE name = ? AND hash = ?", (name, digest)).fetchone()
        return row is not None

    def add_input(self, name: str, digest: str, added_at: str) -> tuple[int, int]:
        """Store one version of an input; returns its row id and version number (1 for a new input)."""
        (count,) = self._db.execute("SELECT COUNT(*) FROM inputs WHERE name = ?", (name,)).fetchone()
        cur = self._db.execute(
            "INSERT INTO inputs (name, hash, version, added_at) VALUES (?, ?, ?, ?)",
            (name, digest, count + 1, added_at),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid, count + 1

    def add_input_error(self, input_id: int, error: InputError) -> None:
        self._db.execute(
            "INSERT INTO input_errors (input_id, source, line, message) VALUES (?, ?, ?, ?)",
            (input_id, error.input, error.line, error.message),
        )

    def input_errors(self) -> list[InputError]:
        """Errors of the newest version of every input."""
        rows = self._db.execute(
            """SELECT e.source, e.message, e.line FROM input_errors e JOIN inputs i ON i.id = e.input_id
               WHERE i.version = (SELECT MAX(version) FROM inputs j WHERE j.name = i.name) ORDER BY e.id"""
        )
        return [InputError(source, message, line) for source, message, line in rows]

    def input_versions(self) -> list[tuple[str, str, int]]:
        return list(self._db.execute("SELECT name, hash, version FROM inputs ORDER BY id"))

    # -- articles -----------------------------------------------------------------------------------------
    def article_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM articles")}

    def article_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def stored_articles(self) -> Iterator[StoredArticle]:
        """Every article in the order it was placed into the stories."""
        for seq, data, keys in self._db.execute("SELECT seq, data, stream_keys FROM articles ORDER BY seq"):
            yield StoredArticle(seq, article_from_dict(json.loads(data)), data, frozenset(json.loads(keys)))

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """The articles with these ids, in the order given."""
        found: dict[str, Article] = {}
        for chunk, marks in _in_chunks(ids):
            for aid, data in self._db.execute(f"SELECT id, data FROM articles WHERE id IN ({marks})", chunk):
                found[aid] = article_from_dict(json.loads(data))
        return [found[i] for i in ids if i in found]

    def insert_article(self, article: Article, data: str, keys: Iterable[str], input_id: int, added_at: str) -> None:
        published = article.published.isoformat() if article.published else None
        self._db.execute(
            """INSERT INTO articles (id, input_id, published, added_at, stream_keys, data, pipeline)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (article.id, input_id, published, added_at, json.dumps(sorted(keys)), data, PIPELINE_VERSION),
        )
        self._index_search(article)

    def _index_search(self, article: Article) -> None:
        rows: list[tuple[str, str, str, str | None]] = [
            (f"{article.title or ''}\n{article.text}", "article", article.id, None)
        ]
        rows += [
            (article.text[s.start : s.end], "sentence", article.id, str(n)) for n, s in enumerate(article.sentences)
        ]
        rows += [(q.text, "quote", article.id, str(n)) for n, q in enumerate(article.quotes)]
        self._db.executemany("INSERT INTO search (text, kind, article, ref) VALUES (?, ?, ?, ?)", rows)

    def set_stream_keys(self, article_id: str, keys: Iterable[str]) -> None:
        self._db.execute("UPDATE articles SET stream_keys = ? WHERE id = ?", (json.dumps(sorted(keys)), article_id))

    def update_article(self, article_id: str, data: str) -> None:
        self._db.execute("UPDATE articles SET data = ? WHERE id = ?", (data, article_id))

    def export_records(self) -> Iterator[dict[str, Any]]:
        for (data,) in self._db.execute("SELECT data FROM articles ORDER BY seq"):
            yield json.loads(data)

    # -- derived groups -----------------------------------------------------------------------------------
    def replace_quote_groups(self, groups: Sequence[QuoteGroup]) -> None:
        self._db.execute("DELETE FROM quote_groups")
        self._db.execute("DELETE FROM quote_group_members")
        self.add_quote_groups(groups)

    def quote_groups(self, article_ids: Iterable[str] | None = None) -> list[QuoteGroup]:
        """All quote groups, or those quoted by any of ``article_ids`` (read through their member rows)."""
        if article_ids is None:
            rows = self._db.execute("SELECT data FROM quote_groups ORDER BY rowid")
            return [quote_group_from_dict(json.loads(data)) for (data,) in rows]
        found: dict[int, str] = {}
        wanted = list(set(article_ids))
        for chunk, marks in _in_chunks(wanted):
            rows = self._db.execute(
                f"""SELECT g.rowid, g.data FROM quote_groups g WHERE g.id IN
                    (SELECT grp FROM quote_group_members WHERE article IN ({marks}))""",
                chunk,
            )
            found.update(rows)
        return [quote_group_from_dict(json.loads(found[k])) for k in sorted(found)]

    def replace_duplicates(self, pairs: Sequence[tuple[str, str, float]]) -> None:
        self._db.execute("DELETE FROM duplicates")
        self._db.executemany(
            "INSERT INTO duplicates (article, canonical, similarity, pipeline) VALUES (?, ?, ?, ?)",
            [(a, c, s, PIPELINE_VERSION) for a, c, s in pairs],
        )

    def replace_syndications(self, groups: Sequence[Syndication]) -> None:
        self._db.execute("DELETE FROM syndications")
        self._db.executemany(
            "INSERT INTO syndications (id, data, pipeline) VALUES (?, ?, ?)",
            [(g.id, json.dumps(g.to_dict()), PIPELINE_VERSION) for g in groups],
        )

    # -- stories and topics -------------------------------------------------------------------------------
    def stories(self) -> list[StoredStory]:
        members: dict[str, list[str]] = {}
        for article, story in self._db.execute("SELECT article, story FROM story_articles ORDER BY story, position"):
            members.setdefault(story, []).append(article)
        rows = self._db.execute("SELECT id, number, topic, version FROM stories ORDER BY number")
        return [StoredStory(Story(sid, members.get(sid, []), topic), n, v) for sid, n, topic, v in rows]

    def save_story(self, story: Story, number: int, version: str, now: str) -> None:
        """Insert or update a story and its membership (articles in the given order)."""
        self._db.execute(
            """INSERT INTO stories (id, number, topic, version, created_at, changed_at, pipeline)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET topic = excluded.topic, version = excluded.version,
                 changed_at = excluded.changed_at, pipeline = excluded.pipeline""",
            (story.id, number, story.topic, version, now, now, PIPELINE_VERSION),
        )
        self._db.execute("DELETE FROM story_articles WHERE story = ?", (story.id,))
        self._db.executemany(
            "INSERT OR REPLACE INTO story_articles (article, story, position) VALUES (?, ?, ?)",
            [(aid, story.id, n) for n, aid in enumerate(story.articles)],
        )

    def set_story_topic(self, story_id: str, topic: str | None) -> None:
        self._db.execute("UPDATE stories SET topic = ? WHERE id = ?", (topic, story_id))

    def merge_story(self, old: str, new: str, now: str) -> None:
        """``old`` was merged into ``new``: it is gone, and its id redirects to ``new``."""
        self._db.execute("DELETE FROM stories WHERE id = ?", (old,))
        self._db.execute("DELETE FROM briefs WHERE story = ?", (old,))
        self._db.execute("UPDATE story_redirects SET new = ? WHERE new = ?", (new, old))
        self._db.execute("INSERT OR REPLACE INTO story_redirects (old, new, at) VALUES (?, ?, ?)", (old, new, now))

    def resolve_story(self, story_id: str) -> str | None:
        """The id a story has now (following a merge), or None when there is no such story."""
        row = self._db.execute("SELECT new FROM story_redirects WHERE old = ?", (story_id,)).fetchone()
        current = row[0] if row else story_id
        found = self._db.execute("SELECT 1 FROM stories WHERE id = ?", (current,)).fetchone()
        return current if found else None

    def replace_topics(self, topics: Sequence[tuple[Topic, int]]) -> None:
        self._db.execute("DELETE FROM topic_stories")
        self._db.execute("DELETE FROM topics")
        self._db.executemany(
            "INSERT INTO topics (id, number, label, pipeline) VALUES (?, ?, ?, ?)",
            [(t.id, n, t.label, PIPELINE_VERSION) for t, n in topics],
        )
        self._db.executemany(
            "INSERT INTO topic_stories (story, topic, position) VALUES (?, ?, ?)",
            [(sid, t.id, i) for t, _ in topics for i, sid in enumerate(t.stories)],
        )

    def topics(self) -> list[tuple[Topic, int]]:
        members: dict[str, list[str]] = {}
        for story, topic in self._db.execute("SELECT story, topic FROM topic_stories ORDER BY topic, position"):
            members.setdefault(topic, []).append(story)
        rows = self._db.execute("SELECT id, number, label FROM topics ORDER BY number")
        return [(Topic(tid, label, members.get(tid, [])), n) for tid, n, label in rows]

    # -- briefs -------------------------------------------------------------------------------------------
    def cached_brief(self, story: str, params: str, version: str) -> bytes | None:
        row = self._db.execute(
            "SELECT data FROM briefs WHERE story = ? AND params = ? AND version = ? AND pipeline = ?",
            (story, params, version, PIPELINE_VERSION),
        ).fetchone()
        return bytes(row[0]) if row else None

    def store_brief(self, story: str, params: str, version: str, data: bytes) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO briefs (story, params, version, data, pipeline) VALUES (?, ?, ?, ?, ?)",
            (story, params, version, data, PIPELINE_VERSION),
        )

    # -- placement state (see store.place): candidates come from here, never from the whole library --------
    def reindex_needed(self) -> str | None:
        """What a reindex must rebuild before this library can grow (None when nothing)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'reindex'").fetchone()
        return str(row[0]) if row else None

    def set_reindex_needed(self, what: str | None) -> None:
        if what is None:
            self._db.execute("DELETE FROM meta WHERE key = 'reindex'")
        else:
            self._set("reindex", what)

    def meta(self, key: str, default: str = "") -> str:
        return self._get(key, default)

    def set_meta(self, key: str, value: str) -> None:
        self._set(key, value)

    def stream_df(self, kind: int, keys: Iterable[str]) -> dict[str, int]:
        """Document frequencies of ``keys`` among the placed articles."""
        out: dict[str, int] = {}
        wanted = list(dict.fromkeys(keys))
        for chunk, marks in _in_chunks(wanted):
            rows = self._db.execute(f"SELECT key, n FROM stream_df WHERE kind = ? AND key IN ({marks})", [kind, *chunk])
            out.update((k, int(n)) for k, n in rows)
        return out

    def add_stream_df(self, kind: int, keys: Iterable[str]) -> None:
        self._db.executemany(
            "INSERT INTO stream_df (kind, key, n) VALUES (?, ?, 1) ON CONFLICT (kind, key) DO UPDATE SET n = n + 1",
            [(kind, k) for k in set(keys)],
        )

    def insert_node(self, article: str, story: str, span: tuple[int | None, int | None], data: str) -> int:
        cur = self._db.execute(
            "INSERT INTO stream_nodes (article, story, lo, hi, data, pipeline) VALUES (?, ?, ?, ?, ?, ?)",
            (article, story, span[0], span[1], data, PIPELINE_VERSION),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def node_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM stream_nodes").fetchone()[0])

    def add_postings(self, node: int, keys: Iterable[str]) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO stream_postings (key, node) VALUES (?, ?)", [(k, node) for k in keys]
        )

    def postings(self, keys: Sequence[str], max_postings: int) -> dict[str, list[int]]:
        """Nodes of each key held by at most ``max_postings`` nodes (a commoner key proposes nothing)."""
        out: dict[str, list[int]] = {}
        for key in dict.fromkeys(keys):
            nodes = [
                n
                for (n,) in self._db.execute(
                    "SELECT node FROM stream_postings WHERE key = ? ORDER BY node LIMIT ?", (key, max_postings + 1)
                )
            ]
            if nodes and len(nodes) <= max_postings:
                out[key] = nodes
        return out

    def node_spans(self, nodes: Iterable[int]) -> dict[int, tuple[int | None, int | None]]:
        out: dict[int, tuple[int | None, int | None]] = {}
        wanted = list(nodes)
        for chunk, marks in _in_chunks(wanted):
            for node, lo, hi in self._db.execute(
                f"SELECT node, lo, hi FROM stream_nodes WHERE node IN ({marks})", chunk
            ):
                out[node] = (lo, hi)
        return out

    def nodes(self, nodes: Iterable[int]) -> dict[int, tuple[str, str, str]]:
        """(article, story, features JSON) of each node."""
        out: dict[int, tuple[str, str, str]] = {}
        wanted = list(nodes)
        for chunk, marks in _in_chunks(wanted):
            rows = self._db.execute(
                f"SELECT node, article, story, data FROM stream_nodes WHERE node IN ({marks})", chunk
            )
            for node, article, story, data in rows:
                out[node] = (article, story, data)
        return out

    def story_dated(self, story: str) -> bool:
        """Whether a placed article of ``story`` has a publication day (a known latest day)."""
        row = self._db.execute("SELECT 1 FROM stream_nodes WHERE story = ? AND hi IS NOT NULL LIMIT 1", (story,))
        return row.fetchone() is not None

    def set_node_data(self, node: int, data: str) -> None:
        self._db.execute("UPDATE stream_nodes SET data = ? WHERE node = ?", (data, node))

    def move_nodes(self, old_story: str, new_story: str) -> None:
        self._db.execute("UPDATE stream_nodes SET story = ? WHERE story = ?", (new_story, old_story))

    def story_inner(self, story: str) -> float:
        row = self._db.execute("SELECT total FROM story_inner WHERE story = ?", (story,)).fetchone()
        return float(row[0]) if row else 0.0

    def set_story_inner(self, story: str, total: float) -> None:
        self._db.execute("INSERT OR REPLACE INTO story_inner (story, total) VALUES (?, ?)", (story, total))

    def story_link(self, a: str, b: str) -> float:
        row = self._db.execute("SELECT total FROM story_links WHERE a = ? AND b = ?", (a, b)).fetchone()
        return float(row[0]) if row else 0.0

    def add_story_link(self, a: str, b: str, value: float) -> None:
        self._db.executemany(
            """INSERT INTO story_links (a, b, total) VALUES (?, ?, ?)
               ON CONFLICT (a, b) DO UPDATE SET total = total + excluded.total""",
            [(a, b, value), (b, a, value)],
        )

    def merge_story_links(self, keep: str, gone: str) -> None:
        """``gone``'s links become ``keep``'s (the link between the two is the caller's to fold in)."""
        rows = list(self._db.execute("SELECT b, total FROM story_links WHERE a = ?", (gone,)))
        self._db.execute("DELETE FROM story_links WHERE a = ? OR b = ?", (gone, gone))
        for other, total in rows:
            if other != keep:
                self.add_story_link(keep, other, total)
        self._db.execute("DELETE FROM story_inner WHERE story = ?", (gone,))

    def story_event_inner(self, story: str) -> tuple[float, float]:
        """(sum, count) of the event similarities of ``story``'s own comparable pairs."""
        row = self._db.execute("SELECT total, pairs FROM story_event_inner WHERE story = ?", (story,)).fetchone()
        return (float(row[0]), float(row[1])) if row else (0.0, 0.0)

    def set_story_event_inner(self, story: str, total: float, pairs: float) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO story_event_inner (story, total, pairs) VALUES (?, ?, ?)", (story, total, pairs)
        )

    def story_event_link(self, a: str, b: str) -> tuple[float, float]:
        """(sum, count) of the event similarities of the comparable pairs between two stories."""
        row = self._db.execute("SELECT total, pairs FROM story_event_links WHERE a = ? AND b = ?", (a, b)).fetchone()
        return (float(row[0]), float(row[1])) if row else (0.0, 0.0)

    def add_story_event_link(self, a: str, b: str, total: float, pairs: float) -> None:
        self._db.executemany(
            """INSERT INTO story_event_links (a, b, total, pairs) VALUES (?, ?, ?, ?)
               ON CONFLICT (a, b) DO UPDATE SET total = total + excluded.total, pairs = pairs + excluded.pairs""",
            [(a, b, total, pairs), (b, a, total, pairs)],
        )

    def merge_story_event_links(self, keep: str, gone: str) -> None:
        """``gone``'s event links become ``keep``'s (the link between the two is the caller's to fold in)."""
        rows = list(self._db.execute("SELECT b, total, pairs FROM story_event_links WHERE a = ?", (gone,)))
        self._db.execute("DELETE FROM story_event_links WHERE a = ? OR b = ?", (gone, gone))
        for other, total, pairs in rows:
            if other != keep:
                self.add_story_event_link(keep, other, total, pairs)
        self._db.execute("DELETE FROM story_event_inner WHERE story = ?", (gone,))

    def story_members(self, story: str) -> list[str]:
        return [
            a
            for (a,) in self._db.execute(
                "SELECT article FROM story_articles WHERE story = ? ORDER BY position", (story,)
            )
        ]

    def story_numbers(self, ids: Iterable[str]) -> dict[str, tuple[int, str, str | None]]:
        """(number, content version, topic) of each stored story."""
        out: dict[str, tuple[int, str, str | None]] = {}
        for sid in set(ids):
            row = self._db.execute("SELECT number, version, topic FROM stories WHERE id = ?", (sid,)).fetchone()
            if row:
                out[sid] = (int(row[0]), str(row[1]), row[2])
        return out

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        wanted = list(set(article_ids))
        for chunk, marks in _in_chunks(wanted):
            rows = self._db.execute(f"SELECT article, story FROM story_articles WHERE article IN ({marks})", chunk)
            out.update(rows)
        return out

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` (or their ``~n`` versions) are taken by stored articles."""
        out: set[str] = set()
        for aid in set(ids):
            rows = self._db.execute("SELECT id FROM articles WHERE id = ? OR id GLOB ?", (aid, glob_escape(aid) + "~*"))
            out.update(r[0] for r in rows)
        return out

    def article_data(self, ids: Iterable[str]) -> dict[str, str]:
        """The stored JSON of these articles."""
        out: dict[str, str] = {}
        wanted = list(set(ids))
        for chunk, marks in _in_chunks(wanted):
            out.update(self._db.execute(f"SELECT id, data FROM articles WHERE id IN ({marks})", chunk))
        return out

    def article_seqs(self, ids: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        wanted = list(set(ids))
        for chunk, marks in _in_chunks(wanted):
            out.update(self._db.execute(f"SELECT id, seq FROM articles WHERE id IN ({marks})", chunk))
        return out

    def quoting(self, ids: Iterable[str]) -> set[str]:
        """Which of these articles carry quotes."""
        out: set[str] = set()
        wanted = list(set(ids))
        for chunk, marks in _in_chunks(wanted):
            rows = self._db.execute(
                f"SELECT id FROM articles WHERE id IN ({marks}) AND json_array_length(data, '$.quotes') > 0", chunk
            )
            out.update(r[0] for r in rows)
        return out

    def remove_quote_groups(self, ids: Iterable[str]) -> None:
        for gid in set(ids):
            self._db.execute("DELETE FROM quote_groups WHERE id = ?", (gid,))
            self._db.execute("DELETE FROM quote_group_members WHERE grp = ?", (gid,))

    def add_quote_groups(self, groups: Sequence[QuoteGroup]) -> None:
        for g in groups:
            self.remove_quote_groups([g.id])
            self._db.execute(
                "INSERT INTO quote_groups (id, data, pipeline) VALUES (?, ?, ?)",
                (g.id, json.dumps(g.to_dict()), PIPELINE_VERSION),
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO quote_group_members (article, grp) VALUES (?, ?)",
                [(a, g.id) for a in g.articles],
            )

    def duplicate_groups(self, ids: Iterable[str]) -> dict[str, str]:
        """Stored duplicate links (article -> canonical, the canonical to itself) of every group one of ``ids``
        is in."""
        canon: set[str] = set()
        for aid in set(ids):
            row = self._db.execute("SELECT canonical FROM duplicates WHERE article = ?", (aid,)).fetchone()
            canon.add(row[0] if row else aid)
        out: dict[str, str] = {}
        for c in canon:
            rows = list(self._db.execute("SELECT article, canonical FROM duplicates WHERE canonical = ?", (c,)))
            out.update(rows)
            if rows:
                out[c] = c  # the canonical article itself
        return out

    def set_duplicates(self, articles: Iterable[str], pairs: Sequence[tuple[str, str, float]]) -> None:
        """Forget the duplicate links of ``articles`` and store ``pairs`` (article, canonical, similarity)."""
        for aid in set(articles):
            self._db.execute("DELETE FROM duplicates WHERE article = ?", (aid,))
        self._db.executemany(
            "INSERT OR REPLACE INTO duplicates (article, canonical, similarity, pipeline) VALUES (?, ?, ?, ?)",
            [(a, c, s, PIPELINE_VERSION) for a, c, s in pairs],
        )

    def set_syndications(self, gone: Iterable[str], groups: Sequence[Syndication]) -> None:
        for sid in set(gone):
            self._db.execute("DELETE FROM syndications WHERE id = ?", (sid,))
        self._db.executemany(
            "INSERT OR REPLACE INTO syndications (id, data, pipeline) VALUES (?, ?, ?)",
            [(g.id, json.dumps(g.to_dict()), PIPELINE_VERSION) for g in groups],
        )

    def topic_postings(self, keys: Sequence[str], max_postings: int) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key in dict.fromkeys(keys):
            rows = self._db.execute(
                "SELECT topic FROM topic_postings WHERE key = ? ORDER BY topic LIMIT ?", (key, max_postings + 1)
            )
            topics = [t for (t,) in rows]
            if topics and len(topics) <= max_postings:
                out[key] = topics
        return out

    def add_topic_postings(self, topic: str, keys: Iterable[str]) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO topic_postings (key, topic) VALUES (?, ?)", [(k, topic) for k in keys]
        )

    def topics_of(self, stories: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for sid in set(stories):
            out.update(t for (t,) in self._db.execute("SELECT topic FROM topic_stories WHERE story = ?", (sid,)))
        return out

    def topic_profile(self, topic: str) -> str | None:
        row = self._db.execute("SELECT data FROM topic_profiles WHERE topic = ?", (topic,)).fetchone()
        return str(row[0]) if row else None

    def set_topic_profile(self, topic: str, data: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO topic_profiles (topic, data) VALUES (?, ?)", (topic, data))

    def topic_row(self, topic: str) -> tuple[int, str, list[str]] | None:
        """(number, label, stories) of a stored topic."""
        row = self._db.execute("SELECT number, label FROM topics WHERE id = ?", (topic,)).fetchone()
        if not row:
            return None
        stories = [
            s
            for (s,) in self._db.execute("SELECT story FROM topic_stories WHERE topic = ? ORDER BY position", (topic,))
        ]
        return int(row[0]), str(row[1]), stories

    def save_topic(self, topic: Topic, number: int) -> None:
        """Insert or update one topic and its stories (in the given order); a topic with no stories is removed."""
        self._db.execute("DELETE FROM topic_stories WHERE topic = ?", (topic.id,))
        if not topic.stories:
            self._db.execute("DELETE FROM topics WHERE id = ?", (topic.id,))
            self._db.execute("DELETE FROM topic_profiles WHERE topic = ?", (topic.id,))
            self._db.execute("DELETE FROM topic_postings WHERE topic = ?", (topic.id,))
            return
        self._db.execute(
            "INSERT OR REPLACE INTO topics (id, number, label, pipeline) VALUES (?, ?, ?, ?)",
            (topic.id, number, topic.label, PIPELINE_VERSION),
        )
        self._db.executemany(
            "INSERT OR REPLACE INTO topic_stories (story, topic, position) VALUES (?, ?, ?)",
            [(sid, topic.id, i) for i, sid in enumerate(topic.stories)],
        )

    def articles_to_reindex(self, limit: int) -> list[tuple[int, str]]:
        """(seq, JSON) of articles annotated by another pipeline version, oldest first."""
        rows = self._db.execute(
            "SELECT seq, data FROM articles WHERE pipeline != ? ORDER BY seq LIMIT ?", (PIPELINE_VERSION, limit)
        )
        return [(int(s), str(d)) for s, d in rows]

    def count_to_reindex(self) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM articles WHERE pipeline != ?", (PIPELINE_VERSION,)).fetchone()
        return int(row[0])

    def set_article_annotation(self, article_id: str, data: str) -> None:
        """Store a re-annotated article (now of this pipeline version) and its search rows anew."""
        self._db.execute(
            "UPDATE articles SET data = ?, pipeline = ? WHERE id = ?", (data, PIPELINE_VERSION, article_id)
        )
        self._db.execute("DELETE FROM search WHERE article = ?", (article_id,))
        self._index_search(article_from_dict(json.loads(data)))

    def articles_after(self, seq: int, limit: int) -> list[tuple[int, str, str]]:
        """(seq, JSON, stream keys JSON) of the articles placed after ``seq``, in placement order."""
        rows = self._db.execute(
            "SELECT seq, data, stream_keys FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit)
        )
        return [(int(s), str(d), str(k)) for s, d, k in rows]

    def count_placed_after(self, seq: int) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles WHERE seq > ?", (seq,)).fetchone()[0])

    def clear_placement(self) -> None:
        """Forget all derived placement state (a reindex rebuilds it in placement order)."""
        for table in (
            "stream_df", "stream_nodes", "stream_postings", "story_inner", "story_links", "quote_groups",
            "quote_group_members", "duplicates", "syndications", "topic_profiles", "topic_postings",
            "story_event_inner", "story_event_links",
        ):  # fmt: skip
            self._db.execute(f"DELETE FROM {table}")

    # -- search -------------------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles, sentences and quotes matching every word of ``query``, best (BM25) first."""
        match = fts_query(query)
        if not match:
            return []
        rows = self._db.execute(
            """SELECT s.kind, s.article, snippet(search, 0, '[', ']', '…', 12), bm25(search),
                      json_extract(a.data, '$.title')
               FROM search s JOIN articles a ON a.id = s.article
               WHERE search MATCH ? ORDER BY bm25(search), s.rowid LIMIT ?""",
            (match, limit),
        )
        return [SearchHit(kind, aid, title, snippet, rank) for kind, aid, snippet, rank, title in rows]


# == reads for the web app (storybrief serve) ==============================================================
# Everything below only reads; each method is one query (or a few inside the caller's :meth:`Library.read`
# snapshot). Listing methods take ``limit``/``offset`` and have a ``*_count`` twin for pagination.


@dataclass(slots=True)
class StoryCard:
    """A story as a list shows it: size, date span, languages, its first article's title."""

    id: str
    number: int
    topic: str | None
    articles: int
    first: str | None  # earliest publication (ISO), None when no article is dated
    last: str | None
    languages: list[str]
    title: str | None
    changed_at: str


@dataclass(slots=True)
class ArticleCard:
    """An article as a list shows it, without its text and annotations."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: str | None
    story: str | None


@dataclass(slots=True)
class SpeakerQuote:
    """One article's quote of a person (a statement quoted by that article alone)."""

    article: str
    index: int
    text: str
    title: str | None


_SPEAKERS = """SELECT json_extract(q.value, '$.speaker') AS speaker, COUNT(*) AS n
               FROM articles a, json_each(a.data, '$.quotes') q WHERE speaker IS NOT NULL GROUP BY speaker"""

_FILTERED_SEARCH = """FROM search s JOIN articles a ON a.id = s.article
    WHERE search MATCH :match
      AND (:kind IS NULL OR s.kind = :kind)
      AND (:outlet IS NULL OR json_extract(a.data, '$.outlet') = :outlet)
      AND (:language IS NULL OR json_extract(a.data, '$.language') = :language)
      AND (:since IS NULL OR substr(a.published, 1, 10) >= :since)
      AND (:until IS NULL OR substr(a.published, 1, 10) <= :until)"""


class LibraryReads(Library):
    """The library with the read queries of the web app (lists with paging, filters, cards).

    A web request may open it in one worker thread and read in another (never two at once), so its
    connection is not tied to the thread that opened it.
    """

    def __init__(self, path: str, *, create: bool = True) -> None:
        super().__init__(path, create=create)  # opens, checks and migrates the library
        self._db.close()
        self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA synchronous=NORMAL")

    def __enter__(self) -> LibraryReads:
        return self

    def story_cards(self, ids: Sequence[str] | None = None) -> list[StoryCard]:
        """Cards of the given stories (all when ``ids`` is None), ordered by story number."""
        where, params = "", list(ids or [])
        if ids is not None:
            where = f"WHERE s.id IN ({','.join('?' * len(params))})" if params else "WHERE 0"
        rows = self._db.execute(
            f"""SELECT s.id, s.number, s.topic, s.changed_at, COUNT(sa.article), MIN(a.published), MAX(a.published),
                       group_concat(DISTINCT json_extract(a.data, '$.language')),
                       (SELECT json_extract(f.data, '$.title') FROM story_articles fa
                        JOIN articles f ON f.id = fa.article WHERE fa.story = s.id ORDER BY fa.position LIMIT 1)
                FROM stories s LEFT JOIN story_articles sa ON sa.story = s.id LEFT JOIN articles a ON a.id = sa.article
                {where} GROUP BY s.id ORDER BY s.number""",
            params,
        )
        return [
            StoryCard(
                sid, number, topic, count, first, last, sorted(set((langs or "").split(",")) - {""}), title, changed
            )
            for sid, number, topic, changed, count, first, last, langs, title in rows
        ]

    def article_cards(self, ids: Sequence[str] | None = None, *, limit: int = -1, offset: int = 0) -> list[ArticleCard]:
        """Cards of the given articles (in the order given), or of every article in placement order."""
        select = """SELECT a.id, json_extract(a.data, '$.title'), json_extract(a.data, '$.outlet'),
                           json_extract(a.data, '$.url'), a.published, json_extract(a.data, '$.language'), sa.story
                    FROM articles a LEFT JOIN story_articles sa ON sa.article = a.id"""
        if ids is None:
            rows = list(self._db.execute(f"{select} ORDER BY a.seq LIMIT ? OFFSET ?", (limit, offset)))
            return [ArticleCard(*row) for row in rows]
        found: dict[str, ArticleCard] = {}
        for chunk, marks in _in_chunks(ids):
            for row in self._db.execute(f"{select} WHERE a.id IN ({marks})", chunk):
                found[row[0]] = ArticleCard(*row)
        return [found[i] for i in ids if i in found]

    def story_of(self, article_id: str) -> str | None:
        row = self._db.execute("SELECT story FROM story_articles WHERE article = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def story_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])

    def copies_of(self, article_id: str) -> list[tuple[str, str, float]]:
        """Duplicate pairs ``(copy, original, similarity)`` the article takes part in, on either side."""
        rows = self._db.execute(
            "SELECT article, canonical, similarity FROM duplicates WHERE article = ? OR canonical = ? ORDER BY article",
            (article_id, article_id),
        )
        return [(a, c, float(s)) for a, c, s in rows]

    def syndications_of(self, article_id: str) -> list[Syndication]:
        out = []
        for (data,) in self._db.execute("SELECT data FROM syndications ORDER BY id"):
            record = json.loads(data)
            if article_id in record.get("articles", []):
                out.append(Syndication(record["id"], record.get("agency"), list(record["articles"])))
        return out

    def speakers(self, *, limit: int = -1, offset: int = 0) -> list[tuple[str, int]]:
        """People quoted in the library with how many quotes each, most quoted first."""
        rows = self._db.execute(f"{_SPEAKERS} ORDER BY n DESC, speaker LIMIT ? OFFSET ?", (limit, offset))
        return [(str(s), int(n)) for s, n in rows]

    def speaker_count(self) -> int:
        return int(self._db.execute(f"SELECT COUNT(*) FROM ({_SPEAKERS})").fetchone()[0])

    def quotes_of(self, speaker: str) -> tuple[list[QuoteGroup], list[SpeakerQuote]]:
        """A person's statements: quote groups (several articles, with wordings) and quotes no group holds."""
        groups = [
            quote_group_from_dict(json.loads(data))
            for (data,) in self._db.execute(
                "SELECT data FROM quote_groups WHERE json_extract(data, '$.speaker') = ? ORDER BY rowid", (speaker,)
            )
        ]
        grouped = {(v.article, v.quote) for g in groups for v in g.variants}
        rows = self._db.execute(
            """SELECT a.id, CAST(q.key AS INTEGER), json_extract(q.value, '$.text'), json_extract(a.data, '$.title')
               FROM articles a, json_each(a.data, '$.quotes') q
               WHERE json_extract(q.value, '$.speaker') = ? ORDER BY a.seq, q.key""",
            (speaker,),
        )
        singles = [SpeakerQuote(aid, n, text, title) for aid, n, text, title in rows if (aid, n) not in grouped]
        return groups, singles

    def search_filtered(
        self,
        query: str,
        *,
        kind: str | None = None,
        outlet: str | None = None,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        offset: int = 0,
        marks: tuple[str, str] = ("[", "]"),
    ) -> tuple[list[SearchHit], int]:
        """:meth:`Library.search` with filters (kind, outlet, language, publication days ``since``..``until``
        as ``YYYY-MM-DD``) and paging; ``marks`` open and close the matched words of a snippet. Also the number
        of all matches."""
        match = fts_query(query)
        if not match:
            return [], 0
        params = {"match": match, "kind": kind, "outlet": outlet, "language": language, "since": since, "until": until}
        params_all = {**params, "limit": limit, "offset": offset, "open": marks[0], "close": marks[1]}
        (total,) = self._db.execute(f"SELECT COUNT(*) {_FILTERED_SEARCH}", params).fetchone()
        rows = self._db.execute(
            f"""SELECT s.kind, s.article, snippet(search, 0, :open, :close, '…', 12), bm25(search),
                       json_extract(a.data, '$.title') {_FILTERED_SEARCH}
                ORDER BY bm25(search), s.rowid LIMIT :limit OFFSET :offset""",
            params_all,
        )
        return [SearchHit(k, aid, title, snippet, rank) for k, aid, snippet, rank, title in rows], int(total)

    def facets(self) -> tuple[list[str], list[str]]:
        """The outlets and languages the library's articles name (for the search filters)."""
        outlets = [
            str(o)
            for (o,) in self._db.execute(
                "SELECT DISTINCT json_extract(data, '$.outlet') AS o FROM articles WHERE o IS NOT NULL ORDER BY o"
            )
        ]
        languages = [
            str(la)
            for (la,) in self._db.execute(
                "SELECT DISTINCT json_extract(data, '$.language') AS la FROM articles WHERE la IS NOT NULL ORDER BY la"
            )
        ]
        return outlets, languages

    def has_content(self, digest: str) -> bool:
        """An input with this content hash is stored (under any name)."""
        return self._db.execute("SELECT 1 FROM inputs WHERE hash = ? LIMIT 1", (digest,)).fetchone() is not None

    def story_state(self, story_id: str) -> tuple[str, str] | None:
        """The id a story has now (following a merge) and its content version, or None when there is none."""
        current = self.resolve_story(story_id)
        if current is None:
            return None
        row = self._db.execute("SELECT version FROM stories WHERE id = ?", (current,)).fetchone()
        return (current, str(row[0])) if row else None

    def story_article_ids(self, story_id: str) -> list[str]:
        """The story's articles in the order they were placed."""
        rows = self._db.execute("SELECT article FROM story_articles WHERE story = ? ORDER BY position", (story_id,))
        return [str(aid) for (aid,) in rows]

    def stories_of_inputs(self, names: Sequence[str]) -> list[str]:
        """The stories that hold articles read from these inputs (by stored name), by story number."""
        if not names:
            return []
        marks = ",".join("?" * len(names))
        rows = self._db.execute(
            f"""SELECT DISTINCT s.id, s.number FROM inputs i JOIN articles a ON a.input_id = i.id
                JOIN story_articles sa ON sa.article = a.id JOIN stories s ON s.id = sa.story
                WHERE i.name IN ({marks}) ORDER BY s.number""",
            list(names),
        )
        return [str(sid) for sid, _ in rows]
