"""Chroma takes at most `get_max_batch_size()` records in one write: a batch of chunks is cut
before its chunks, or the sentence records they write, pass that limit."""

from __future__ import annotations

import pytest

from retrieval.ingest.chunking import ChunkRecord, SentenceRecord
from retrieval.ingest.writer import WRITE_BATCH, _batches


def chunk(number: int, sentences: int) -> ChunkRecord:
    records = [SentenceRecord(f"Sentence {k}.", {}) for k in range(sentences)]
    return ChunkRecord(f"chunk-{number}", " ".join(r.text for r in records), {}, records)


@pytest.mark.parametrize(
    ("sentences", "most_records", "sizes"),
    [
        # one-sentence chunks write no sentence records: only the chunk count cuts
        ([1] * 2_500, 5_461, [WRITE_BATCH, WRITE_BATCH, 500]),
        # 25 sentences a chunk: 218 chunks (5,450 records) fit under Chroma's 5,461
        ([25] * 280, 5_461, [218, 62]),
        # a server with a lower limit cuts the chunk count too
        ([1] * 700, 300, [300, 300, 100]),
        ([10, 10, 1, 10], 20, [3, 1]),
        # a batch is never left empty, even by a chunk of more sentences than the limit
        ([30, 2], 20, [1, 1]),
        ([], 5_461, []),
    ],
)
def test_batches_keep_every_write_within_the_limit(
    sentences: list[int], most_records: int, sizes: list[int]
) -> None:
    chunks = [chunk(n, count) for n, count in enumerate(sentences)]
    batches = list(_batches(chunks, most_records))
    assert [len(batch) for batch in batches] == sizes
    assert [c.id for batch in batches for c in batch] == [c.id for c in chunks]
