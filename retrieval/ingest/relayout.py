"""Upkeep of an existing index: store an older layout's articles again, drop vanished sources,
compute lost vectors again from the stored texts."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from retrieval.constants import (
    BUNDLED_CORPUS_DIR,
    BUNDLED_SOURCE_PREFIX,
    CHUNKS_COLLECTION,
    SENTENCE_TABLE,
)
from retrieval.errors import SourceUnreadable
from retrieval.index.chroma import Stores
from retrieval.ingest.chunking import ChunkRecord, SentenceRecord, iter_chunks, read_sentences
from retrieval.ingest.loader import Article, Paragraph, load_article
from retrieval.ingest.writer import delete_chunks, write_chunks

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
    """The ids of every stored chunk, by the source they came from, in the order Chroma keeps
    them. The metadata is read a page at a time and only the source kept of it."""
    by_source: dict[str, list[str]] = {}
    for page in stores.pages(CHUNKS_COLLECTION, include=["metadatas"]):
        for chunk_id, meta in zip(page["ids"], page["metadatas"], strict=True):
            by_source.setdefault(str(meta["source"]), []).append(chunk_id)
    return by_source


@dataclass(frozen=True)
class StoredChunk:
    id: str
    text: str
    metadata: dict


def repair_vectors(stores: Stores, progress: Callable[[str], None] | None = None) -> int:
    """Compute every stored chunk's vector, and its sentences', again from the stored texts.

    For an index whose vectors were lost or damaged while its texts survived. The source files
    are not needed: each article is pieced together from its chunks and chunked again, which
    gives back the exact text every sentence was embedded with (a sentence is embedded with
    context, such as who "she" is, that is not stored). A chunk whose id the new chunking does
    not give back has its sentences embedded without that context. Returns the chunks repaired.

    One article is read and chunked at a time, as the writes take its chunks: what is held is
    that article's records and one batch, not the whole index's.
    """
    by_source = _chunks_by_source(stores)
    total = sum(len(chunk_ids) for chunk_ids in by_source.values())
    if progress and total:
        progress(f"computing the vectors of {total} chunks again from the stored texts")
    records = (
        record for source in by_source for record in _records_again(_stored_chunks(stores, source))
    )
    write_chunks(stores, records, total=total, replace=True, progress=progress)
    return total


def _stored_chunks(stores: Stores, source: str) -> list[StoredChunk]:
    """The stored chunks of one article, with their texts and metadata."""
    stored = stores.get(
        CHUNKS_COLLECTION, where={"source": source}, include=["documents", "metadatas"]
    )
    return [
        StoredChunk(chunk_id, text, meta)
        for chunk_id, text, meta in zip(
            stored["ids"], stored["documents"], stored["metadatas"], strict=True
        )
    ]


def _records_again(chunks: Sequence[StoredChunk]) -> list[ChunkRecord]:
    """The chunks of one article as records to embed, their stored text and metadata kept."""
    article = _article_of(chunks)
    # Only the sentences are kept of the chunks made again: their texts and metadata are the
    # stored ones, and for a large file holding both would hold its records twice.
    stored = {chunk.id for chunk in chunks}
    rebuilt = (
        {
            record.id: record.sentences
            for record in iter_chunks(article, read_sentences(article))
            if record.id in stored
        }
        if article
        else {}
    )
    missed = [chunk.id for chunk in chunks if chunk.id not in rebuilt]
    if missed:
        log.warning(
            "%s: %d of %d chunks are embedded again without their sentences' context",
            chunks[0].metadata["source"],
            len(missed),
            len(chunks),
        )
    return [
        ChunkRecord(
            chunk.id,
            chunk.text,
            chunk.metadata,
            rebuilt[chunk.id] if chunk.id in rebuilt else _table_sentences(chunk),
        )
        for chunk in chunks
    ]


def _article_of(chunks: Sequence[StoredChunk]) -> Article | None:
    """The article the chunks came from, as far as they tell: their texts at their offsets,
    gaps filled with spaces within a paragraph and newlines between; None if they overlap."""
    ordered = sorted(chunks, key=lambda chunk: int(chunk.metadata["start"]))
    pieces: list[str] = []
    end = 0
    spans: dict[int, list[StoredChunk]] = {}
    previous_paragraph = None
    for chunk in ordered:
        start = int(chunk.metadata["start"])
        paragraph = int(chunk.metadata["paragraph"])
        if start < end or start + len(chunk.text) != int(chunk.metadata["end"]):
            return None
        pieces.append(("\n" if paragraph != previous_paragraph else " ") * (start - end))
        pieces.append(chunk.text)
        end = start + len(chunk.text)
        previous_paragraph = paragraph
        spans.setdefault(paragraph, []).append(chunk)
    text = "".join(pieces)
    paragraphs = []
    for number, members in sorted(spans.items()):
        first, last = int(members[0].metadata["start"]), int(members[-1].metadata["end"])
        meta = members[0].metadata
        paragraphs.append(
            Paragraph(
                number=number,
                start=first,
                end=last,
                is_heading=bool(meta["is_heading"]),
                section=str(meta["section"]),
                article_text=text,
            )
        )
    meta = ordered[0].metadata
    return Article(str(meta["source"]), str(meta["title"]), text, tuple(paragraphs))


def _table_sentences(chunk: StoredChunk) -> list[SentenceRecord]:
    """The chunk's sentences cut from its text by its stored sentence table (no context)."""
    start = int(chunk.metadata["start"])
    rows = json.loads(str(chunk.metadata[SENTENCE_TABLE]))
    return [
        SentenceRecord(chunk.text[int(row["start"]) - start : int(row["end"]) - start], row)
        for row in rows
    ]
