"""Chunking: an article's sentences, with their speakers, grouped into records to embed."""

from __future__ import annotations

import hashlib
import json
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from retrieval.constants import HEADLINE_SECTION, INDEX_LAYOUT, MAX_CHUNK_TOKENS, SENTENCE_TABLE
from retrieval.index.embeddings import count_tokens, most_tokens
from retrieval.ingest.loader import Article, Paragraph
from retrieval.ingest.sentences import Span, iter_sentences
from retrieval.language.pronouns import pronoun_cues, pronoun_of
from retrieval.language.speakers import (
    Mention,
    described_voices,
    find_mentions,
    given_name,
    is_quote_only,
    name_key,
    opens_quote,
    personal_words,
    speakers_of,
    still_quoting,
    subject_person,
    titles_of,
)

# People named before the last one that a "he said" may still mean, at most.
RECENT_PEOPLE = 4
# A sentence opening with one of these is about the person named last ("Her focus is ..."):
# that person counts as mentioned and is embedded with the sentence as its context.
LEADING_PRONOUN = re.compile(r"^(?:He|She|His|Her|Hers)\b")
# The line a news page prints under an embedded post, which says whose words the paragraph
# before it is: "— Dele (@dele_official) November 19, 2019".
POST_SIGNATURE = re.compile(
    r"^\s*[—–-]\s*(?P<name>[^()@\n]{1,60}?)\s*\(@\w{1,30}\)"
    r"(?:\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$"
)


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
    """All of the article's chunks at once (see `read_sentences` and `iter_chunks`)."""
    return list(iter_chunks(article, read_sentences(article, on_paragraph)))


@dataclass
class SentenceReading:
    """An article's sentences as read once, the slow part of chunking (pysbd): where each one
    stands, how many each paragraph has, and the names they mention.

    Kept as offsets, 16 bytes a sentence, rather than as sentences and their mentions (765
    bytes a sentence, measured on a 2 MB file): a large file's chunks are then made again from
    them, batch by batch while they are embedded, and never all held.
    """

    # Start and end of every sentence in `Article.text`, in the article's order.
    bounds: array[int]
    # Sentences of each paragraph, in order.
    counts: array[int]
    names: _Names


def read_sentences(
    article: Article, on_paragraph: Callable[[Paragraph], None] | None = None
) -> SentenceReading:
    """Split every paragraph into sentences that fit the model's window, and collect the names.

    A chunk needs the whole article's names before its first sentence ("Peskov" is shown as
    "Dmitry Peskov" even if the full name comes later), hence this pass before `iter_chunks`.
    `on_paragraph` hears each paragraph once its sentences are read (a progress bar for a large
    file).
    """
    bounds: array[int] = array("q")
    counts: array[int] = array("q")
    names = _Names({}, set())
    for paragraph in article.paragraphs:
        # A headline's capitals are its style, not names ("Lakers Hold Off OKC"); no one speaks.
        is_headline = paragraph.section == HEADLINE_SECTION
        count = 0
        for span in _fitting_spans(paragraph):
            bounds.extend((span.start, span.end))
            if not is_headline:
                names.note(find_mentions(span.text), span.text)
            names.plain.update(PLAIN_WORD.findall(span.text))
            count += 1
        counts.append(count)
        if on_paragraph:
            on_paragraph(paragraph)
    return SentenceReading(bounds, counts, names)


def iter_chunks(article: Article, reading: SentenceReading) -> Iterator[ChunkRecord]:
    """Sentences with their speakers, grouped into chunks that fit the model's window, each
    made when it is asked for: what is held is one chunk's sentences, however long the
    paragraph.

    The same chunks on every call with the same reading: a caller may go through them twice
    (once to count them, once to store them) rather than hold them all.
    """
    # Which repeat of its text each chunk is, by a digest of the text: a large file's chunk
    # texts, kept whole as keys, would be held whole.
    seen: dict[bytes, int] = {}
    records = _sentence_records(article, reading)
    for paragraph, count in zip(article.paragraphs, reading.counts, strict=True):
        for group in _windows(islice(records, count)):
            yield _chunk(article, paragraph, group, seen)


