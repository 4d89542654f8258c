"""Hybrid retrieval: dense (Chroma) and keyword (BM25) chunks, fused, narrowed to sentences."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from retrieval.index.chroma import Stores
from retrieval.index.corpus import CorpusIndex
from retrieval.language.question import Question, analyze
from retrieval.retrieve.scoring import Evidence, score_sentence

DENSE_K = 8
KEYWORD_K = 8
FUSED_CHUNKS = 6
# Reciprocal rank fusion's damping constant, as in Cormack et al. (2009).
RRF_K = 60
# Chunks that name the question's people are always searched, up to this many (best BM25 first).
NAMED_CHUNKS_MAX = 40
# Extra chunks read from each ranking, for the headings dropped from it (about one an article).
HEADINGS_ALLOWANCE = 2


class HybridRetriever(BaseRetriever):
    """Sentence-level evidence for a question, best first.

    The engine calls `search` with a question it has already analysed; LangChain callers get
    the same evidence as `Document`s, its scores in `metadata`.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    stores: Stores
    index: CorpusIndex
    embeddings: Embeddings

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [evidence.to_document() for evidence in self.search(analyze(query, self.index))]

    def search(self, question: Question) -> list[Evidence]:
        """Dense and keyword chunks fused, plus the chunks naming the question's people,
        narrowed to their sentences and scored; only the picked article's, when one is."""
        article = question.article
        vector = self.embeddings.embed_query(question.text)
        dense = self.stores.chunks.similarity_search_by_vector_with_relevance_scores(
            vector, DENSE_K + HEADINGS_ALLOWANCE, filter={"source": article} if article else None
        )
        dense_ids = [doc.id for doc, _ in dense if doc.id and not self._is_heading(doc.id)]
        keyword_scores = self.index.keyword_scores(question.text)
        if article:
            keyword_scores = np.where(self.index.chunks_of(article), keyword_scores, 0.0)
        keyword_ids = self.index.keyword_chunks(
            question.text, KEYWORD_K + HEADINGS_ALLOWANCE, keyword_scores
        )
        # A headline or sub-heading is no evidence (only a summary cites the headline): its
        # chunk must not take the place of a paragraph's.
        keyword_ids = [i for i in keyword_ids if not self._is_heading(i)][:KEYWORD_K]
        dense_ids = dense_ids[:DENSE_K]
        chunk_ids = fuse([dense_ids, keyword_ids])[:FUSED_CHUNKS]
        named = self.index.sentences_naming(set(question.name_words))
        if article:
            named = {i for i in named if self.index.sentences[i].source == article}
        named_chunks = self.index.by_keyword_score(
            {self.index.sentences[i].chunk_id for i in named}, keyword_scores
        )
        for chunk_id in named_chunks[:NAMED_CHUNKS_MAX]:
            if chunk_id not in chunk_ids:
                chunk_ids.append(chunk_id)
        candidates = [i for chunk_id in chunk_ids for i in self.index.by_chunk.get(chunk_id, [])]
        candidates = [i for i in candidates if not self.index.sentences[i].is_heading]
        similarities = self._similarities(vector, candidates)
        found = [
            score_sentence(question, self.index, i, similarity)
            for i, similarity in zip(candidates, similarities, strict=True)
        ]
        found.sort(key=lambda evidence: -evidence.score)
        return found

    def _is_heading(self, chunk_id: str) -> bool:
        members = self.index.by_chunk.get(chunk_id, [])
        return bool(members) and self.index.sentences[members[0]].is_heading

    def _similarities(self, vector: Sequence[float], candidates: list[int]) -> list[float]:
        if not candidates:
            return []
        # A chunk of one sentence is that sentence: its vector is the chunk's.
        keys = [self._vector_key(i) for i in candidates]
        by_id: dict[str, Sequence[float]] = {}
        for store, wanted in ((self.stores.chunks, True), (self.stores.sentences, False)):
            ids = sorted({key for key, is_chunk in keys if is_chunk is wanted})
            if ids:
                got = store.get(ids=ids, include=["embeddings"])
                by_id.update(zip(got["ids"], got["embeddings"], strict=True))
        matrix = np.array([by_id[key] for key, _ in keys], dtype=np.float32)
        return (matrix @ np.asarray(vector, dtype=np.float32)).tolist()

    def _vector_key(self, i: int) -> tuple[str, bool]:
        """Where sentence `i`'s vector is kept: its id, and whether that is a chunk's."""
        sentence = self.index.sentences[i]
        if len(self.index.by_chunk[sentence.chunk_id]) == 1:
            return sentence.chunk_id, True
        return sentence.id, False


def fuse(rankings: Sequence[Sequence[str]]) -> list[str]:
    """Reciprocal rank fusion of several rankings of ids."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(scores, key=lambda item: -scores[item])
