"""Ingest: load, clean, split, attribute, chunk, embed and store — re-runnable and idempotent."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval.constants import (
    BUNDLED_CORPUS_DIR,
    BUNDLED_SOURCE_PREFIX,
    CHUNKS_COLLECTION,
    INDEX_LAYOUT,
    MAX_CHUNK_TOKENS,
    SENTENCE_TABLE,
    SENTENCES_COLLECTION,
)
from retrieval.errors import SourceUnreadable
from retrieval.index.chroma import Stores
from retrieval.index.embeddings import count_tokens, most_tokens
from retrieval.ingest.loader import SUPPORTED_SUFFIXES, Article, Paragraph, load_article
from retrieval.ingest.sentences import Span, split_sentences
from retrieval.language.speakers import Mention, find_mentions, is_quote_only, speakers_of

log = logging.getLogger(__name__)

LEADING_PRONOUN = re.compile(r"^(?:He|She|His|Her|Hers)\b")
# Chroma refuses very large single writes; stay well below its limit.
WRITE_BATCH = 1000
# Sources whose stored chunks one query fetches.
SOURCE_BATCH = 200


@dataclass
class IngestReport:
    """What one ingest run did, counted in chunks."""

    added: int = 0
    unchanged: int = 0
    removed: int = 0
    embedded: int = 0
    sources: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, int]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "embedded": self.embedded,
        }


@dataclass
class SentenceRecord:
    text: str
    metadata: dict[str, str | int | bool]
    # Who "she" is, or who speaks an untagged quote: embedded with the sentence, never quoted.
    context: str = ""

    @property
    def embedding_text(self) -> str:
        return f"{self.context}: {self.text}" if self.context else self.text


@dataclass
class ChunkRecord:
    id: str
    text: str
    metadata: dict[str, str | int | bool]
    sentences: list[SentenceRecord]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: the given files, and the supported files inside given folders."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise SourceUnreadable(f"{path}: no such file or folder")
    return files


def ingest(
    stores: Stores,
    paths: Sequence[Path],
    *,
    prune: bool = False,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Bring the index in line with `paths`; every file is read before anything is written."""
    articles = [load_article(path) for path in expand_paths(paths)]
    report = IngestReport(sources=[a.source for a in articles])
    with stores.changing():
        relaid = stores.layout() != INDEX_LAYOUT
        if relaid:
            articles += _relay(stores, {article.source for article in articles}, report, progress)
        to_add: list[ChunkRecord] = []
        stored = _stored_chunks(stores, [article.source for article in articles])
        for article in articles:
            chunks = build_chunks(article)
            existing = stored.get(article.source, {})
            stale = sorted(set(existing) - {chunk.id for chunk in chunks})
            _delete_chunks(stores, stale)
            report.removed += len(stale)
            kept = [chunk for chunk in chunks if chunk.id in existing]
            _refresh_metadata(stores, kept, existing)
            report.unchanged += len(kept)
            to_add.extend(chunk for chunk in chunks if chunk.id not in existing)
        if prune:
            report.removed += _prune_vanished(stores)
        if to_add and progress:
            progress(f"embedding {len(to_add)} chunks")
        _write_chunks(stores, to_add)
        if relaid:
            stores.mark_layout()
    report.added = report.embedded = len(to_add)
    return report


def _relay(
    stores: Stores, known: set[str], report: IngestReport, progress: Callable[[str], None] | None
) -> list[Article]:
    """An index an older qabot laid out: the articles it holds, to store again in this layout.

    Their old records have other ids, so ingesting them replaces those records. A source whose
    file is gone cannot be read again: its records are removed, as `--prune` would.
    """
    articles = []
    for source, chunk_ids in _chunks_by_source(stores).items():
        if source in known:
            continue
        path = (
            BUNDLED_CORPUS_DIR / source.removeprefix(BUNDLED_SOURCE_PREFIX)
            if source.startswith(BUNDLED_SOURCE_PREFIX)
            else Path(source)
        )
        try:
            articles.append(load_article(path))
        except SourceUnreadable:
            log.warning("%s is gone; its %d chunks are removed", source, len(chunk_ids))
            _delete_chunks(stores, chunk_ids)
            report.removed += len(chunk_ids)
    if articles and progress:
        progress(f"storing {len(articles)} articles again in this version's index layout")
    return articles


def _chunks_by_source(stores: Stores) -> dict[str, list[str]]:
    """The ids of every stored chunk, by the source they came from."""
    stored = stores.get(CHUNKS_COLLECTION, include=["metadatas"])
    by_source: dict[str, list[str]] = {}
    for chunk_id, meta in zip(stored["ids"], stored["metadatas"], strict=True):
        by_source.setdefault(str(meta["source"]), []).append(chunk_id)
    return by_source