def _sentence_records(article: Article, reading: SentenceReading) -> Iterator[SentenceRecord]:
    """Every sentence of the article in order, with who speaks in it and whom it mentions."""
    names = reading.names
    role_holders = names.role_holders  # the whole article's, read before its first sentence
    last_person: str | None = None
    recent: list[str] = []  # the people named before the last, latest first
    pronouns = _pronouns(article, reading)
    last_quote_speakers: list[str] = []
    last_quote_voices: list[str] = []
    headline_person: str | None = None  # "The 56-year-old said ...": the story's own person
    latest: dict[str, str] = {}  # of people sharing a surname, the one named last
    position = 0
    for k, (paragraph, count) in enumerate(zip(article.paragraphs, reading.counts, strict=True)):
        is_headline = paragraph.section == HEADLINE_SECTION
        quoting = False  # inside a quotation opened by an earlier sentence of the paragraph
        poster = _poster(article.paragraphs[k + 1 : k + 2], names)
        for _ in range(count):
            start, end = reading.bounds[2 * position], reading.bounds[2 * position + 1]
            text = article.text[start:end]
            found = [] if is_headline else names.real(find_mentions(text), text)
            mentions = names.apart(found, latest)
            if is_headline:
                named = [m.key for m in find_mentions(text) if m.key in names.persons]
                headline_person = headline_person or next(iter(named), None)
            speakers = speakers_of(
                text, mentions, last_person, role_holders, headline_person, recent, pronouns
            )
            if poster and not speakers:
                speakers = [poster]  # a post's words, signed on the line after it
            voices = [] if speakers else described_voices(text, mentions)
            continued = is_quote_only(text) or quoting or opens_quote(text)
            context = ""
            if continued and not speakers and not voices:
                voices = last_quote_voices  # "“...,” the doctor said. “...”"
            if continued and not speakers and last_quote_speakers:
                # an untagged quote continues the last speaker: a quotation paragraph of its
                # own, or the next sentence of a quotation that runs on ("“You never know why
                # these things happen. ...”")
                speakers = last_quote_speakers
                context = names.display(speakers[0])
            has_quote = any(q in text for q in '"“”')
            last_quote_speakers = speakers if has_quote or quoting else []
            last_quote_voices = voices if has_quote or quoting else []
            quoting = still_quoting(text, quoting)
            referred = {m.key for m in mentions} | ({poster} & set(speakers))
            if last_person and LEADING_PRONOUN.match(text):
                referred.add(last_person)  # "Her focus is ..." is about the person just named
                context = context or names.display(last_person)
            # "he" and "she" in the sentences after this one mean whom it is about.
            subject = next((k for k in speakers if k in names.persons), None)
            before = last_person
            last_person = subject or subject_person(text, mentions, names.persons) or last_person
            if before and before != last_person:
                recent = [before, *(k for k in recent if k != before)][:RECENT_PEOPLE]
            yield SentenceRecord(
                text,
                {
                    "start": start,
                    "end": end,
                    "position": position,
                    "is_quote": has_quote,
                    "speakers": "|".join(names.display(k) for k in speakers),
                    "mentions": "|".join(sorted({names.display(k) for k in referred})),
                    "voices": "|".join(voices),
                },
                context,
            )
            position += 1


def _poster(following: Sequence[Paragraph], names: _Names) -> str | None:
    """The key of whoever signs the paragraph after this one as an embedded post, if it is one
    ("— Dele (@dele_official) November 19, 2019"), made known by the name signed."""
    signed = POST_SIGNATURE.match(following[0].text) if following else None
    if signed is None:
        return None
    name = signed.group("name").strip()
    key = name_key(name)
    names.full.setdefault(key, name)
    return key


def _pronouns(article: Article, reading: SentenceReading) -> dict[str, str]:
    """Whom the article calls "he", "she" or "it", by name key (retrieval.language.pronouns)."""
    texts = [
        article.text[reading.bounds[k] : reading.bounds[k + 1]]
        for k in range(0, len(reading.bounds), 2)
    ]
    said = {key: pronoun_of(cues) for key, cues in pronoun_cues([texts]).items()}
    return {key: pronoun for key, pronoun in said.items() if pronoun}


def _fitting_spans(paragraph: Paragraph) -> Iterator[Span]:
    """Sentence spans, with any sentence too long for the model cut at word boundaries. A
    headline is one span: "‘Meth. We’re on it.’: Spokane ad agencies divided ..." quotes a
    slogan in single quotation marks, whose full stops end no sentence."""
    headline = paragraph.text.strip()
    if paragraph.section == HEADLINE_SECTION and headline and _fits(headline):
        start = paragraph.start + paragraph.text.index(headline)
        yield Span(start, start + len(headline), headline)
        return
    for span in iter_sentences(paragraph.text, paragraph.start):
        if _fits(span.text):
            yield span
        else:
            yield from _split_long(span)


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


def _chunk(
    article: Article, paragraph: Paragraph, group: list[SentenceRecord], seen: dict[bytes, int]
) -> ChunkRecord:
    """Consecutive sentences of one paragraph as one record to embed."""
    start, end = int(group[0].metadata["start"]), int(group[-1].metadata["end"])
    text = article.text[start:end]
    # The id hashes what is embedded — the text, where its sentences end, their context —
    # and which repeat of it this is, so text that merely moves keeps its id and its
    # embeddings; only its metadata is refreshed.
    digest = hashlib.sha256(text.encode()).digest()
    repeat = seen.get(digest, 0)
    seen[digest] = repeat + 1
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
    return ChunkRecord(chunk_id, text, metadata, group)


