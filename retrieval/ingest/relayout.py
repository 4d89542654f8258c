"""Upkeep of an existing index: store an older layout's articles again, drop vanished sources."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from retrieval.constants import BUNDLED_CORPUS_DIR, BUNDLED_SOURCE_PREFIX, CHUNKS_COLLECTION
from retrieval.errors import SourceUnreadable
from retrieval.index.chroma import Stores
from retrieval.ingest.loader import Article, load_article
from retrieval.ingest.writer import delete_chunks

log = logging.getLogger(__name__)


def relay(
    stores: Stores, known: set[str], progress: Callable[[str], None] | None
) -> tuple[list[Article], int]:
    """An index an older qabot laid out: the articles it holds, to store again in this layout,
    and how many chunks were removed.

    Their old records have other ids, so ingesting them replaces those records. A source whose
    file is gone cannot be read again: its records are removed, as `--prune` would.
    """
    articles = []
    removed = 0
    for source, chunk_ids in _chunks_by_source(stores).items():
        if source in known:
            continue
        path = (
            BUNDLED_CORPUS_DIR / source.removeprefix(BUNDLED_SOURCE_PREFIX)
            if source.startswith(BUNDLED_SOURCE_PREFIX)
            else Path(source)
        )
        try:
            articles.append(load_article(path))
        except SourceUnreadable:
            log.warning("%s is gone; its %d chunks are removed", source, len(chunk_ids))
            delete_chunks(stores, chunk_ids)
            removed += len(chunk_ids)
    if articles and progress:
        progress(f"storing {len(articles)} articles again in this version's index layout")
    return articles, removed


def prune_vanished(stores: Stores) -> int:
    """Drop the chunks of ingested files that no longer exist on disk."""
    removed = 0
    for source, chunk_ids in _chunks_by_source(stores).items():
        if source.startswith(BUNDLED_SOURCE_PREFIX) or Path(source).exists():
            continue
        log.info("removing %d chunks of vanished %s", len(chunk_ids), source)
        delete_chunks(stores, chunk_ids)
        removed += len(chunk_ids)
    return removed


def _chunks_by_source(stores: Stores) -> dict[str, list[str]]:
    """The ids of every stored chunk, by the source they came from."""
    stored = stores.get(CHUNKS_COLLECTION, include=["metadatas"])
    by_source: dict[str, list[str]] = {}
    for chunk_id, meta in zip(stored["ids"], stored["metadatas"], strict=True):
        by_source.setdefault(str(meta["source"]), []).append(chunk_id)
    return by_source
