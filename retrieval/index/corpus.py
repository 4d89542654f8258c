"""An in-memory view of the index, built once per process: sentences, names and keyword search."""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

import bm25s
import numpy as np

from retrieval.constants import CHUNKS_COLLECTION, SENTENCE_TABLE
from retrieval.errors import IndexOutdated
from retrieval.index.chroma import Stores
from retrieval.language.text import SPEECH_TERM, STOPWORDS, WORD, content_stems, stems, words

# bm25s sets its own logger to DEBUG on import; its index-build chatter is not for users.
logging.getLogger("bm25s").setLevel(logging.WARNING)


ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


@dataclass(frozen=True)
class Sentence:
    """One sentence of evidence, where it stands, and who speaks in it."""

    id: str
    text: str
    chunk_id: str
    source: str
    title: str
    paragraph: int
    start: int
    end: int
    position: int
    section: str
    is_heading: bool
    is_quote: bool
    speakers: tuple[str, ...]
    mentions: tuple[str, ...]
    stems: frozenset[str]


def _split(value: object) -> tuple[str, ...]:
    return tuple(part for part in str(value or "").split("|") if part)


def _sentence(sentence_id: str, chunk_id: str, chunk_text: str, chunk: dict, row: dict) -> Sentence:
    """One row of a chunk's sentence table, its text cut from the chunk's."""
    offset = int(chunk["start"])
    text = chunk_text[int(row["start"]) - offset : int(row["end"]) - offset]
    speakers, mentions = str(row.get("speakers", "")), str(row.get("mentions", ""))
    return Sentence(
        id=sentence_id,
        text=text,
        chunk_id=chunk_id,
        source=str(chunk["source"]),
        title=str(chunk["title"]),
        paragraph=int(chunk["paragraph"]),
        start=int(row["start"]),
        end=int(row["end"]),
        position=int(row["position"]),
        section=str(chunk.get("section", "")),
        is_heading=bool(chunk.get("is_heading", False)),
        is_quote=bool(row.get("is_quote", False)),
        speakers=_split(speakers),
        mentions=_split(mentions),
        stems=frozenset(content_stems(text))
        | frozenset(content_stems(mentions.replace("|", " ")))
        | ({SPEECH_TERM} if speakers else set()),
    )


