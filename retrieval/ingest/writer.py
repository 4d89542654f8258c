"""Writing chunk records to the index: embed and store them, refresh their metadata, delete them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from retrieval.constants import CHUNKS_COLLECTION, SENTENCES_COLLECTION
from retrieval.index.chroma import Stores
from retrieval.ingest.chunking import ChunkRecord
from retrieval.ingest.progress import CountingProgress, Notify

# Chunks embedded and stored per write. Chroma refuses a write of more records than its
# `get_max_batch_size()` (5,461 for a local folder), and a batch writes a record for each
# sentence of its chunks too, so a batch is also cut before its sentences pass that limit
# (1,000 chunks of a file of short sentences held 7,000).
WRITE_BATCH = 1000


def refresh_metadata(stores: Stores, kept: Sequence[ChunkRecord]) -> None:
    """Text that stayed but moved (offsets, paragraph numbers, speakers) gets new metadata only.

    The stored metadata is read for these chunks alone: a large file's, read all at once,
    would be held whole (its sentence tables are most of it).
    """
    step = min(WRITE_BATCH, stores.client.get_max_batch_size())
    for first in range(0, len(kept), step):
        batch = kept[first : first + step]
        got = stores.get(CHUNKS_COLLECTION, ids=[c.id for c in batch], include=["metadatas"])
        stored = dict(zip(got["ids"], got["metadatas"], strict=True))
        moved = [chunk for chunk in batch if stored.get(chunk.id) != chunk.metadata]
        stores.update_metadata(
            CHUNKS_COLLECTION, [c.id for c in moved], [c.metadata for c in moved]
        )


def write_chunks(
    stores: Stores,
    chunks: Iterable[ChunkRecord],
    *,
    total: int | None = None,
    replace: bool = False,
    progress: Notify | None = None,
) -> None:
    """Embed and store batch after batch; the model reads each sentence once, alone.

    `chunks` may be made as they are taken (`iter_chunks`): only one batch of them, and of
    their vectors, is held at a time. `total` says how many there are, for the counts (by
    default a sequence's length; a stream without it is stored without counts). With
    `replace`, the chunks are already stored and get new vectors (a repair). After each batch
    a counting `progress` (a terminal's bar) is told how many chunks are stored; past one
    batch, any other `progress` hears it as a line.

    A chunk's vector is the mean of its sentences' (see `_chunk_vector`). Not overlapped:
    Chroma's writes hold the GIL, and on two cores anything running beside the model's two
    threads slows them (48.7 s against 39.5 s at 1,000 documents with a writer thread).
    """
    if total is None:
        total = len(chunks) if isinstance(chunks, Sequence) else 0
    done = 0
    for batch in _batches(chunks, stores.client.get_max_batch_size()):
        texts = [sentence.embedding_text for chunk in batch for sentence in chunk.sentences]
        unique = list(dict.fromkeys(texts))
        vectors = dict(zip(unique, stores.embeddings.embed_documents(unique), strict=True))
        _store_batch(stores, batch, vectors, replace)
        done += len(batch)
        if isinstance(progress, CountingProgress):
            progress.count("embedding", done, total)
        elif progress and total > WRITE_BATCH:
            progress(f"stored {done} of {total} chunks")


def _batches(chunks: Iterable[ChunkRecord], most_records: int) -> Iterator[list[ChunkRecord]]:
    """Consecutive chunks, at most `WRITE_BATCH` of them, and no more than `most_records`
    chunks or sentence records in any one write to Chroma."""
    most_chunks = min(WRITE_BATCH, most_records)
    batch: list[ChunkRecord] = []
    records = 0
    for chunk in chunks:
        stored = _sentence_records(chunk)
        is_full = len(batch) >= most_chunks or records + stored > most_records
        if batch and is_full:
            yield batch
            batch, records = [], 0
        batch.append(chunk)
        records += stored
    if batch:
        yield batch


def _sentence_records(chunk: ChunkRecord) -> int:
    """The sentence records a chunk writes: one per sentence, none for a one-sentence chunk."""
    return len(chunk.sentences) if len(chunk.sentences) > 1 else 0


def _store_batch(
    stores: Stores,
    batch: Sequence[ChunkRecord],
    vectors: dict[str, list[float]],
    replace: bool,
) -> None:
    several = [chunk for chunk in batch if _sentence_records(chunk)]
    # Sentences first: a chunk present in the index implies its sentences are too.
    stores.add_embedded(
        SENTENCES_COLLECTION,
        ids=[f"{chunk.id}:{k}" for chunk in several for k in range(len(chunk.sentences))],
        metadatas=[{"chunk_id": chunk.id} for chunk in several for _ in chunk.sentences],
        vectors=[vectors[s.embedding_text] for chunk in several for s in chunk.sentences],
        replace=replace,
    )
    stores.add_embedded(
        CHUNKS_COLLECTION,
        ids=[c.id for c in batch],
        documents=[c.text for c in batch],
        metadatas=[c.metadata for c in batch],
        vectors=[_chunk_vector(c, vectors) for c in batch],
        replace=replace,
    )


def _chunk_vector(chunk: ChunkRecord, vectors: dict[str, list[float]]) -> list[float]:
    """The normalised mean of the chunk's sentence vectors; a one-sentence chunk's is its own.

    Encoding the chunk's text as well cost a second pass over every multi-sentence chunk
    (ingest at 0.74x the model's raw speed); reading a sentence inside its chunk instead
    blurred it towards the chunk's first sentence (tests/e2e/test_snapshot.py).
    """
    parts = np.array([vectors[s.embedding_text] for s in chunk.sentences])
    mean = parts.mean(axis=0)
    return (mean / np.linalg.norm(mean)).tolist()


def delete_chunks(stores: Stores, chunk_ids: Sequence[str]) -> None:
    """Remove these chunks and their sentences, batch after batch."""
    for first in range(0, len(chunk_ids), WRITE_BATCH):
        batch = list(chunk_ids[first : first + WRITE_BATCH])
        stores.delete(CHUNKS_COLLECTION, ids=batch)
        stores.delete(SENTENCES_COLLECTION, where={"chunk_id": {"$in": batch}})
