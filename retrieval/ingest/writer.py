"""Writing chunk records to the index: embed and store them, refresh their metadata, delete them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from retrieval.constants import CHUNKS_COLLECTION, SENTENCES_COLLECTION
from retrieval.index.chroma import Stores
from retrieval.ingest.chunking import ChunkRecord

# Chroma refuses very large single writes; stay well below its limit.
WRITE_BATCH = 1000


def refresh_metadata(
    stores: Stores, kept: Sequence[ChunkRecord], existing: dict[str, dict]
) -> None:
    """Text that stayed but moved (offsets, paragraph numbers, speakers) gets new metadata only."""
    moved = [chunk for chunk in kept if existing[chunk.id] != chunk.metadata]
    stores.update_metadata(CHUNKS_COLLECTION, [c.id for c in moved], [c.metadata for c in moved])


def write_chunks(
    stores: Stores,
    chunks: Sequence[ChunkRecord],
    *,
    replace: bool = False,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Embed and store batch after batch; the model reads each sentence once, alone.

    With `replace`, the chunks are already stored and get new vectors (a repair). Past one
    batch, `progress` hears how many are stored after each.

    A chunk's vector is the mean of its sentences' (see `_chunk_vector`). Not overlapped:
    Chroma's writes hold the GIL, and on two cores anything running beside the model's two
    threads slows them (48.7 s against 39.5 s at 1,000 documents with a writer thread).
    """
    for first in range(0, len(chunks), WRITE_BATCH):
        batch = chunks[first : first + WRITE_BATCH]
        texts = [sentence.embedding_text for chunk in batch for sentence in chunk.sentences]
        unique = list(dict.fromkeys(texts))
        vectors = dict(zip(unique, stores.embeddings.embed_documents(unique), strict=True))
        _store_batch(stores, batch, vectors, replace)
        if progress and len(chunks) > WRITE_BATCH:
            progress(f"stored {first + len(batch)} of {len(chunks)} chunks")


def _store_batch(
    stores: Stores,
    batch: Sequence[ChunkRecord],
    vectors: dict[str, list[float]],
    replace: bool,
) -> None:
    several = [chunk for chunk in batch if len(chunk.sentences) > 1]
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
