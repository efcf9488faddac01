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
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
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
        rows: list[tuple[str, str, str, str | None]] = [
            (f"{article.title or ''}\n{article.text}", "article", article.id, None)
        ]
        rows += [
            (article.text[s.start : s.end], "sentence", article.id, str(n)) for n, s in enumerate(article.sentences)
        ]
        rows += [(q.text, "quote", article.id, str(n)) for n, q in enumerate(article.quotes)]
        self._db.executemany("INSERT INTO search (text, kind, article, ref) VALUES (?, ?, ?, ?)", rows)

    def update_article(self, article_id: str, data: str) -> None:
        self._db.execute("UPDATE articles SET data = ? WHERE id = ?", (data, article_id))

    def export_records(self) -> Iterator[dict[str, Any]]:
        for (data,) in self._db.execute("SELECT data FROM articles ORDER BY seq"):
            yield json.loads(data)

    # -- derived groups -----------------------------------------------------------------------------------
    def replace_quote_groups(self, groups: Sequence[QuoteGroup]) -> None:
        self._db.execute("DELETE FROM quote_groups")
        self._db.executemany(
            "INSERT INTO quote_groups (id, data, pipeline) VALUES (?, ?, ?)",
            [(g.id, json.dumps(g.to_dict()), PIPELINE_VERSION) for g in groups],
        )

    def quote_groups(self, article_ids: Iterable[str] | None = None) -> list[QuoteGroup]:
        """All quote groups, or those quoted by any of ``article_ids``."""
        wanted = None if article_ids is None else set(article_ids)
        out = []
        for (data,) in self._db.execute("SELECT data FROM quote_groups ORDER BY rowid"):
            group = quote_group_from_dict(json.loads(data))
            if wanted is None or wanted.intersection(group.articles):
                out.append(group)
        return out

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
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
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
