"""An in-memory view of the index, built once per process: sentences, names and keyword search."""

from __future__ import annotations

import json
from collections.abc import Collection

import numpy as np

from retrieval.constants import CHUNKS_COLLECTION, SENTENCE_TABLE
from retrieval.errors import IndexOutdated
from retrieval.index.articles import IndexedArticle, articles_in
from retrieval.index.chroma import Stores
from retrieval.index.keywords import KeywordIndex
from retrieval.index.names import NameGazetteer
from retrieval.index.sentences import Sentence, SentenceTable, sentence_of


class CorpusIndex:
    """Everything the query path needs that is not a vector: read from Chroma, never written.

    Three parts, each of one concern: the sentence table (`table`), keyword search (`keywords`)
    and the name gazetteer (`names`). The query path reads them through this one object.
    """

    def __init__(self, table: SentenceTable, keywords: KeywordIndex, names: NameGazetteer):
        self.table = table
        self.keywords = keywords
        self.names = names
        # Worked out on first use, like the keyword index: most processes never ask for them.
        self._articles: list[IndexedArticle] | None = None
        self._chunk_sources: np.ndarray | None = None
        self._by_position: dict[tuple[str, int], Sentence] | None = None

    @classmethod
    def build(
        cls,
        sentences: list[Sentence],
        chunk_ids: list[str],
        chunk_texts: list[str],
        chunk_starts: list[int],
    ) -> CorpusIndex:
        return cls(
            SentenceTable(sentences, chunk_ids, chunk_texts, chunk_starts),
            KeywordIndex.build(sentences, chunk_ids, chunk_texts),
            NameGazetteer.build(sentences),
        )

    @classmethod
    def load(cls, stores: Stores) -> CorpusIndex:
        chunks = stores.get(CHUNKS_COLLECTION, include=["documents", "metadatas"])
        sentences = []
        for chunk_id, text, meta in zip(
            chunks["ids"], chunks["documents"], chunks["metadatas"], strict=True
        ):
            if SENTENCE_TABLE not in meta:
                raise IndexOutdated(
                    "the index was made by an older qabot; run `qabot ingest` to store it again"
                )
            sentences.extend(
                sentence_of(f"{chunk_id}:{k}", chunk_id, text, meta, row)
                for k, row in enumerate(json.loads(str(meta[SENTENCE_TABLE])))
            )
        sentences.sort(key=lambda s: (s.source, s.position))
        starts = [int(meta["start"]) for meta in chunks["metadatas"]]
        return cls.build(sentences, list(chunks["ids"]), list(chunks["documents"]), starts)

    def prepare(self) -> None:
        """Build now what is otherwise built on first use, so a saved copy carries it too."""
        _ = self.keywords.bm25, self.names.acronyms

    # --- The sentence table -------------------------------------------------------------------

    @property
    def sentences(self) -> list[Sentence]:
        return self.table.sentences

    @property
    def chunk_ids(self) -> list[str]:
        return self.table.chunk_ids

    @property
    def by_chunk(self) -> dict[str, list[int]]:
        return self.table.by_chunk

    def __len__(self) -> int:
        return len(self.table)

    def sentence(self, sentence_id: str) -> Sentence | None:
        return self.table.sentence(sentence_id)

    def sentence_at(self, source: str, position: int) -> Sentence | None:
        """The sentence at this position of its article, if there is one."""
        if self._by_position is None:
            self._by_position = {(s.source, s.position): s for s in self.sentences}
        return self._by_position.get((source, position))

    def articles(self) -> list[IndexedArticle]:
        """The articles the index holds, numbered as front ends list them."""
        if self._articles is None:
            self._articles = articles_in(self.sentences)
        return self._articles

    def chunks_of(self, source: str) -> np.ndarray:
        """Which chunks (in `chunk_ids` order, as keyword scores are) belong to that article."""
        if self._chunk_sources is None:
            by_chunk = self.by_chunk
            self._chunk_sources = np.array(
                [
                    self.sentences[by_chunk[chunk_id][0]].source if by_chunk.get(chunk_id) else ""
                    for chunk_id in self.chunk_ids
                ],
                dtype=object,
            )
        return self._chunk_sources == source

    def verify(self, sentence_id: str, quote: str) -> bool:
        return self.table.verify(sentence_id, quote)

    # --- Keyword search -----------------------------------------------------------------------

    @property
    def idf(self) -> dict[str, float]:
        return self.keywords.idf

    @property
    def unknown_idf(self) -> float:
        return self.keywords.unknown_idf

    def idf_of(self, stem: str) -> float:
        return self.keywords.idf_of(stem)

    def keyword_scores(self, query: str) -> np.ndarray:
        return self.keywords.keyword_scores(query)

    def keyword_chunks(self, query: str, k: int, scores: np.ndarray | None = None) -> list[str]:
        return self.keywords.keyword_chunks(query, k, scores)

    def by_keyword_score(self, chunk_ids: set[str], scores: np.ndarray) -> list[str]:
        return self.keywords.by_keyword_score(chunk_ids, scores)

    def keyword_score_of(self, chunk_id: str, scores: np.ndarray) -> float:
        return self.keywords.score_of(chunk_id, scores)

    # --- Names (the `KnownWords` of retrieval/language/known.py) ------------------------------

    @property
    def vocab(self) -> set[str]:
        return self.names.vocab

    @property
    def lowercase_vocab(self) -> set[str]:
        return self.names.lowercase_vocab

    @property
    def name_words(self) -> dict[str, set[int]]:
        return self.names.name_words

    @property
    def full_names(self) -> dict[str, str]:
        return self.names.full_names

    @property
    def acronyms(self) -> dict[str, str]:
        return self.names.acronyms

    def people_named(self, words: Collection[str]) -> set[str]:
        """The people's names holding any of these words."""
        by_word = self.names.people_by_word
        return {name for word in words for name in by_word.get(word, ())}

    @property
    def given_names(self) -> frozenset[str]:
        return self.names.given_names

    def sentences_naming(self, name_words: set[str]) -> set[int]:
        return self.names.sentences_naming(name_words)

    def name_words_in(self, text: str) -> list[str]:
        return self.names.name_words_in(text)

    def person_pronoun(self, name: str) -> str | None:
        return self.names.person_pronoun(name)

    def central_person(self, pronoun: str, apart: frozenset[str] = frozenset()) -> str | None:
        return self.names.central_person(pronoun, apart)

    def central_thing(self) -> str | None:
        return self.names.central_thing()

    def expand_acronyms(self, text: str) -> str:
        return self.names.expand_acronyms(text)

    def name_countries(self, text: str) -> str:
        return self.names.name_countries(text)

    def name_teams(self, text: str) -> str:
        return self.names.name_teams(text)

    def respell_names(self, text: str) -> str:
        return self.names.respell_names(text)
