"""Score the engine on a question set (the format of shared/eval/README.md)."""

from __future__ import annotations

import json
import re
import statistics
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.answer import Answer, Turn
from retrieval.constants import BUNDLED_ARTICLE, BUNDLED_CORPUS_DIR, BUNDLED_SOURCE_PREFIX
from retrieval.errors import SourceUnreadable
from retrieval.ingest.loader import HTML_SUFFIXES, page_text

if TYPE_CHECKING:
    from retrieval.engine import Engine
    from retrieval.settings import Settings

TYPOGRAPHIC = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# One untimed question to each engine first, so the figures are those of a warm engine.
WARMUP_QUESTION = "What is the article about?"


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

    @property
    def unanswerable(self) -> int:
        return self.turns - self.answerable

    @classmethod
    def combined(cls, reports: Iterable[EvalReport]) -> EvalReport:
        """One report over all the turns of `reports`: counts added, latencies pooled."""
        total = cls()
        for report in reports:
            total.turns += report.turns
            total.answerable += report.answerable
            total.evidence_hits += report.evidence_hits
            total.fact_hits += report.fact_hits
            total.abstention_right += report.abstention_right
            total.quotes += report.quotes
            total.valid_quotes += report.valid_quotes
            total.latencies_ms += report.latencies_ms
            total.failures += report.failures
        return total

    def summary(self) -> dict[str, float]:
        """The turn counts and the rates, as `qabot eval --json` gives them."""
        counts = {
            "turns": self.turns,
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
        }
        return {**counts, **self.rates()}

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


@dataclass
class ArticleScores:
    """The conversations about one article and their scores; `article` is None for those
    scored against the configured index."""

    article: Path | None
    cases: list[dict]
    report: EvalReport = field(default_factory=EvalReport)


def load_cases(path: Path) -> list[dict]:
    """The conversations of a question set, checked line by line (named articles must exist)."""
    return list(_read_cases(path))


def article_path(question_set: Path, named: str) -> Path:
    """Where a line's `article` points: a path relative to the set file."""
    return (question_set.parent / named).resolve()


def group_by_article(
    cases: list[dict], question_set: Path, fallback: Path | None = None
) -> dict[Path | None, list[dict]]:
    """The conversations by the article they are about, in the order the set first names them.

    Lines without an `article` go to `fallback`, or to None (the configured index) without one.
    """
    default = fallback.resolve() if fallback else None
    groups: dict[Path | None, list[dict]] = {}
    for case in cases:
        named = case.get("article")
        article = article_path(question_set, named) if named else default
        groups.setdefault(article, []).append(case)
    return groups


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
            problem = _line_problem(case)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            problem = "not a question set line"
        if problem is None and case.get("article"):
            article = article_path(path, case["article"])
            if not article.is_file():
                problem = f"article {case['article']} not found (looked for {article})"
        if problem:
            raise SourceUnreadable(f"{path}:{number}: {problem}") from None
        yield case


def _line_problem(case: dict) -> str | None:
    """What is wrong with the optional keys of a parsed line, or None."""
    if not isinstance(case.get("article", ""), str):
        return "`article` must be a path, as a string"
    for turn in case["turns"]:
        forbidden = turn.get("forbidden", [])
        if not (isinstance(forbidden, list) and all(isinstance(f, str) for f in forbidden)):
            return "`forbidden` must be a list of strings"
    return None


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
    miss = abstention_miss(turn, answer)
    report.abstention_right += miss is None
    quotes = [fold(c.quote) for c in answer.citations]
    for citation in answer.citations:
        report.quotes += 1
        # Checked against the file the citation names, so a quote of another article in a
        # shared index is held to that article's text, not to the conversation's.
        article = sources.setdefault(citation.source, _source_text(citation.source))
        report.valid_quotes += fold(citation.quote) in article
    if not answerable:
        if miss:
            report.failures.append(f"{miss}: {turn['question']}")
        return
    report.answerable += 1
    evidence = [fold(e) for e in turn.get("evidence", [])]
    hit = not evidence or any(e in q for e in evidence for q in quotes)
    # "didn't" in a set typed with a straight apostrophe is the article's "didn’t"
    text = fold(answer.text).casefold()
    facts = all(
        any(fold(alt).casefold() in text for alt in group) for group in turn.get("facts", [])
    )
    report.evidence_hits += hit
    report.fact_hits += facts
    if not (hit and facts):
        report.failures.append(f"{'evidence' if not hit else 'facts'} missed: {turn['question']}")


