"""Hybrid retrieval: dense (Chroma) and keyword (BM25) chunks, fused, narrowed to sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from retrieval.index.chroma import Stores
from retrieval.index.corpus import CorpusIndex, Sentence
from retrieval.language.question import Question, analyze

DENSE_K = 8
KEYWORD_K = 8
FUSED_CHUNKS = 6
# Reciprocal rank fusion's damping constant, as in Cormack et al. (2009).
RRF_K = 60
# Chunks that name the question's people are always searched, up to this many (best BM25 first).
NAMED_CHUNKS_MAX = 40

# How much each signal counts in a sentence's score.
WEIGHT_DENSE = 0.50
WEIGHT_LEXICAL = 0.35
WEIGHT_NAMED = 0.15
WEIGHT_KIND = 0.20
# A place or time inside a quotation is what someone said, less often where or when it happened.
QUOTED_KIND = 0.5

TIME = re.compile(
    r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"this\s+(?:week|month|year)|last\s+(?:week|month|year)|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|\d{4})\b",
    re.IGNORECASE,
)
PLACE = re.compile(
    r"\b(?:in|at|near)\s+(?:the\s+)?(?:(?:city|town|village|region|country)\s+of\s+)?"
    r"(?!The\b)[A-Z][a-z]+|\b(?:based|held|located)\s+in\b|\bvisit\s+to\b|\b(?:city|town|region)\s+of\b",
)
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
DURATION = re.compile(
    r"\b\d+[- ](?:day|week|month|year)s?(?:-old)?\b"
    r"|\bfor\s+(?:\d+|\w+)\s+(?:days|weeks|months|years)\b|\bsince\s+(?:\d{4}|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b",
    re.IGNORECASE,
)
NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|hundreds?|thousands?|"
    r"millions?|dozens?)\b",
    re.IGNORECASE,
)
REASON = re.compile(
    r"\b(?:because|due\s+to|over\s+the|since|as\s+a\s+result|in\s+response|after)\b", re.I
)
DAYS_MONTHS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december"
)
# A time still to come: "next week", "will meet on Monday", "scheduled for May".
FUTURE_TIME = re.compile(
    rf"\b(?:next|coming|upcoming)\s+(?:week|month|year|{DAYS_MONTHS})\b"
    rf"|\bwill\b[^.]*\b(?:on|in|by)\s+(?:{DAYS_MONTHS}|\d{{4}})\b"
    rf"|\b(?:scheduled|planned|set)\s+(?:for|to\s+take\s+place)\b",
    re.IGNORECASE,
)
KIND_PATTERNS = {
    "when_future": FUTURE_TIME,
    "when": TIME,
    "where": PLACE,
    "how_long": DURATION,
    "how_many": NUMBER,
    "why": REASON,
}


class HybridRetriever(BaseRetriever):
    """Returns sentence-level evidence, best first, each scored in `metadata["score"]`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    stores: Stores
    index: CorpusIndex
    embeddings: Embeddings

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        question = analyze(query, self.index)
        vector = self.embeddings.embed_query(query)
        dense = self.stores.chunks.similarity_search_by_vector_with_relevance_scores(
            vector, DENSE_K
        )
        dense_ids = [doc.id for doc, _ in dense if doc.id]
        keyword_scores = self.index.keyword_scores(query)
        keyword_ids = self.index.keyword_chunks(query, KEYWORD_K, keyword_scores)
        chunk_ids = fuse([dense_ids, keyword_ids])[:FUSED_CHUNKS]
        named = self.index.sentences_naming(set(question.name_words))
        named_chunks = self.index.by_keyword_score(
            {self.index.sentences[i].chunk_id for i in named}, keyword_scores
        )
        for chunk_id in named_chunks[:NAMED_CHUNKS_MAX]:
            if chunk_id not in chunk_ids:
                chunk_ids.append(chunk_id)
        candidates = [i for chunk_id in chunk_ids for i in self.index.by_chunk.get(chunk_id, [])]
        candidates = [i for i in candidates if not self.index.sentences[i].is_heading]
        similarities = self._similarities(vector, candidates)
        documents = [
            sentence_document(self.index.sentences[i], score_sentence(question, self.index, i, sim))
            for i, sim in zip(candidates, similarities, strict=True)
        ]
        documents.sort(key=lambda d: -d.metadata["score"])
        return documents

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


def score_sentence(question: Question, index: CorpusIndex, i: int, dense: float) -> dict[str, Any]:
    """Dense similarity, keyword coverage, named people and answer kind, combined."""
    sentence = index.sentences[i]
    # Half for the whole topic, half for what it asks about the names it mentions.
    lexical = _coverage(index, question.topic_stems, sentence)
    if question.point_stems and question.point_stems != question.topic_stems:
        lexical = (lexical + _coverage(index, question.point_stems, sentence)) / 2
    named = _names(question, sentence)
    kind = _kind(question.wh, sentence.text)
    score = (
        WEIGHT_DENSE * dense + WEIGHT_LEXICAL * lexical + WEIGHT_NAMED * named + WEIGHT_KIND * kind
    )
    return {
        "score": score,
        "dense": dense,
        "lexical": lexical,
        "named": named,
        "kind": kind,
    }


def _coverage(index: CorpusIndex, terms: Sequence[str], sentence: Sentence) -> float:
    """The share of the terms' weight (idf) that the sentence contains."""
    wanted = sum(index.idf_of(stem) for stem in terms)
    covered = sum(index.idf_of(stem) for stem in terms if stem in sentence.stems)
    return covered / wanted if wanted else 0.0


def _kind(wh: str, text: str) -> float:
    """1 when the sentence holds the kind of fact asked for (a place for "where"...)."""
    pattern = KIND_PATTERNS.get(wh)
    if pattern is None or not pattern.search(text):
        return 0.0
    narrative = QUOTED.sub(" ", text)
    return 1.0 if pattern.search(narrative) else QUOTED_KIND


def _names(question: Question, sentence: Sentence) -> float:
    if not question.name_words:
        return 0.0
    named_words = {
        w for name in (*sentence.mentions, *sentence.speakers) for w in name.lower().split()
    }
    return 1.0 if question.name_words & named_words else 0.0


def sentence_document(sentence: Sentence, scores: dict[str, Any] | None = None) -> Document:
    """A sentence as a LangChain `Document`, with where it stands and how it scored."""
    return Document(
        id=sentence.id,
        page_content=sentence.text,
        metadata={
            "source": sentence.source,
            "title": sentence.title,
            "paragraph": sentence.paragraph,
            "start": sentence.start,
            "end": sentence.end,
            "position": sentence.position,
            "section": sentence.section,
            "speakers": list(sentence.speakers),
            "mentions": list(sentence.mentions),
            "chunk_id": sentence.chunk_id,
            **(scores or {}),
        },
    )
