"""Keyword search: BM25 over the chunks' stemmed words, and how rare each stem is in sentences."""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from retrieval.index.sentences import Sentence
from retrieval.language.text import content_stems, stems, words


@dataclass(frozen=True)
class Bm25Scores:
    """BM25 as bm25s computes it, kept as its precomputed score matrix: for each stem (a column,
    `vocab` gives its number), the chunks holding it (`indices`) and its score in each (`data`),
    column `c` at `indptr[c]:indptr[c + 1]`.

    Only building it needs bm25s, which imports SciPy (0.08-0.17 s of a new process): a process
    that reads the saved copy of the index (`serial.py`) scores questions with numpy alone.
    """

    vocab: dict[str, int]
    data: np.ndarray  # float32
    indices: np.ndarray  # int32 chunk positions
    indptr: np.ndarray
    chunks: int

    @classmethod
    def build(cls, chunk_texts: Sequence[str]) -> Bm25Scores:
        import bm25s

        # bm25s sets its own logger to DEBUG on import; its index-build chatter is not for users.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        vocab: dict[str, int] = {}
        ids = [
            [vocab.setdefault(stem, len(vocab)) for stem in stems(words(text))]
            for text in chunk_texts
        ]
        if not vocab:  # no chunk has a word: every question scores nothing
            empty = np.zeros(0, dtype=np.float32)
            return cls({}, empty, np.zeros(0, dtype=np.int32), np.zeros(1, np.int32), len(ids))
        retriever = bm25s.BM25()
        retriever.index(bm25s.tokenization.Tokenized(ids, vocab), show_progress=False)
        matrix = retriever.scores
        # bm25s adds an empty token "" past the last column, for chunks without words; no
        # question's stem is empty.
        columns = len(matrix["indptr"]) - 1
        return cls(
            {stem: c for stem, c in retriever.vocab_dict.items() if c < columns},
            matrix["data"],
            matrix["indices"],
            matrix["indptr"],
            int(matrix["num_docs"]),
        )

    def scores(self, query_stems: Sequence[str]) -> np.ndarray:
        """Every chunk's score for the stems (those of the vocabulary), summed in their order
        with the very numpy calls bm25s's `get_scores` makes, so the floats are the same."""
        columns = np.asarray([self.vocab[s] for s in query_stems if s in self.vocab], np.int32)
        starts, ends = self.indptr[columns], self.indptr[columns + 1]
        scores = np.zeros(self.chunks, dtype=self.data.dtype)
        for start, end in zip(starts, ends, strict=True):
            np.add.at(scores, self.indices[start:end], self.data[start:end])
        return scores


class KeywordIndex:
    """BM25 over chunks (searched by question words) and sentence-level idf (to weigh them)."""

    def __init__(
        self,
        chunk_ids: list[str],
        chunk_texts: list[str],
        idf: dict[str, float],
        unknown_idf: float,
        bm25: Bm25Scores | None = None,
    ):
        self.chunk_ids = chunk_ids
        self._chunk_texts = chunk_texts
        self._position = {chunk_id: i for i, chunk_id in enumerate(chunk_ids)}
        self.idf = idf
        self.unknown_idf = unknown_idf
        self._bm25 = bm25

    @classmethod
    def build(
        cls, sentences: Sequence[Sentence], chunk_ids: list[str], chunk_texts: list[str]
    ) -> KeywordIndex:
        document_frequency: Counter[str] = Counter()
        for sentence in sentences:
            document_frequency.update(sentence.stems)
        total = max(len(sentences), 1)
        idf = {
            stem: math.log(1 + (total - df + 0.5) / (df + 0.5))
            for stem, df in document_frequency.items()
        }
        return cls(chunk_ids, chunk_texts, idf, math.log(1 + (total + 0.5) / 0.5))

    @property
    def bm25(self) -> Bm25Scores:
        """Built on first keyword search (unless given) and kept: never rebuilt per question."""
        if self._bm25 is None:
            self._bm25 = Bm25Scores.build(self._chunk_texts)
        return self._bm25

    def keyword_scores(self, query: str) -> np.ndarray:
        """Every chunk's BM25 score for the query's stemmed words, in `chunk_ids` order."""
        if not self.chunk_ids:
            return np.zeros(0)
        query_stems = [s for s in content_stems(query) if s in self.bm25.vocab]
        if not query_stems:
            return np.zeros(len(self.chunk_ids))
        return self.bm25.scores(query_stems)

    def keyword_chunks(self, query: str, k: int, scores: np.ndarray | None = None) -> list[str]:
        """Chunk ids by BM25 over stemmed words, best first."""
        scores = self.keyword_scores(query) if scores is None else scores
        top = np.argsort(-scores, kind="stable")[: min(k, len(scores))]
        return [self.chunk_ids[i] for i in top if scores[i] > 0]

    def by_keyword_score(self, chunk_ids: set[str], scores: np.ndarray) -> list[str]:
        """These chunks, best BM25 score first (ties in id order)."""
        return sorted(chunk_ids, key=lambda chunk_id: (-scores[self._position[chunk_id]], chunk_id))

    def score_of(self, chunk_id: str, scores: np.ndarray) -> float:
        """The chunk's score among `scores` (one per chunk, as `keyword_scores` gives)."""
        return float(scores[self._position[chunk_id]])

    def idf_of(self, stem: str) -> float:
        return self.idf.get(stem, self.unknown_idf)
