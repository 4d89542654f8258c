"""Hybrid retrieval: dense (Chroma) and keyword (BM25) chunks, fused, narrowed to sentences."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from retrieval.index.chroma import Stores
from retrieval.index.corpus import CorpusIndex
from retrieval.index.embeddings import Embedder
from retrieval.language.answer_kinds import KIND_PATTERNS, kind_score
from retrieval.language.question import Question
from retrieval.retrieve.near_words import NearWords, content_by_stem
from retrieval.retrieve.scoring import Evidence, counts_asked_thing, score_sentence

if TYPE_CHECKING:
    from retrieval.retrieve.langchain_retriever import LangChainRetriever

DENSE_K = 8
KEYWORD_K = 8
FUSED_CHUNKS = 6
# The best keyword chunk is read whatever the fusion makes of it when its BM25 score is this
# many times the next one's (1.2 to 2.0 measured the same: +1 turn, none lost; 3.0 none).
KEYWORD_LEAD = 1.5
# Reciprocal rank fusion's damping constant, as in Cormack et al. (2009).
RRF_K = 60
# Chunks that name the question's people are always searched, up to this many (best BM25 first).
NAMED_CHUNKS_MAX = 40
# Extra chunks read from each ranking, for the headings dropped from it (about one an article).
HEADINGS_ALLOWANCE = 2
# A question after a recognisable kind of fact may be answered by a sentence that shares no
# word with it ("Where was the game played?": "... in front of 15,522 in KeyBank Center."):
# when no sentence found holds the kind, every sentence of the article that does is a
# candidate, in an article of at most this many sentences (a news story has tens).
KIND_SCAN_MAX = 400
# "Why" is left out: a cause's connectives ("after", "over the") are in most sentences.
SCANNED_KINDS = frozenset(KIND_PATTERNS) - {"why"}


def _holding_kind_of(question: Question) -> Callable[[str], bool]:
    """Whether a sentence holds the asked kind of fact; for "how many", a number of the asked
    thing ("in front of 15,522" for "How many people were at the game?"), not any number."""
    if question.wh == "how_many" and question.counted:
        return lambda text: counts_asked_thing(question, text)
    return lambda text: kind_score(question.wh, text) > 0


class HybridRetriever:
    """Sentence-level evidence for a question, best first.

    A plain class: LangChain's `BaseRetriever` would cost every new process the import of
    langchain-core and langsmith (0.4-0.5 s, more than the rest of the retriever's). The
    engine calls `search` with a question it has already analysed; `as_langchain()` gives
    LangChain callers the same evidence as `Document`s.
    """

    # Not a dataclass: pydantic, inside LangChain's adapter, would try to validate its fields.
    def __init__(self, stores: Stores, index: CorpusIndex, embeddings: Embedder) -> None:
        self.stores = stores
        self.index = index
        self.embeddings = embeddings
        self._by_source: dict[str, list[int]] | None = None
        self.near_words = NearWords(embeddings.embed_documents)

    def as_langchain(self) -> LangChainRetriever:
        """This retriever as a LangChain `BaseRetriever` (a `Runnable`): `invoke(question)`
        returns `Document`s, each with its scores in `metadata`. Imports LangChain."""
        from retrieval.retrieve.langchain_retriever import LangChainRetriever

        return LangChainRetriever(retriever=self)

    def search(self, question: Question) -> list[Evidence]:
        """Dense and keyword chunks fused, plus the chunks naming the question's people,
        narrowed to their sentences and scored; only the picked article's, when one is."""
        article = question.article
        vector = self.embeddings.embed_query(question.text)
        dense = self.stores.chunks.query(
            query_embeddings=[vector],
            n_results=DENSE_K + HEADINGS_ALLOWANCE,
            where={"source": article} if article else None,
            include=[],
        )
        dense_ids = [i for i in dense["ids"][0] if not self._is_heading(i)]
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
        leads = [self.index.keyword_score_of(c, keyword_scores) for c in keyword_ids[:2]]
        if keyword_ids and keyword_ids[0] not in chunk_ids and _far_ahead(leads):
            # "When was the campaign introduced?": the lede, the one chunk saying "introduced",
            # ranks first by keywords and nowhere by meaning; fused, chunks that both lists
            # rank lower would bury it.
            chunk_ids.append(keyword_ids[0])
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
        sentences = self.index.sentences
        if question.wh in SCANNED_KINDS and candidates:
            holds = _holding_kind_of(question)
            if not any(holds(sentences[i].text) for i in candidates):
                source = article or sentences[candidates[0]].source
                candidates += self._holding(holds, source, set(candidates))
        similarities = self._similarities(vector, candidates)
        # "How many cars were sold?": "Dealers sold 30,154 new vehicles" has the asked word
        asked = {
            stem: word
            for stem, word in content_by_stem(question.text).items()
            if stem in question.topic_stems or stem in question.point_stems
        }
        near = self.near_words.of(asked, (sentences[i].text for i in candidates))
        found = [
            score_sentence(question, self.index, i, similarity, near)
            for i, similarity in zip(candidates, similarities, strict=True)
        ]
        found.sort(key=lambda evidence: -evidence.score)
        return found

    def _holding(self, holds: Callable[[str], bool], source: str, seen: set[int]) -> list[int]:
        """The article's sentences, beyond those already found, that hold the asked kind of
        fact; none in an article too long to read through for every question."""
        if self._by_source is None:
            self._by_source = {}
            for i, sentence in enumerate(self.index.sentences):
                self._by_source.setdefault(sentence.source, []).append(i)
        article = self._by_source.get(source, [])
        if len(article) > KIND_SCAN_MAX:
            return []
        sentences = self.index.sentences
        return [
            i
            for i in article
            if i not in seen and not sentences[i].is_heading and holds(sentences[i].text)
        ]

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


def _far_ahead(leads: Sequence[float]) -> bool:
    """Whether the best keyword chunk's score (of those that are no heading) leads the next
    one's by `KEYWORD_LEAD` times; the only chunk with any keyword leads."""
    if len(leads) < 2:
        return len(leads) == 1
    first, second = leads
    return first > 0 and first >= KEYWORD_LEAD * second
