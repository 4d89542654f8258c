"""The one answer type that every engine produces and every front end renders."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Citation:
    """A numbered, verbatim quote of the article backing part of an answer."""

    n: int
    quote: str
    source: str
    title: str
    paragraph: int
    start: int
    end: int
    # An LLM engine's citation is verified when the sentence citing it was found supported by it.
    verified: bool = True

    @property
    def in_headline(self) -> bool:
        """Whether the quote is the article's headline, its paragraph 0."""
        return self.paragraph == 0


@dataclass
class Answer:
    """What the engine says to one question, with its evidence."""

    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    resolved_question: str = ""
    engine: str = "extractive"
    timings_ms: dict[str, float] = field(default_factory=dict)
    # Set only when an LLM engine was asked: the model's sentences removed as unsupported, and
    # why its answer was replaced by the extractive one (None when it was not).
    unsupported: list[str] = field(default_factory=list)
    fallback: str | None = None
    llm_asked: bool = False
    # For a follow-up under an LLM engine: what wrote `resolved_question`, "llm" or "rules".
    condensed_by: str | None = None
    # The person the answer names as the one asked for ("Who is the Wild coach?"): whom "he"
    # or "she" in the next question means. Not part of the JSON contract.
    person: str | None = None
    # The source of the article the asker picked for this answer (not in the JSON): a
    # conversation is kept to its article only while the asker has not picked one.
    picked: str | None = None

    def checking_note(self) -> str:
        """One line on what the citation check did to an LLM's answer; empty when nothing."""
        if self.fallback:
            return (
                f"(note: the LLM's answer was not used: {self.fallback}; "
                "this is the extractive one)"
            )
        if self.unsupported:
            removed = len(self.unsupported)
            return f"(note: {removed} sentence(s) of the LLM's answer were removed as unsupported)"
        return ""

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON contract: one object per question.

        The checking fields appear only when an LLM was asked, and `condensed_by` only for an
        LLM engine's follow-ups, so the extractive engine's objects stay exactly as they were.
        """
        citations = [asdict(c) for c in self.citations]
        if not self.llm_asked:
            for citation in citations:
                del citation["verified"]
        shown: dict[str, Any] = {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": citations,
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "resolved_question": self.resolved_question or self.question,
            "engine": self.engine,
        }
        if self.llm_asked:
            shown["unsupported"] = list(self.unsupported)
            shown["fallback"] = self.fallback
        if self.condensed_by:
            shown["condensed_by"] = self.condensed_by
        return shown


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation, kept so follow-ups can be resolved."""

    question: str
    resolved_question: str
    answer: Answer
