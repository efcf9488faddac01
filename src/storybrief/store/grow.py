"""``storybrief add``: read, clean and annotate only what is new, and place it into the library's stories.

Inputs are known by name and content hash: an input stored with the same content is skipped without being
read again, a changed one is stored as a new version (the old one is kept). New articles are placed in
publication order by the streaming grouper's rule, over its state kept in the library (see :mod:`.place`:
only the candidates of the newcomers and the stories they touch are read, never the whole library), so an
article once in a story stays there; a newcomer that bridges two stories merges them, and the newer story's
id redirects to the older one. Each batch is one transaction: killed at any
moment, a rerun of the same ``add`` stores each input exactly once.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from ..errors import Msg
from ..ingest import DEFAULT_MAX_BYTES, MAX_CONTAINER_BYTES, PathsLike, error_for, read_one
from ..ingest.sources import expand_paths
from ..model import Article, Corpus, InputError, QuoteGroup, RawDocument, Story
from .library import Library, LibraryError, StoredStory
from .place import story_version

if TYPE_CHECKING:
    from ..engine import RayOptions

BATCH_FILES = 50  # inputs per transaction
# inputs per transaction with the Ray engine: each batch is one Ray job, whose start (an actor pool, spaCy
# loaded in each actor) costs seconds
RAY_BATCH_FILES = 500
# flags the user is warned about, one line each (the same kinds as ``brief``: cli.common.WARNED_FLAGS)
WARNED_FLAGS = ("truncated_annotation", "metadata", "decoding")


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
    flagged: list[tuple[str, str, str]] = field(default_factory=list)  # (input, kind, detail) to warn about

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


def add(
    paths: PathsLike,
    db: str,
    *,
    batch_files: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_container_bytes: int = MAX_CONTAINER_BYTES,
    follow_links: bool = False,
    processes: int = 1,
    threshold: float | None = None,
    progress: Callable[[str], None] | None = None,
    ray: RayOptions | None = None,
) -> AddSummary:
    """Add the new inputs among ``paths`` to the library ``db``; see the module doc.

    spaCy's ``processes`` worker processes are started only when something is new, so that rerunning an
    ``add`` costs no more than hashing its inputs. With ``ray``, each batch is read, cleaned and annotated
    on the Ray engine instead (:func:`storybrief.engine.ray.annotate_files`; Ray is started or joined only
    when something is new); placing and storing stay here, batch by batch, as with the local engine, so the
    library is the one the local engine writes with the same ``batch_files`` (default ``BATCH_FILES``,
    ``RAY_BATCH_FILES`` on Ray).
    """
    summary = AddSummary()
    pending: list[tuple[str, str, str]] = []  # (path as given, identity, hash)
    with Library(db) as lib:
        why = lib.reindex_needed()
        if why is not None:
            raise LibraryError(Msg.LIBRARY_NEEDS_REINDEX.format(path=db, why=why))
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
        files = [item for item, _, _ in pending]
        if batch_files is None:
            batch_files = BATCH_FILES if ray is None else RAY_BATCH_FILES
        with _annotator(files, processes, ray, max_bytes, max_container_bytes) as annotate:
            for start in range(0, len(pending), batch_files):
                batch = pending[start : start + batch_files]
                articles, article_file, errors = annotate([item for item, _, _ in batch])
                _store_batch(lib, batch, articles, article_file, errors, summary, threshold)
                if progress is not None:
                    for item, _, _ in batch:
                        progress(item)
    return summary


# a batch of files read, cleaned and annotated: its articles with text, the file each came from, errors by file
Annotated = tuple[list[Article], list[int], list[tuple[int, InputError]]]


@contextmanager
def _annotator(
    files: Sequence[str], processes: int, ray: RayOptions | None, max_bytes: int, max_container_bytes: int
) -> Iterator[Callable[[Sequence[str]], Annotated]]:
    """What reads, cleans and annotates each batch of :func:`add`: this process with spaCy in ``processes``
    workers, or the Ray engine (:func:`storybrief.engine.ray.annotate_files`) in one Ray session."""
    if ray is not None:
        from ..engine import ray_engine

        engine = ray_engine()
        with engine.session(ray):
            yield partial(
                engine.annotate_files, options=ray, max_bytes=max_bytes, max_container_bytes=max_container_bytes
            )
        return
    from ..annotate.workers import ParserPool
    from ..pipeline import annotate_corpus

    with ParserPool.for_inputs(files, processes) if processes > 1 else nullcontext() as parsers:

        def here(batch: Sequence[str]) -> Annotated:
            articles, article_file, errors = _read_batch(batch, max_bytes, max_container_bytes)
            if articles:  # quote groups are linked library-wide when placed
                annotate_corpus(Corpus(articles=articles), parsers=parsers)
            return articles, article_file, errors

        yield here


def _read_batch(batch: Sequence[str], max_bytes: int, max_container_bytes: int) -> Annotated:
    """Clean articles of a batch of files, the file each came from, and errors by file."""
    from ..clean import clean_documents

    docs: list[RawDocument] = []
    doc_file: list[int] = []
    errors: list[tuple[int, InputError]] = []
    for n, item in enumerate(batch):
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


def _store_batch(
    lib: Library,
    batch: Sequence[tuple[str, str, str]],
    articles: Sequence[Article],
    article_file: Sequence[int],
    errors: Sequence[tuple[int, InputError]],
    summary: AddSummary,
    threshold: float | None,
) -> None:
    """Store one batch's inputs, errors and annotated articles (with the index in ``batch`` of the input
    each came from) in one transaction, and place the articles into the library's stories."""
    now = _now()
    with lib.write():
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
        _distinct_from_stored(lib, new)
        place_batch(lib, new, summary, now, threshold)
        lib.bump_generation()


