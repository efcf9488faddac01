"""``storybrief add``: read, clean and annotate only what is new, and place it into the library's stories.

Inputs are known by name and content hash: an input stored with the same content is skipped without being
read again, a changed one is stored as a new version (the old one is kept). New articles are placed in
publication order by the streaming grouper (:class:`~storybrief.group.StoryStream`), whose state is rebuilt
by replaying the stored articles in the order they were placed, with the quote evidence each was placed with
(no re-annotation), so an article once in a story stays there; a newcomer that bridges two stories merges
them, and the newer story's id redirects to the older one. Each batch is one transaction: killed at any
moment, a rerun of the same ``add`` stores each input exactly once.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..errors import Msg
from ..ingest import DEFAULT_MAX_BYTES, MAX_CONTAINER_BYTES, PathsLike, error_for, read_one
from ..ingest.sources import expand_paths
from ..model import Article, InputError, QuoteGroup, RawDocument, Story, Topic
from .library import Library

if TYPE_CHECKING:
    from ..annotate.workers import ParserPool
    from ..group import StoryStream

BATCH_FILES = 50  # inputs per transaction


@dataclass(slots=True)
class AddSummary:
    """What one ``add`` did."""

    added: int = 0  # articles stored
    inputs: int = 0  # inputs (files) stored
    skipped: list[str] = field(default_factory=list)  # inputs already stored with the same content
    new_versions: list[str] = field(default_factory=list)  # inputs stored before with other content
    duplicates: int = 0  # of the added articles, how many copy an article of the library
    errors: list[InputError] = field(default_factory=list)
    stories_changed: set[str] = field(default_factory=set)
    stories_created: set[str] = field(default_factory=set)

    def line(self) -> str:
        return (
            f"{self.added} article(s) added from {self.inputs} input(s), {len(self.skipped)} input(s) skipped as"
            f" already stored, {len(self.new_versions)} new version(s), {self.duplicates} duplicate(s),"
            f" {len(self.errors)} error(s); {len(self.stories_changed)} story(ies) changed"
            f" ({len(self.stories_created)} new)"
        )


def file_hash(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True)


LONG_QUOTE_WORDS = 10  # as the batch grouper: a shared stock phrase is no evidence


def stream_keys(article: Article, groups: Sequence[QuoteGroup], order: dict[str, int]) -> frozenset[str]:
    """The quote evidence an article is placed with: a key per long quote it shares with earlier articles.

    A shared quote's key names its first quotation in placement order (``article#index``), and every long
    quote also carries its own key, so an article placed later that repeats it shares the key with this one
    without this one's stored evidence changing.
    """
    keys = {f"{article.id}#{n}" for n, q in enumerate(article.quotes) if len(q.text.split()) >= LONG_QUOTE_WORDS}
    for group in groups:
        if len(group.text.split()) < LONG_QUOTE_WORDS or article.id not in group.articles:
            continue
        first = min(group.variants, key=lambda v: (order.get(v.article, len(order)), v.article, v.quote))
        keys.add(f"{first.article}#{first.quote}")
    return frozenset(keys)


class _State:
    """The library as grouping needs it, in memory: articles in placement order and the replayed stream."""

    def __init__(self, lib: Library, threshold: float | None) -> None:
        from ..group import StoryStream
        from ..group.stories import STORY_THRESHOLD

        self.generation = lib.generation()
        self.stream: StoryStream = StoryStream(threshold=STORY_THRESHOLD if threshold is None else threshold)
        self.articles: list[Article] = []
        self.data: dict[str, str] = {}
        for stored in lib.stored_articles():
            self.stream.add(stored.article, stored.keys)
            self.articles.append(stored.article)
            self.data[stored.article.id] = stored.data
        self.stories = {s.story.id: s for s in lib.stories()}
        self.story_of = {aid: sid for sid, s in self.stories.items() for aid in s.story.articles}
        self.topics = lib.topics()


def add(
    paths: PathsLike,
    db: str,
    *,
    batch_files: int = BATCH_FILES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_container_bytes: int = MAX_CONTAINER_BYTES,
    follow_links: bool = False,
    processes: int = 1,
    threshold: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> AddSummary:
    """Add the new inputs among ``paths`` to the library ``db``; see the module doc.

    spaCy's ``processes`` worker processes are started only when something is new, so that rerunning an
    ``add`` costs no more than hashing its inputs.
    """
    summary = AddSummary()
    pending: list[tuple[str, str, str]] = []  # (path as given, identity, hash)
    with Library(db) as lib:
        for item in expand_paths(paths, follow_links=follow_links):
            if isinstance(item, InputError):
                summary.errors.append(item)
                continue
            if item == "-":
                summary.errors.append(InputError("<stdin>", Msg.STDIN_NOT_STORED))
                continue
            name = os.path.abspath(item)
            try:
                digest = file_hash(item)
            except OSError as exc:
                summary.errors.append(InputError(item, Msg.NOT_READABLE.format(reason=exc.strerror or exc)))
                continue
            if lib.has_input(name, digest):
                summary.skipped.append(item)
                if progress is not None:
                    progress(item)
            else:
                pending.append((item, name, digest))
        if not pending:
            return summary
        from ..annotate.workers import ParserPool

        state: _State | None = None
        files = [item for item, _, _ in pending]
        with ParserPool.for_inputs(files, processes) if processes > 1 else nullcontext() as parsers:
            for start in range(0, len(pending), batch_files):
                batch = pending[start : start + batch_files]
                state = _add_batch(lib, batch, state, summary, max_bytes, max_container_bytes, parsers, threshold)
                if progress is not None:
                    for item, _, _ in batch:
                        progress(item)
    return summary


def _read_batch(
    batch: Sequence[tuple[str, str, str]], max_bytes: int, max_container_bytes: int
) -> tuple[list[Article], list[int], list[tuple[int, InputError]]]:
    """Clean articles of a batch of files, the file each came from, and errors by file."""
    from ..clean import clean_documents

    docs: list[RawDocument] = []
    doc_file: list[int] = []
    errors: list[tuple[int, InputError]] = []
    for n, (item, _, _) in enumerate(batch):
        for got in read_one(item, max_bytes, max_container_bytes):
            if isinstance(got, InputError):
                errors.append((n, got))
            else:
                docs.append(got)
                doc_file.append(n)
    articles: list[Article] = []
    article_file: list[int] = []
    for article, n in zip(clean_documents(docs), doc_file, strict=True):
        if article.text.strip():
            articles.append(article)
            article_file.append(n)
        else:
            errors.append((n, error_for(article.input, article.format, Msg.NO_TEXT_LEFT)))
    return articles, article_file, errors


def _add_batch(
    lib: Library,
    batch: Sequence[tuple[str, str, str]],
    state: _State | None,
    summary: AddSummary,
    max_bytes: int,
    max_container_bytes: int,
    parsers: ParserPool | None,
    threshold: float | None,
) -> _State:
    from ..model import Corpus
    from ..pipeline import annotate_corpus

    articles, article_file, errors = _read_batch(batch, max_bytes, max_container_bytes)
    if articles:
        annotate_corpus(Corpus(articles=articles), parsers=parsers)  # quote groups are linked library-wide below
    now = _now()
    with lib.write():
        if state is None or state.generation != lib.generation():  # first batch, or another add wrote meanwhile
            state = _State(lib, threshold)
        input_ids: dict[int, int] = {}
        for n, (item, name, digest) in enumerate(batch):
            if lib.has_input(name, digest):  # stored by another add since we looked
                summary.skipped.append(item)
                continue
            input_ids[n], version = lib.add_input(name, digest, now)
            summary.inputs += 1
            if version > 1:
                summary.new_versions.append(item)
        for n, error in errors:
            if n in input_ids:
                lib.add_input_error(input_ids[n], error)
                summary.errors.append(error)
        new = [(a, input_ids[n]) for a, n in zip(articles, article_file, strict=True) if n in input_ids]
        _distinct_from_stored(new, state)
        _place(lib, state, new, summary, now)
        state.generation = lib.bump_generation()
    return state


def _distinct_from_stored(new: Sequence[tuple[Article, int]], state: _State) -> None:
    """An article whose id is already in the library (a new version of an input) gets ``~2``, ``~3``..."""
    taken = set(state.data)
    for article, _ in new:
        base, n = article.id, 1
        while article.id in taken:
            n += 1
            article.id = f"{base}~{n}"
        taken.add(article.id)


def _place(lib: Library, state: _State, new: Sequence[tuple[Article, int]], summary: AddSummary, now: str) -> None:
    from ..annotate.quote_links import link_quotes
    from ..group import find_duplicates, find_rewrites, syndication_groups
    from ..group.stories import stream_order

    input_of = {a.id: i for a, i in new}
    fresh = list(stream_order([a for a, _ in new]))
    everything = state.articles + fresh
    order = {a.id: n for n, a in enumerate(everything)}
    quote_groups = link_quotes(everything)
    keys: dict[str, frozenset[str]] = {}
    for article in fresh:
        keys[article.id] = stream_keys(article, quote_groups, order)
        state.stream.add(article, keys[article.id])
    before = {sid: list(s.story.articles) for sid, s in state.stories.items()}
    _assign_stories(lib, state, fresh, summary, now)
    # copies, syndication, rewrites: recomputed library-wide (a newcomer can be the original of a stored copy)
    for article in everything:
        article.syndication = None
        article.rewrite_of = None
    duplicates = find_duplicates(everything)
    syndications = syndication_groups(everything, duplicates)
    members = {sid: s.story.articles for sid, s in state.stories.items()}
    candidates = {
        aid: [b for b in members[state.story_of[aid]] if b != aid][:50] for aid in order if aid in state.story_of
    }
    find_rewrites(everything, candidates)
    for article in everything:
        article.story = state.story_of[article.id]
    summary.duplicates += sum(1 for a in fresh if a.duplicate_of is not None)
    _assign_topics(lib, state, everything, quote_groups)
    # write: new articles, changed ones, and every story whose content changed
    data = {a.id: _json(a) for a in everything}
    for article in fresh:
        lib.insert_article(article, data[article.id], keys[article.id], input_of[article.id], now)
        summary.added += 1
    for article in state.articles:
        if data[article.id] != state.data[article.id]:
            lib.update_article(article.id, data[article.id])
    state.articles = everything
    state.data = data
    groups_of: dict[str, list[str]] = {}
    for group in quote_groups:
        text = json.dumps(group.to_dict(), ensure_ascii=False, sort_keys=True)
        for aid in group.articles:
            groups_of.setdefault(aid, []).append(text)
    for sid, stored in state.stories.items():
        digest = hashlib.sha256()
        for aid in stored.story.articles:
            digest.update(data[aid].encode())
            for text in groups_of.get(aid, []):
                digest.update(text.encode())
        digest.update(json.dumps(stored.story.to_dict(), sort_keys=True).encode())
        version = digest.hexdigest()[:20]
        if version != stored.version or stored.story.articles != before.get(sid):
            stored.version = version
            lib.save_story(stored.story, stored.number, version, now)
            summary.stories_changed.add(sid)
    lib.replace_quote_groups(quote_groups)
    lib.replace_duplicates(
        [(a.id, a.duplicate_of.article, a.duplicate_of.similarity) for a in everything if a.duplicate_of]
    )
    lib.replace_syndications(syndications)
    lib.replace_topics(state.topics)


def _assign_stories(lib: Library, state: _State, fresh: Sequence[Article], summary: AddSummary, now: str) -> None:
    """Give each newcomer the stable id of the story its stream cluster holds; merge bridged stories."""
    from ..store.library import StoredStory

    new_ids = {a.id for a in fresh}
    for cluster in state.stream.stories():
        newcomers = [aid for aid in cluster.articles if aid in new_ids]
        if not newcomers:
            continue
        old = sorted({state.story_of[aid] for aid in cluster.articles if aid in state.story_of},
                     key=lambda sid: state.stories[sid].number)  # fmt: skip
        if old:
            keep = state.stories[old[0]]
            for gone_id in old[1:]:  # a newcomer bridged stories: the newer ones merge into the oldest
                gone = state.stories.pop(gone_id)
                keep.story.articles.extend(gone.story.articles)
                for aid in gone.story.articles:
                    state.story_of[aid] = keep.story.id
                lib.merge_story(gone_id, keep.story.id, now)
                summary.stories_changed.discard(gone_id)
                summary.stories_created.discard(gone_id)
        else:
            number = lib.next_number("story")
            keep = StoredStory(Story(f"s{number}", []), number, "")
            state.stories[keep.story.id] = keep
            summary.stories_created.add(keep.story.id)
        for aid in newcomers:
            keep.story.articles.append(aid)
            state.story_of[aid] = keep.story.id


def _assign_topics(lib: Library, state: _State, everything: Sequence[Article], quote_groups: list[QuoteGroup]) -> None:
    """Topics over all stories; each keeps the id of the stored topic it shares most stories with."""
    from ..group import group_topics
    from ..group.stories import article_features

    stories = [s.story for s in sorted(state.stories.values(), key=lambda s: s.number)]
    features = article_features(everything, quote_groups)
    found = group_topics(stories, features, everything)
    previous = {t.id: (set(t.stories), n) for t, n in state.topics}
    taken: set[str] = set()
    out: list[tuple[Topic, int]] = []
    for topic in sorted(found, key=lambda t: (-len(t.stories), t.stories)):
        overlap = [
            (len(stories_ & set(topic.stories)), -n, tid)
            for tid, (stories_, n) in previous.items()
            if tid not in taken and stories_ & set(topic.stories)
        ]
        if overlap:
            _, neg, tid = max(overlap)
            number = -neg
        else:
            number = lib.next_number("topic")
            tid = f"t{number}"
        taken.add(tid)
        out.append((Topic(tid, topic.label, list(topic.stories)), number))
    out.sort(key=lambda t: t[1])
    topic_of = {sid: t.id for t, _ in out for sid in t.stories}
    for stored in state.stories.values():
        stored.story.topic = topic_of.get(stored.story.id)
    state.topics = out