class CorpusIndex:
    """Everything the query path needs that is not a vector: read from Chroma, never written."""

    def __init__(
        self,
        sentences: list[Sentence],
        chunk_ids: list[str],
        chunk_texts: list[str],
        chunk_starts: list[int],
    ):
        self.sentences = sentences
        self.chunk_ids = chunk_ids
        self._chunks = dict(
            zip(chunk_ids, zip(chunk_starts, chunk_texts, strict=True), strict=True)
        )
        self._position = {chunk_id: i for i, chunk_id in enumerate(chunk_ids)}
        self._by_id = {sentence.id: sentence for sentence in sentences}
        self.by_chunk: dict[str, list[int]] = defaultdict(list)
        for i, sentence in enumerate(sentences):
            self.by_chunk[sentence.chunk_id].append(i)
        for members in self.by_chunk.values():
            members.sort(key=lambda i: sentences[i].position)
        self.vocab: set[str] = set()
        self.lowercase_vocab: set[str] = set()
        self.name_words: dict[str, set[int]] = defaultdict(set)
        self.full_names: dict[str, str] = {}
        document_frequency: Counter[str] = Counter()
        for i, sentence in enumerate(sentences):
            self.vocab.update(words(sentence.text))
            self.lowercase_vocab.update(w for w in WORD.findall(sentence.text) if w.islower())
            document_frequency.update(sentence.stems)
            for name in (*sentence.mentions, *sentence.speakers):
                for word in words(name):
                    self.name_words[word].add(i)
                    if len(name) > len(self.full_names.get(word, "")):
                        self.full_names[word] = name
        total = max(len(sentences), 1)
        self.idf = {
            stem: math.log(1 + (total - df + 0.5) / (df + 0.5))
            for stem, df in document_frequency.items()
        }
        self.unknown_idf = math.log(1 + (total + 0.5) / 0.5)

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
                _sentence(f"{chunk_id}:{k}", chunk_id, text, meta, row)
                for k, row in enumerate(json.loads(str(meta[SENTENCE_TABLE])))
            )
        sentences.sort(key=lambda s: (s.source, s.position))
        starts = [int(meta["start"]) for meta in chunks["metadatas"]]
        return cls(sentences, list(chunks["ids"]), list(chunks["documents"]), starts)

    def __len__(self) -> int:
        return len(self.sentences)

    def prepare(self) -> None:
        """Build now what is otherwise built on first use, so a saved copy carries it too."""
        _ = self._bm25, self.acronyms

    @cached_property
    def _bm25(self) -> bm25s.BM25:
        """Built on first keyword search and kept: never rebuilt per question."""
        vocab: dict[str, int] = {}
        ids = [
            [vocab.setdefault(stem, len(vocab)) for stem in stems(words(text))]
            for _, text in self._chunks.values()
        ]
        retriever = bm25s.BM25()
        retriever.index(bm25s.tokenization.Tokenized(ids, vocab), show_progress=False)
        return retriever

    def keyword_scores(self, query: str) -> np.ndarray:
        """Every chunk's BM25 score for the query's stemmed words, in `chunk_ids` order."""
        if not self.chunk_ids:
            return np.zeros(0)
        query_stems = [s for s in content_stems(query) if s in self._bm25.vocab_dict]
        if not query_stems:
            return np.zeros(len(self.chunk_ids))
        return self._bm25.get_scores(query_stems)

    def keyword_chunks(self, query: str, k: int, scores: np.ndarray | None = None) -> list[str]:
        """Chunk ids by BM25 over stemmed words, best first."""
        scores = self.keyword_scores(query) if scores is None else scores
        top = np.argsort(-scores, kind="stable")[: min(k, len(scores))]
        return [self.chunk_ids[i] for i in top if scores[i] > 0]

    def by_keyword_score(self, chunk_ids: set[str], scores: np.ndarray) -> list[str]:
        """These chunks, best BM25 score first (ties in id order)."""
        return sorted(chunk_ids, key=lambda chunk_id: (-scores[self._position[chunk_id]], chunk_id))

    def sentences_naming(self, name_words: set[str]) -> set[int]:
        """Sentences that mention, or are spoken by, any of these name words."""
        found: set[int] = set()
        for word in name_words:
            found |= self.name_words.get(word, set())
        return found

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """ "ICC" -> "International Criminal Court", from the names the corpus spells out."""
        found: dict[str, str] = {}
        for name in set(self.full_names.values()):
            capitals = [w for w in name.split() if w[:1].isupper()]
            if len(capitals) >= 2:
                found.setdefault("".join(w[0] for w in capitals).upper(), name)
        return found

    def expand_acronyms(self, text: str) -> str:
        """Spell out acronyms the corpus never uses but whose full name it does."""

        def expand(match: re.Match[str]) -> str:
            token = match.group()
            name = self.acronyms.get(token)
            if name is None or token.lower() in self.vocab:
                return token
            return name

        return ACRONYM.sub(expand, text)

    def sentence(self, sentence_id: str) -> Sentence | None:
        return self._by_id.get(sentence_id)

    def verify(self, sentence_id: str, quote: str) -> bool:
        """Is `quote` exactly the text at the sentence's offsets in its stored chunk?"""
        sentence = self._by_id.get(sentence_id)
        if sentence is None or sentence.chunk_id not in self._chunks:
            return False
        chunk_start, chunk_text = self._chunks[sentence.chunk_id]
        begin = sentence.start - chunk_start
        return begin >= 0 and chunk_text[begin : begin + len(quote)] == quote == sentence.text

    def name_words_in(self, text: str) -> list[str]:
        """Words of `text` that name someone or something in the corpus.

        "Peskov" counts however it is written; "city" only when capitalized, since the corpus
        also uses it as a plain word.
        """
        found = []
        for token in WORD.findall(text.replace("’", "'")):
            for word in words(token):
                if word not in self.name_words or word in STOPWORDS:
                    continue
                if token[0].isupper() or word not in self.lowercase_vocab:
                    found.append(word)
        return list(dict.fromkeys(found))

    def idf_of(self, stem: str) -> float:
        return self.idf.get(stem, self.unknown_idf)
