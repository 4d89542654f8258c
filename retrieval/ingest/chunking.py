"""Chunking: an article's sentences, with their speakers, grouped into records to embed."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from retrieval.constants import HEADLINE_SECTION, INDEX_LAYOUT, MAX_CHUNK_TOKENS, SENTENCE_TABLE
from retrieval.index.embeddings import count_tokens, most_tokens
from retrieval.ingest.loader import Article, Paragraph
from retrieval.ingest.sentences import Span, split_sentences
from retrieval.language.speakers import (
    Mention,
    find_mentions,
    is_quote_only,
    speakers_of,
    subject_person,
)

# A sentence opening with one of these is about the person named last ("Her focus is ..."):
# that person counts as mentioned and is embedded with the sentence as its context.
LEADING_PRONOUN = re.compile(r"^(?:He|She|His|Her|Hers)\b")


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


def build_chunks(
    article: Article, on_paragraph: Callable[[Paragraph], None] | None = None
) -> list[ChunkRecord]:
    """Sentences with their speakers, grouped into chunks that fit the model's window.

    `on_paragraph` hears each paragraph once its sentences are read, most of the work (a
    progress bar for a large file).
    """
    found = []
    for paragraph in article.paragraphs:
        # A headline's capitals are its style, not names ("Lakers Hold Off OKC"); no one speaks.
        is_headline = paragraph.section == HEADLINE_SECTION
        found.append(
            [
                (span, [] if is_headline else find_mentions(span.text))
                for span in _fitting_spans(paragraph)
            ]
        )
        if on_paragraph:
            on_paragraph(paragraph)
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
            # "he" and "she" in the sentences after this one mean whom it is about.
            subject = next((k for k in speakers if k in names.persons), None)
            last_person = (
                subject or subject_person(span.text, mentions, names.persons) or last_person
            )
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
