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

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON contract: one object per question."""
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [asdict(c) for c in self.citations],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "resolved_question": self.resolved_question or self.question,
            "engine": self.engine,
        }


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation, kept so follow-ups can be resolved."""

    question: str
    resolved_question: str
    answer: Answer