def _distinct_from_stored(lib: Library, new: Sequence[tuple[Article, int]]) -> None:
    """An article whose id is already in the library (a new version of an input) gets ``~2``, ``~3``..."""
    taken = lib.existing_ids(a.id for a, _ in new)
    for article, _ in new:
        base, n = article.id, 1
        while article.id in taken:
            n += 1
            article.id = f"{base}~{n}"
        taken.add(article.id)


def place_batch(
    lib: Library,
    new: Sequence[tuple[Article, int]],
    summary: AddSummary,
    now: str,
    threshold: float | None = None,
    *,
    placed: dict[str, str] | None = None,
) -> None:
    """Place annotated articles (with the input row each came from) into the library, in publication order,
    and store them; see :mod:`.place`. ``placed`` (article -> story) replays known placements (reindex):
    the articles are then already stored and keep their stories."""
    from ..group.stories import STORY_THRESHOLD, stream_order
    from .place import Placer, copies, link_neighbourhood, place_topics, quote_group_changes, rewrites

    placer = Placer(lib, STORY_THRESHOLD if threshold is None else threshold, now)
    input_of = {a.id: i for a, i in new}
    fresh = [a for a, _ in new] if placed is not None else list(stream_order([a for a, _ in new]))
    fresh_ids = {a.id for a in fresh}
    feats = {a.id: placer.features(a) for a in fresh}
    near, quote_groups = link_neighbourhood(lib, placer, fresh, feats)
    seqs = lib.article_seqs(near)
    order = {aid: n for n, aid in enumerate(sorted(near, key=lambda i: seqs.get(i, 0)))}
    order.update((a.id, len(order) + n) for n, a in enumerate(fresh))
    keys: dict[str, frozenset[str]] = {}
    for article in fresh:
        keys[article.id] = stream_keys(article, quote_groups, order)
        feats[article.id].quote_groups = keys[article.id]
        if placed is None:
            placer.place(article, feats[article.id])
        else:
            placer.replay(article, feats[article.id], placed[article.id])
    placer.save_sums()
    # the neighbourhood: every article of the stories that changed, stored articles like the newcomers, and
    # the stored duplicate groups of those
    story_of: dict[str, str] = {}
    for sid in placer.touched:
        story_of.update((aid, sid) for aid in placer.members[sid])
    wanted = set(story_of) | set(placer.close) | set(near)
    wanted |= set(lib.duplicate_groups(set(placer.close) | fresh_ids))
    wanted -= fresh_ids
    loaded = dict(near)
    missing = sorted(wanted - set(loaded))
    loaded.update((a.id, a) for a in lib.articles(missing))
    seqs = lib.article_seqs(loaded)
    stored = sorted(loaded.values(), key=lambda a: seqs.get(a.id, 0))
    before = {a.id: _json(a) for a in stored}
    everything = stored + fresh
    # copies: the newcomers, the stored articles most like them, and every stored duplicate group of those
    copy_ids = set(lib.duplicate_groups(set(placer.close) | fresh_ids)) | set(placer.close)
    copies(lib, [a for a in stored if a.id in copy_ids] + fresh)
    summary.duplicates += sum(1 for a in fresh if a.duplicate_of is not None)
    changed_stories = [a for a in everything if a.id in story_of]
    rewrites(changed_stories, placer.members, story_of)
    for article in changed_stories:
        article.story = story_of[article.id]
    # quote groups: those holding a newcomer's quote, and the stored ones they overlap
    dropped, kept = quote_group_changes(lib, quote_groups, fresh_ids, [*near, *fresh_ids])
    lib.remove_quote_groups(dropped)
    lib.add_quote_groups(kept)
    quoted = {a for g in kept for a in g.articles}
    # stories and topics
    numbers = lib.story_numbers(placer.touched)
    stories: dict[str, StoredStory] = {}
    for sid in placer.touched:
        number, version, topic = numbers.get(sid, (placer.numbers.get(sid, 0), "", None))
        stories[sid] = StoredStory(Story(sid, list(placer.members[sid]), topic), number, version)
    by_id = {a.id: a for a in everything}
    # a replay (reindex) builds each topic's centroid again from its stories, each once: at its first article
    first: set[str] = set()
    if placed is not None:
        first = {sid for sid, st in stories.items() if st.story.articles and st.story.articles[0] in fresh_ids}
    place_topics(lib, stories, by_id, placer.merged, profile_again=first)
    # write: the new articles, the stored ones that changed, and every story whose content changed
    for article in fresh:
        data = _json(article)
        summary.flagged.extend((article.input, f.kind, f.detail) for f in article.flags if f.kind in WARNED_FLAGS)
        if placed is None:
            lib.insert_article(article, data, keys[article.id], input_of[article.id], now)
            summary.added += 1
        else:
            lib.update_article(article.id, data)
            lib.set_stream_keys(article.id, keys[article.id])
    changed = set(fresh_ids) | quoted
    for article in stored:
        data = _json(article)
        if data != before[article.id]:
            lib.update_article(article.id, data)
            changed.add(article.id)
    for story_id in set(lib.stories_of(changed - set(story_of)).values()):
        if story_id not in stories:
            found = lib.story_numbers([story_id])
            if story_id in found:
                number, version, topic = found[story_id]
                stories[story_id] = StoredStory(Story(story_id, lib.story_members(story_id), topic), number, version)
    for sid, kept_story in sorted(stories.items(), key=lambda kv: kv[1].number):
        stored_data = lib.article_data(kept_story.story.articles)
        version = story_version(stored_data, lib.quote_groups(kept_story.story.articles), kept_story.story)
        if version != kept_story.version or sid in placer.touched:
            kept_story.version = version
            lib.save_story(kept_story.story, kept_story.number, version, now)
            summary.stories_changed.add(sid)
    summary.stories_created |= placer.created
    for gone in placer.merged:
        summary.stories_changed.discard(gone)
        summary.stories_created.discard(gone)
