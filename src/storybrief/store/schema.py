"""Tables of the library and the forward migrations that build them, step by step.

``MIGRATIONS[n]`` takes a library from schema version ``n`` to ``n + 1`` (version 0 is an empty file). A
library is only ever migrated forward; one written by a newer storybrief (a higher version than
``SCHEMA_VERSION``) is refused rather than guessed at. Every derived row (articles' annotations, quote
groups, stories, topics, briefs) carries the pipeline version that made it, so that a later reindex knows
what to recompute.
"""

from __future__ import annotations

from .. import __version__

PIPELINE_VERSION = f"storybrief {__version__}"

_V1 = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # one row per version of an input: a changed file is a new row, the old one is kept
    """CREATE TABLE inputs (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        hash TEXT NOT NULL,
        version INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        UNIQUE (name, hash)
    )""",
    """CREATE TABLE input_errors (
        id INTEGER PRIMARY KEY,
        input_id INTEGER NOT NULL REFERENCES inputs(id),
        source TEXT NOT NULL,
        line INTEGER,
        message TEXT NOT NULL
    )""",
    # the full clean and annotated record as JSON (Article.to_dict); seq is the order of placement
    """CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        input_id INTEGER NOT NULL REFERENCES inputs(id),
        published TEXT,
        added_at TEXT NOT NULL,
        stream_keys TEXT NOT NULL,
        data TEXT NOT NULL,
        pipeline TEXT NOT NULL
    )""",
    "CREATE TABLE quote_groups (id TEXT PRIMARY KEY, data TEXT NOT NULL, pipeline TEXT NOT NULL)",
    """CREATE TABLE duplicates (
        article TEXT PRIMARY KEY, canonical TEXT NOT NULL, similarity REAL NOT NULL, pipeline TEXT NOT NULL
    )""",
    "CREATE TABLE syndications (id TEXT PRIMARY KEY, data TEXT NOT NULL, pipeline TEXT NOT NULL)",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,
        topic TEXT,
        version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        pipeline TEXT NOT NULL
    )""",
    """CREATE TABLE story_articles (
        article TEXT PRIMARY KEY, story TEXT NOT NULL REFERENCES stories(id), position INTEGER NOT NULL
    )""",
    "CREATE INDEX story_articles_story ON story_articles(story, position)",
    "CREATE TABLE story_redirects (old TEXT PRIMARY KEY, new TEXT NOT NULL, at TEXT NOT NULL)",
    """CREATE TABLE topics (
        id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, label TEXT NOT NULL, pipeline TEXT NOT NULL
    )""",
    """CREATE TABLE topic_stories (
        story TEXT PRIMARY KEY, topic TEXT NOT NULL REFERENCES topics(id), position INTEGER NOT NULL
    )""",
    # full-text search over articles (title and text), their sentences and their quotes
    "CREATE VIRTUAL TABLE search USING fts5(text, kind UNINDEXED, article UNINDEXED, ref UNINDEXED)",
]

_V2 = [
    # rendered briefs per story, valid while the story's content version and the parameters are the same
    """CREATE TABLE briefs (
        story TEXT NOT NULL,
        params TEXT NOT NULL,
        version TEXT NOT NULL,
        data BLOB NOT NULL,
        pipeline TEXT NOT NULL,
        PRIMARY KEY (story, params)
    )""",
]

_V3 = [
    # what placing a new article needs, so that ``add`` reads candidates from here and never the whole library:
    # document frequencies of the articles placed so far (kind 0 terms, 1 entities, 2 anchors)
    "CREATE TABLE stream_df (kind INTEGER NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, key))",
    # each placed article's weighted features as they were when it was placed, with its story
    """CREATE TABLE stream_nodes (
        node INTEGER PRIMARY KEY,
        article TEXT NOT NULL UNIQUE,
        story TEXT NOT NULL,
        lo INTEGER,
        hi INTEGER,
        data TEXT NOT NULL,
        pipeline TEXT NOT NULL
    )""",
    "CREATE INDEX stream_nodes_story ON stream_nodes(story)",
    # blocking keys -> nodes (the candidate index)
    "CREATE TABLE stream_postings (key TEXT NOT NULL, node INTEGER NOT NULL, PRIMARY KEY (key, node)) WITHOUT ROWID",
    # average-link state per story: the sum of its own pairs' similarities, and of its pairs with other stories
    "CREATE TABLE story_inner (story TEXT PRIMARY KEY, total REAL NOT NULL)",
    """CREATE TABLE story_links (
        a TEXT NOT NULL, b TEXT NOT NULL, total REAL NOT NULL, PRIMARY KEY (a, b)
    ) WITHOUT ROWID""",
    # which articles each quote group holds (for the groups of a few articles without reading them all)
    "CREATE TABLE quote_group_members (article TEXT NOT NULL, grp TEXT NOT NULL, PRIMARY KEY (article, grp))",
    "CREATE INDEX quote_group_members_grp ON quote_group_members(grp)",
    # topics as running centroids of their stories' profiles, and their blocking keys
    "CREATE TABLE topic_profiles (topic TEXT PRIMARY KEY, data TEXT NOT NULL)",
    "CREATE TABLE topic_postings (key TEXT NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (key, topic)) WITHOUT ROWID",
    "CREATE INDEX articles_pipeline ON articles(pipeline)",
    # a library stored before these tables existed has articles but no placement state: reindex builds it
    "INSERT OR REPLACE INTO meta (key, value) SELECT 'reindex', 'placement' WHERE EXISTS (SELECT 1 FROM articles)",
]

_V4 = [
    # event cohesion (see group.linkage): per story the sum and count of its own comparable pairs' event
    # similarities, and of its comparable pairs with each other story
    "CREATE TABLE story_event_inner (story TEXT PRIMARY KEY, total REAL NOT NULL, pairs REAL NOT NULL)",
    """CREATE TABLE story_event_links (
        a TEXT NOT NULL, b TEXT NOT NULL, total REAL NOT NULL, pairs REAL NOT NULL, PRIMARY KEY (a, b)
    ) WITHOUT ROWID""",
    # A library placed before these existed has no event sums, and its stored features keep no names, so no
    # stored pair could be told to be of one event: the rule would never hold a newcomer away from a stored
    # story (nor keep two stored stories apart that it bridges). A reindex replays the placement from the
    # stored articles (stories keep their members) with names and sums; until then ``add`` asks for it. A
    # reindex under way starts again, so that no article is left placed without names.
    "INSERT OR REPLACE INTO meta (key, value) SELECT 'reindex', 'placement without event sums'"
    " WHERE EXISTS (SELECT 1 FROM articles)",
    "UPDATE meta SET value = '' WHERE key = 'reindex_cursor'",
]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4]
SCHEMA_VERSION = len(MIGRATIONS)
