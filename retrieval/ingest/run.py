"""Ingest: read the files, chunk them, and store what changed — re-runnable and idempotent."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.constants import CHUNKS_COLLECTION, INDEX_LAYOUT
from retrieval.errors import SourceUnreadable
from retrieval.index.chroma import Stores
from retrieval.ingest.chunking import ChunkRecord, build_chunks
from retrieval.ingest.loader import SUPPORTED_SUFFIXES, load_article
from retrieval.ingest.relayout import prune_vanished, relay
from retrieval.ingest.writer import delete_chunks, refresh_metadata, write_chunks

# Sources whose stored chunks one query fetches.
SOURCE_BATCH = 200


@dataclass
class IngestReport:
    """What one ingest run did, counted in chunks."""

    added: int = 0
    unchanged: int = 0
    removed: int = 0
    embedded: int = 0
    sources: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, int]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "embedded": self.embedded,
        }


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: the given files, and the supported files inside given folders."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise SourceUnreadable(f"{path}: no such file or folder")
    return files


def ingest(
    stores: Stores,
    paths: Sequence[Path],
    *,
    prune: bool = False,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Bring the index in line with `paths`; every file is read before anything is written."""
    articles = [load_article(path) for path in expand_paths(paths)]
    report = IngestReport(sources=[a.source for a in articles])
    with stores.changing():
        relaid = stores.layout() != INDEX_LAYOUT
        if relaid:
            relaid_articles, removed = relay(
                stores, {article.source for article in articles}, progress
            )
            articles += relaid_articles
            report.removed += removed
        to_add: list[ChunkRecord] = []
        stored = _stored_chunks(stores, [article.source for article in articles])
        for article in articles:
            chunks = build_chunks(article)
            existing = stored.get(article.source, {})
            stale = sorted(set(existing) - {chunk.id for chunk in chunks})
            delete_chunks(stores, stale)
            report.removed += len(stale)
            kept = [chunk for chunk in chunks if chunk.id in existing]
            refresh_metadata(stores, kept, existing)
            report.unchanged += len(kept)
            to_add.extend(chunk for chunk in chunks if chunk.id not in existing)
        if prune:
            report.removed += prune_vanished(stores)
        if to_add and progress:
            progress(f"embedding {len(to_add)} chunks")
        write_chunks(stores, to_add)
        if relaid:
            stores.mark_layout()
    report.added = report.embedded = len(to_add)
    return report


def _stored_chunks(stores: Stores, sources: Sequence[str]) -> dict[str, dict[str, dict]]:
    """The metadata of every chunk already stored for these sources, by source and chunk id."""
    found: dict[str, dict[str, dict]] = {source: {} for source in sources}
    for first in range(0, len(sources), SOURCE_BATCH):
        batch = list(sources[first : first + SOURCE_BATCH])
        got = stores.get(CHUNKS_COLLECTION, where={"source": {"$in": batch}}, include=["metadatas"])
        for chunk_id, meta in zip(got["ids"], got["metadatas"], strict=True):
            found[str(meta["source"])][chunk_id] = meta
    return found
