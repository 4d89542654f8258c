"""How well one sentence answers a question: the `Evidence` type and the signals it combines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from langchain_core.documents import Document

from retrieval.index.corpus import CorpusIndex, Sentence
from retrieval.language.question import Question

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


@dataclass(frozen=True)
class Evidence:
    """One sentence of an article and how well it answers the question (0 when not scored)."""

    sentence: Sentence
    score: float = 0.0  # the weighted sum of the signals below
    dense: float = 0.0  # cosine of the question's and the sentence's vectors
    lexical: float = 0.0  # the share of the question's keyword weight (idf) it contains
    named: float = 0.0  # 1 when it names, or is spoken by, someone the question names
    kind: float = 0.0  # 1 when it holds the kind of fact asked for (a place for "where"...)

    @property
    def id(self) -> str:
        return self.sentence.id

    @property
    def text(self) -> str:
        return self.sentence.text

    def to_document(self) -> Document:
        """The evidence as a LangChain `Document`, for callers of the retriever interface."""
        sentence = self.sentence
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
                "score": self.score,
                "dense": self.dense,
                "lexical": self.lexical,
                "named": self.named,
                "kind": self.kind,
            },
        )


def score_sentence(question: Question, index: CorpusIndex, i: int, dense: float) -> Evidence:
    """Sentence `i` as evidence: dense similarity, keyword coverage, named people and answer
    kind, combined."""
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
    return Evidence(sentence, score=score, dense=dense, lexical=lexical, named=named, kind=kind)


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
