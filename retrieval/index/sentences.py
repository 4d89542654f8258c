"""The sentence table: every sentence of evidence, where it stands, and its chunk's stored text."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from retrieval.language.text import SPEECH_TERM, content_stems


class LazyStems:
    """A sentence's `stems` field: a frozenset, or stems joined by spaces, split on first read.

    A saved copy of the index keeps each sentence's stems as one string, and most sentences are
    never scored in a process's life: parsing them as lists and making every set while the copy
    was read took two fifths of reading the copy of a 1,000-document index (24 of 62 ms). Stems
    hold no spaces: they are made of `WORD`s, or are `SPEECH_TERM`.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = f"_{name}"

    def __get__(self, sentence: Any, owner: type | None = None) -> frozenset[str]:
        if sentence is None:
            raise AttributeError("stems")  # no default: every sentence is given its stems
        value = sentence.__dict__[self._slot]
        if isinstance(value, str):
            value = frozenset(value.split(" ")) if value else frozenset()
            sentence.__dict__[self._slot] = value
        return value

    def __set__(self, sentence: Any, value: frozenset[str] | str) -> None:
        sentence.__dict__[self._slot] = value


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
    stems: LazyStems = LazyStems()
    # Speakers described, never named: "the doctor", "an airport official" (as written).
    voices: tuple[str, ...] = ()


def _split(value: object) -> tuple[str, ...]:
    return tuple(part for part in str(value or "").split("|") if part)


def sentence_of(
    sentence_id: str, chunk_id: str, chunk_text: str, chunk: dict, row: dict
) -> Sentence:
    """One row of a chunk's sentence table, its text cut from the chunk's."""
    offset = int(chunk["start"])
    text = chunk_text[int(row["start"]) - offset : int(row["end"]) - offset]
    speakers, mentions = str(row.get("speakers", "")), str(row.get("mentions", ""))
    voices = str(row.get("voices", ""))
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
        voices=_split(voices),
        stems=frozenset(content_stems(text))
        | frozenset(content_stems(mentions.replace("|", " ")))
        | ({SPEECH_TERM} if speakers or voices else set()),
    )


class SentenceTable:
    """The sentences by position, by id and by chunk, and the chunk texts their quotes are checked
    against."""

    def __init__(
        self,
        sentences: list[Sentence],
        chunk_ids: list[str],
        chunk_texts: list[str],
        chunk_starts: list[int],
    ):
        self.sentences = sentences
        self.chunk_ids = chunk_ids
        self.chunk_texts = chunk_texts
        self.chunk_starts = chunk_starts
        self._chunks = dict(
            zip(chunk_ids, zip(chunk_starts, chunk_texts, strict=True), strict=True)
        )
        self._by_id = {sentence.id: sentence for sentence in sentences}
        self.by_chunk: dict[str, list[int]] = defaultdict(list)
        for i, sentence in enumerate(sentences):
            self.by_chunk[sentence.chunk_id].append(i)
        for members in self.by_chunk.values():
            members.sort(key=lambda i: sentences[i].position)

    def __len__(self) -> int:
        return len(self.sentences)

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