def abstention_miss(turn: dict, answer: Answer) -> str | None:
    """Why `answer` abstained wrongly (or failed to), or None when it got that right.

    An unanswerable turn is abstained correctly only with no citations and none of its
    `forbidden` strings anywhere in the text.
    """
    if turn.get("answerable", True):
        return "abstained" if answer.abstained else None
    if not answer.abstained:
        return "should abstain"
    if answer.citations:
        return "abstained but cited"
    said = forbidden_in(answer.text, turn.get("forbidden", []))
    if said:
        return f"said forbidden {', '.join(repr(word) for word in said)}"
    return None


def forbidden_in(text: str, forbidden: Sequence[str]) -> list[str]:
    """The `forbidden` strings that occur in `text`, ignoring case, spacing and quote style."""
    folded = fold(text).casefold()
    return [word for word in forbidden if fold(word).casefold() in folded]


def evaluate_by_article(
    groups: dict[Path | None, list[dict]],
    settings: Settings,
    configured: Callable[[], Engine],
    *,
    together: bool = False,
    progress: Callable[[str], None] | None = None,
) -> list[ArticleScores]:
    """Score each article's conversations against an index holding that article.

    Named articles go into temporary indexes, one per article or (`together`) one for all of
    them plus the bundled article; conversations without one use the `configured` engine. The
    user's own index is opened only for those.
    """
    named = [article for article in groups if article is not None]
    shared: AbstractContextManager[Engine | None] = (
        temporary_engine(settings, [*named, BUNDLED_ARTICLE], progress)
        if together and named
        else nullcontext(None)
    )
    scores: list[ArticleScores] = []
    with shared as shared_engine:
        if shared_engine is not None:
            shared_engine.ask(WARMUP_QUESTION)
        for article, cases in groups.items():
            in_shared_index = article is not None and shared_engine is not None
            opened = (
                nullcontext(shared_engine)
                if in_shared_index
                else _warm_engine(article, settings, configured, progress)
            )
            with opened as engine:
                scores.append(ArticleScores(article, cases, evaluate(cases, engine.ask)))
    return scores


@contextmanager
def _warm_engine(
    article: Path | None,
    settings: Settings,
    configured: Callable[[], Engine],
    progress: Callable[[str], None] | None,
) -> Iterator[Engine]:
    """The configured engine (`article` None) or one over a temporary index of `article`,
    asked one untimed question first."""
    if article is None:
        engine = configured()
        engine.ask(WARMUP_QUESTION)
        yield engine
        return
    with temporary_engine(settings, [article], progress) as engine:
        engine.ask(WARMUP_QUESTION)
        yield engine


@contextmanager
def temporary_engine(
    settings: Settings, articles: Sequence[Path], progress: Callable[[str], None] | None = None
) -> Iterator[Engine]:
    """An engine over a new index of `articles` in a temporary folder, deleted afterwards.

    Never the user's index, local or on a server. The embedding model is loaded once per
    process (`make_embeddings` is cached), so another engine costs only a Chroma folder and
    the articles' ingest.
    """
    from retrieval.engine import make_engine

    unique = list(dict.fromkeys(path.resolve() for path in articles))
    with tempfile.TemporaryDirectory(prefix="qabot-eval-", ignore_cleanup_errors=True) as folder:
        private = settings.model_copy(
            update={"chroma_path": Path(folder) / "chroma", "chroma_host": None}
        )
        engine = make_engine(private)
        if progress:
            names = ", ".join(path.name for path in unique)
            progress(f"indexing {names} in a temporary folder")
        engine.ingest(unique, progress=progress)
        yield engine


def _source_text(source: str) -> str:
    """The raw file a citation points to, folded; quotes are checked against it, not the index."""
    path = (
        BUNDLED_CORPUS_DIR / source.removeprefix(BUNDLED_SOURCE_PREFIX)
        if source.startswith(BUNDLED_SOURCE_PREFIX)
        else Path(source)
    )
    try:
        # A saved page: the text it shows, not its markup ("&rsquo;", "<a>" inside a quote).
        is_page = path.suffix.lower() in HTML_SUFFIXES
        text = page_text(path.read_bytes()) if is_page else path.read_text(encoding="utf-8")
    except OSError:
        return ""
    return fold(re.sub(r"\s+", " ", text))