def _stored_chunks(stores: Stores, sources: Sequence[str]) -> dict[str, dict[str, dict]]:
    """The metadata of every chunk already stored for these sources, by source and chunk id."""
    found: dict[str, dict[str, dict]] = {source: {} for source in sources}
    for first in range(0, len(sources), SOURCE_BATCH):
        batch = list(sources[first : first + SOURCE_BATCH])
        got = stores.get(CHUNKS_COLLECTION, where={"source": {"$in": batch}}, include=["metadatas"])
        for chunk_id, meta in zip(got["ids"], got["metadatas"], strict=True):
            found[str(meta["source"])][chunk_id] = meta
    return found


def _refresh_metadata(
    stores: Stores, kept: Sequence[ChunkRecord], existing: dict[str, dict]
) -> None:
    """Text that stayed but moved (offsets, paragraph numbers, speakers) gets new metadata only."""
    moved = [chunk for chunk in kept if existing[chunk.id] != chunk.metadata]
    stores.update_metadata(CHUNKS_COLLECTION, [c.id for c in moved], [c.metadata for c in moved])


def _write_chunks(stores: Stores, chunks: Sequence[ChunkRecord]) -> None:
    """Embed and store batch after batch; the model reads each sentence once, alone.

    A chunk's vector is the mean of its sentences' (see `_chunk_vector`). Not overlapped:
    Chroma's writes hold the GIL, and on two cores anything running beside the model's two
    threads slows them (48.7 s against 39.5 s at 1,000 documents with a writer thread).
    """
    for first in range(0, len(chunks), WRITE_BATCH):
        batch = chunks[first : first + WRITE_BATCH]
        texts = [sentence.embedding_text for chunk in batch for sentence in chunk.sentences]
        unique = list(dict.fromkeys(texts))
        vectors = dict(zip(unique, stores.embeddings.embed_documents(unique), strict=True))
        _store_batch(stores, batch, vectors)


def _store_batch(
    stores: Stores, batch: Sequence[ChunkRecord], vectors: dict[str, list[float]]
) -> None:
    several = [chunk for chunk in batch if len(chunk.sentences) > 1]
    # Sentences first: a chunk present in the index implies its sentences are too.
    stores.add_embedded(
        SENTENCES_COLLECTION,
        ids=[f"{chunk.id}:{k}" for chunk in several for k in range(len(chunk.sentences))],
        metadatas=[{"chunk_id": chunk.id} for chunk in several for _ in chunk.sentences],
        vectors=[vectors[s.embedding_text] for chunk in several for s in chunk.sentences],
    )
    stores.add_embedded(
        CHUNKS_COLLECTION,
        ids=[c.id for c in batch],
        documents=[c.text for c in batch],
        metadatas=[c.metadata for c in batch],
        vectors=[_chunk_vector(c, vectors) for c in batch],
    )


def _chunk_vector(chunk: ChunkRecord, vectors: dict[str, list[float]]) -> list[float]:
    """The normalised mean of the chunk's sentence vectors; a one-sentence chunk's is its own.

    Encoding the chunk's text as well cost a second pass over every multi-sentence chunk
    (ingest at 0.74x the model's raw speed); reading a sentence inside its chunk instead
    blurred it towards the chunk's first sentence (tests/test_snapshot.py).
    """
    parts = np.array([vectors[s.embedding_text] for s in chunk.sentences])
    mean = parts.mean(axis=0)
    return (mean / np.linalg.norm(mean)).tolist()


def _delete_chunks(stores: Stores, chunk_ids: Sequence[str]) -> None:
    for first in range(0, len(chunk_ids), WRITE_BATCH):
        batch = list(chunk_ids[first : first + WRITE_BATCH])
        stores.delete(CHUNKS_COLLECTION, ids=batch)
        stores.delete(SENTENCES_COLLECTION, where={"chunk_id": {"$in": batch}})


def _prune_vanished(stores: Stores) -> int:
    """Drop the chunks of ingested files that no longer exist on disk."""
    removed = 0
    for source, chunk_ids in _chunks_by_source(stores).items():
        if source.startswith(BUNDLED_SOURCE_PREFIX) or Path(source).exists():
            continue
        log.info("removing %d chunks of vanished %s", len(chunk_ids), source)
        _delete_chunks(stores, chunk_ids)
        removed += len(chunk_ids)
    return removed