def _windows(records: Iterable[SentenceRecord]) -> Iterator[list[SentenceRecord]]:
    """Consecutive sentences, as many to a group as fit in one model window, each group given
    as soon as the next sentence does not fit it.

    Word pieces are counted (with the tokenizer) only where a bound from the characters does
    not settle whether a sentence fits; the groups are those that counting every one would make.
    """
    group: list[SentenceRecord] = []
    budget = 0  # the group's word pieces and a separator each; more while not all counted
    counted = True
    for record in records:
        tokens, exact = most_tokens(record.embedding_text) + 1, False
        if group and budget + tokens > MAX_CHUNK_TOKENS:
            if not counted:
                budget = sum(count_tokens(member.embedding_text) + 1 for member in group)
                counted = True
            tokens, exact = count_tokens(record.embedding_text) + 1, True
            if budget + tokens > MAX_CHUNK_TOKENS:
                yield group
                group, budget = [], 0
        group.append(record)
        budget += tokens
        counted = counted and exact
    if group:
        yield group


# A plain word, and what may stand before a sentence's opening word.
PLAIN_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
OPENING_MARKS = " \"“‘'([—–-"
QUOTE_OPENED = re.compile(r"[“‘]\s*$")


def _opens(text: str, start: int) -> bool:
    """Whether `start` is where the sentence, or a quotation in it, begins."""
    before = text[:start]
    return not before.strip(OPENING_MARKS) or QUOTE_OPENED.search(before) is not None


@dataclass
class _Names:
    full: dict[str, str]
    persons: set[str]
    # The words the article writes in lowercase somewhere.
    plain: set[str] = field(default_factory=set)
    # Each role the article gives someone by a title before their name: who has it, and
    # whether as someone's ("Kentucky GOP Gov. Matt Bevin") or as the story's own.
    roles: dict[str, dict[str, bool]] = field(default_factory=dict)
    # The first names the article gives each surname ("okafor": {"hugo", "greta"}): two or
    # more are as many people, each known by their first name and surname ...
    given: dict[str, set[str]] = field(default_factory=dict)
    # ... but for a word inside another of its names ("Eriksson Ek" of "Joel Eriksson Ek").
    inner: dict[str, set[str]] = field(default_factory=dict)

    @property
    def role_holders(self) -> dict[str, str]:
        """The roles one person alone has in the article, or alone has as the story's own:
        "The governor said" is Holcomb's in a story on Indiana that names Kentucky's too."""
        holders = {}
        for role, people in self.roles.items():
            own = [key for key, owned in people.items() if not owned]
            if len(people) == 1 or len(own) == 1:
                holders[role] = own[0] if len(own) == 1 else next(iter(people))
        return holders

    def display(self, key: str) -> str:
        return self.full.get(key, key)

    def real(self, mentions: list[Mention], text: str) -> list[Mention]:
        """The mentions less a one-word name that opens the sentence or a quotation in it and
        that the article writes in lowercase elsewhere: "“Given our findings ..." names no one
        called Given, nor chanting "“Fund our schools”" anything called Fund."""
        return [
            m
            for m in mentions
            if " " in m.text or m.text.lower() not in self.plain or not _opens(text, m.start)
        ]

    def note(self, mentions: Sequence[Mention], text: str) -> None:
        """Keep each name's longest form in the article ("Peskov" -> "Dmitry Peskov"), and the
        role a title before it gives ("Gov. Eric Holcomb")."""
        for role, key, owned in titles_of(text, mentions):
            people = self.roles.setdefault(role, {})
            people[key] = people.get(key, True) and owned
        for mention in mentions:
            if len(mention.text) > len(self.full.get(mention.key, "")):
                self.full[mention.key] = mention.text
            if mention.is_person:
                self.persons.add(mention.key)
                self.inner.setdefault(mention.key, set()).update(personal_words(mention.text)[1:-1])
                given = given_name(mention.text)
                if given:
                    self.given.setdefault(mention.key, set()).add(given)
                    own = f"{given} {mention.key}"
                    self.persons.add(own)
                    if len(mention.text) > len(self.full.get(own, "")):
                        self.full[own] = mention.text

    def apart(self, mentions: list[Mention], latest: dict[str, str]) -> list[Mention]:
        """The mentions with people who share a surname in the article told apart: "Greta
        Okafor" is hers, a bare "Okafor" the one of them named last (`latest`, by surname,
        kept up to date here), else all of them at once."""
        found = []
        for mention in mentions:
            # not a word of another of its names, nor a name of its own ("Ascom Connect")
            firsts = self.given.get(mention.key, set()) - self.inner.get(mention.key, set())
            firsts = {first for first in firsts if first not in self.full}
            if len(firsts) > 1:
                given = given_name(mention.text)
                if given in firsts:
                    latest[mention.key] = f"{given} {mention.key}"
                mention = replace(mention, key=latest.get(mention.key, mention.key))
            found.append(mention)
        return found
