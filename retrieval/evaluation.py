"""Score the engine on a question set (the format of shared/eval/README.md)."""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.answer import Answer, Turn
from retrieval.constants import BUNDLED_CORPUS_DIR, BUNDLED_SOURCE_PREFIX
from retrieval.errors import SourceUnreadable

TYPOGRAPHIC = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def fold(text: str) -> str:
    """Whitespace and typographic quotes folded, as the eval set compares quotes."""
    return " ".join(text.translate(TYPOGRAPHIC).split())


@dataclass
class EvalReport:
    """Rates over the answerable turns (evidence, facts), all turns (abstention), all quotes."""

    turns: int = 0
    answerable: int = 0
    evidence_hits: int = 0
    fact_hits: int = 0
    abstention_right: int = 0
    quotes: int = 0
    valid_quotes: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def rates(self) -> dict[str, float]:
        latencies = sorted(self.latencies_ms) or [0.0]
        return {
            "evidence_hit_rate": self.evidence_hits / max(self.answerable, 1),
            "fact_rate": self.fact_hits / max(self.answerable, 1),
            "abstention_accuracy": self.abstention_right / max(self.turns, 1),
            "quote_validity": self.valid_quotes / self.quotes if self.quotes else 1.0,
            "latency_p50_ms": statistics.median(latencies),
            "latency_p95_ms": latencies[
                min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))
            ],
        }


def load_cases(path: Path) -> list[dict]:
    """The conversations of a question set, checked line by line."""
    return list(_read_cases(path))


def _read_cases(path: Path) -> Iterator[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise SourceUnreadable(f"{path}: cannot be read ({error.strerror})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            case["turns"][0]["question"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise SourceUnreadable(f"{path}:{number}: not a question set line") from None
        yield case


def evaluate(
    cases: list[dict],
    ask: Callable[[str, list[Turn]], Answer],
    on_turn: Callable[[dict, dict, Answer], None] | None = None,
) -> EvalReport:
    """Run every conversation through `ask` and score each turn."""
    report = EvalReport()
    sources: dict[str, str] = {}
    for case in cases:
        history: list[Turn] = []
        for turn in case["turns"]:
            answer = ask(turn["question"], history)
            history.append(Turn(turn["question"], answer.resolved_question, answer))
            score_turn(report, turn, answer, sources)
            if on_turn:
                on_turn(case, turn, answer)
    return report


def score_turn(report: EvalReport, turn: dict, answer: Answer, sources: dict[str, str]) -> None:
    report.turns += 1
    report.latencies_ms.append(answer.timings_ms.get("total", 0.0))
    answerable = bool(turn.get("answerable", True))
    right = answer.abstained != answerable
    report.abstention_right += right
    quotes = [fold(c.quote) for c in answer.citations]
    for citation in answer.citations:
        report.quotes += 1
        article = sources.setdefault(citation.source, _source_text(citation.source))
        report.valid_quotes += fold(citation.quote) in article
    if not answerable:
        if not right:
            report.failures.append(f"should abstain: {turn['question']}")
        return
    report.answerable += 1
    evidence = [fold(e) for e in turn.get("evidence", [])]
    hit = not evidence or any(e in q for e in evidence for q in quotes)
    text = answer.text.lower()
    facts = all(any(alt.lower() in text for alt in group) for group in turn.get("facts", []))
    report.evidence_hits += hit
    report.fact_hits += facts
    if not (hit and facts):
        report.failures.append(f"{'evidence' if not hit else 'facts'} missed: {turn['question']}")


def _source_text(source: str) -> str:
    """The raw file a citation points to, folded; quotes are checked against it, not the index."""
    path = (
        BUNDLED_CORPUS_DIR / source.removeprefix(BUNDLED_SOURCE_PREFIX)
        if source.startswith(BUNDLED_SOURCE_PREFIX)
        else Path(source)
    )
    try:
        return fold(re.sub(r"\s+", " ", path.read_text(encoding="utf-8")))
    except OSError:
        return ""