def build_chunks(article: Article) -> list[ChunkRecord]:
    """Sentences with their speakers, grouped into chunks that fit the model's window."""
    found = [
        [(span, find_mentions(span.text)) for span in _fitting_spans(paragraph)]
        for paragraph in article.paragraphs
    ]
    names = _display_names(m for sentences in found for _, mentions in sentences for m in mentions)
    chunks: list[ChunkRecord] = []
    seen: dict[str, int] = {}
    position = 0
    last_person: str | None = None
    last_quote_speakers: list[str] = []
    for paragraph, sentences in zip(article.paragraphs, found, strict=True):
        records: list[SentenceRecord] = []
        for span, mentions in sentences:
            speakers = speakers_of(span.text, mentions, last_person)
            quote_only = is_quote_only(span.text)
            context = ""
            if quote_only and not speakers and last_quote_speakers:
                speakers = last_quote_speakers  # an untagged quote continues the last speaker
                context = names.display(speakers[0])
            has_quote = any(q in span.text for q in '"“”')
            last_quote_speakers = speakers if has_quote else []
            referred = {m.key for m in mentions}
            if last_person and LEADING_PRONOUN.match(span.text):
                referred.add(last_person)  # "Her focus is ..." is about the person just named
                context = context or names.display(last_person)
            persons = [m.key for m in mentions if m.key in names.persons]
            last_person = persons[-1] if persons else last_person
            records.append(
                SentenceRecord(
                    span.text,
                    {
                        "start": span.start,
                        "end": span.end,
                        "position": position,
                        "is_quote": has_quote,
                        "speakers": "|".join(names.display(k) for k in speakers),
                        "mentions": "|".join(sorted({names.display(k) for k in referred})),
                    },
                    context,
                )
            )
            position += 1
        chunks.extend(_group(article, paragraph, records, seen))
    return chunks


def _fitting_spans(paragraph: Paragraph) -> list[Span]:
    """Sentence spans, with any sentence too long for the model cut at word boundaries."""
    spans: list[Span] = []
    for span in split_sentences(paragraph.text, paragraph.start):
        if _fits(span.text):
            spans.append(span)
        else:
            spans.extend(_split_long(span))
    return spans


def _fits(text: str) -> bool:
    return most_tokens(text) <= MAX_CHUNK_TOKENS or count_tokens(text) <= MAX_CHUNK_TOKENS


def _split_long(span: Span) -> list[Span]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=MAX_CHUNK_TOKENS,
        chunk_overlap=0,
        length_function=count_tokens,
        separators=["; ", ", ", " ", ""],
        keep_separator="end",
        add_start_index=True,
        strip_whitespace=True,
    )
    pieces = []
    for doc in splitter.create_documents([span.text]):
        start = span.start + doc.metadata["start_index"]
        pieces.append(Span(start, start + len(doc.page_content), doc.page_content))
    return pieces


def _group(
    article: Article, paragraph: Paragraph, records: list[SentenceRecord], seen: dict[str, int]
) -> list[ChunkRecord]:
    """Consecutive sentences of one paragraph, as many as fit in one model window."""
    chunks = []
    for group in _windows(records):
        start, end = int(group[0].metadata["start"]), int(group[-1].metadata["end"])
        text = article.text[start:end]
        # The id hashes what is embedded — the text, where its sentences end, their context —
        # and which repeat of it this is, so text that merely moves keeps its id and its
        # embeddings; only its metadata is refreshed.
        repeat = seen.get(text, 0)
        seen[text] = repeat + 1
        contexts = "\0".join(record.context for record in group)
        ends = ",".join(str(int(record.metadata["end"]) - start) for record in group)
        key = f"{INDEX_LAYOUT}\0{article.source}\0{text}\0{repeat}\0{contexts}\0{ends}"
        chunk_id = hashlib.sha256(key.encode()).hexdigest()[:32]
        metadata = {
            "source": article.source,
            "title": article.title,
            "paragraph": paragraph.number,
            "start": start,
            "end": end,
            "section": paragraph.section,
            "is_heading": paragraph.is_heading,
            "sentences": len(group),
            SENTENCE_TABLE: json.dumps([record.metadata for record in group]),
        }
        chunks.append(ChunkRecord(chunk_id, text, metadata, group))
    return chunks


def _windows(records: list[SentenceRecord]) -> list[list[SentenceRecord]]:
    if sum(most_tokens(record.embedding_text) + 1 for record in records) <= MAX_CHUNK_TOKENS:
        return [records]  # they all fit, as a bound shows without counting
    groups: list[list[SentenceRecord]] = []
    budget = 0
    for record in records:
        tokens = count_tokens(record.embedding_text) + 1
        if groups and budget + tokens <= MAX_CHUNK_TOKENS:
            groups[-1].append(record)
            budget += tokens
        else:
            groups.append([record])
            budget = tokens
    return groups


@dataclass
class _Names:
    full: dict[str, str]
    persons: set[str]

    def display(self, key: str) -> str:
        return self.full.get(key, key)


def _display_names(mentions: Iterable[Mention]) -> _Names:
    """Each name's longest form in the article ("Peskov" -> "Dmitry Peskov")."""
    full: dict[str, str] = {}
    persons: set[str] = set()
    for mention in mentions:
        if len(mention.text) > len(full.get(mention.key, "")):
            full[mention.key] = mention.text
        if mention.is_person:
            persons.add(mention.key)
    return _Names(full, persons)
