"""Scoring a question set: abstention with forbidden strings, and scores by article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval.answer import Answer, Citation
from retrieval.errors import SourceUnreadable
from retrieval.evaluation import (
    EvalReport,
    abstention_miss,
    forbidden_in,
    group_by_article,
    load_cases,
    score_turn,
)

ABSTAINED = "The article doesn't say."


def cited(quote: str) -> list[Citation]:
    return [Citation(1, quote, "/articles/a.txt", "A", 1, 0, len(quote))]


@pytest.mark.parametrize(
    ("text", "forbidden", "said"),
    [
        ("SpaceX bid its Starship.", ["spacex"], ["spacex"]),  # case does not matter
        ("Putin’s troops", ["Putin's troops"], ["Putin's troops"]),  # nor the apostrophe
        ("the Lakers'\n  fifth straight victory", ["fifth straight"], ["fifth straight"]),
        ("Disney+ had 10 million sign-ups.", ["10 million", "Netflix"], ["10 million"]),
        ("The article doesn't mention the price.", ["dollars", "$"], []),
        ("Thousands of teachers", ["teacher pay"], []),  # every word present, not the phrase
        ("", ["anything"], []),
    ],
)
def test_forbidden_strings_found_in_an_answer(
    text: str, forbidden: list[str], said: list[str]
) -> None:
    assert forbidden_in(text, forbidden) == said


@pytest.mark.parametrize(
    ("turn", "answer", "miss"),
    [
        # Unanswerable: right only when it abstains, cites nothing and says nothing forbidden.
        ({"answerable": False}, Answer("q", ABSTAINED, abstained=True), None),
        (
            {"answerable": False, "forbidden": ["Elon Musk"]},
            Answer("q", "The article doesn't mention Elon Musk.", abstained=True),
            "said forbidden 'Elon Musk'",
        ),
        (
            {"answerable": False, "forbidden": ["ELON MUSK", "Bezos"]},
            Answer("q", "The article doesn't mention elon musk.", abstained=True),
            "said forbidden 'ELON MUSK'",
        ),
        (
            {"answerable": False, "forbidden": ["Anthony Davis"]},
            Answer("q", "The article doesn't say who coaches the Thunder.", abstained=True),
            None,
        ),
        (
            {"answerable": False},
            Answer("q", ABSTAINED, cited("Thousands of teachers"), abstained=True),
            "abstained but cited",
        ),
        (
            {"answerable": False, "forbidden": ["34 points"]},
            Answer("q", "Anthony Davis scored 34 points [1]", cited("scored 34 points")),
            "should abstain",
        ),
        # Answerable: right when it answers; `forbidden` belongs to unanswerable turns only.
        ({}, Answer("q", "Blue Origin [1]", cited("Blue Origin")), None),
        (
            {"answerable": True, "forbidden": ["Blue Origin"]},
            Answer("q", "Blue Origin [1]", cited("Blue Origin")),
            None,
        ),
        ({"answerable": True}, Answer("q", ABSTAINED, abstained=True), "abstained"),
    ],
)
def test_abstention_miss(turn: dict, answer: Answer, miss: str | None) -> None:
    assert abstention_miss(turn, answer) == miss


def test_a_forbidden_string_fails_the_turn_in_the_report() -> None:
    report = EvalReport()
    turn = {"question": "What did Elon Musk say?", "answerable": False, "forbidden": ["Musk"]}
    score_turn(report, turn, Answer("q", "It doesn't mention Elon Musk.", abstained=True), {})
    score_turn(report, {**turn, "forbidden": []}, Answer("q", ABSTAINED, abstained=True), {})
    assert (report.turns, report.answerable, report.abstention_right) == (2, 0, 1)
    assert report.failures == ["said forbidden 'Musk': What did Elon Musk say?"]


@pytest.mark.parametrize(
    ("fact", "said", "found"),
    [
        ("didn't", "He didn’t appear to clash with Rondo.", True),
        ("“Starts with one”", 'The campaign "Starts with one" ran.', True),
        ("ten", "He had 10 assists.", False),
    ],
)
def test_a_fact_is_found_whatever_its_quote_marks(fact: str, said: str, found: bool) -> None:
    report = EvalReport()
    turn = {"question": "q", "answerable": True, "evidence": [], "facts": [[fact]]}
    score_turn(report, turn, Answer("q", said), {})
    assert report.fact_hits == int(found)


def report(turns: int, answerable: int, hits: int, latencies: list[float]) -> EvalReport:
    return EvalReport(
        turns=turns,
        answerable=answerable,
        evidence_hits=hits,
        fact_hits=hits,
        abstention_right=turns,
        quotes=hits,
        valid_quotes=hits,
        latencies_ms=latencies,
        failures=[f"missed {n}" for n in range(answerable - hits)],
    )


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([], {"turns": 0, "answerable": 0, "evidence_hit_rate": 0.0, "latency_p50_ms": 0.0}),
        (
            [report(4, 2, 1, [10.0, 20.0, 30.0, 40.0])],
            {"turns": 4, "unanswerable": 2, "evidence_hit_rate": 0.5, "latency_p50_ms": 25.0},
        ),
        (
            # Rates over the pooled turns, not the mean of each article's rate (0.625 here).
            [report(2, 2, 2, [10.0, 10.0]), report(6, 4, 1, [50.0] * 6)],
            {"turns": 8, "answerable": 6, "evidence_hit_rate": 0.5, "fact_rate": 0.5},
        ),
        (
            [report(1, 1, 1, [5.0]), report(1, 1, 0, [7.0]), report(2, 0, 0, [100.0, 9.0])],
            {"turns": 4, "answerable": 2, "unanswerable": 2, "latency_p50_ms": 8.0},
        ),
        (
            [
                report(10, 10, 10, [float(ms) for ms in range(1, 11)]),
                report(10, 0, 0, [500.0] * 10),
            ],
            {"latency_p50_ms": 255.0, "latency_p95_ms": 500.0, "quote_validity": 1.0},
        ),
    ],
)
def test_per_article_reports_combine_into_the_total(
    parts: list[EvalReport], expected: dict[str, float]
) -> None:
    total = EvalReport.combined(parts)
    summary = total.summary()
    assert {name: summary[name] for name in expected} == pytest.approx(expected)
    assert total.failures == [failure for part in parts for failure in part.failures]


def write_set(path: Path, lines: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def case(name: str, article: str | None = None) -> dict:
    line = {"id": name, "turns": [{"question": f"What about {name}?"}]}
    return {**line, "article": article} if article else line


def test_conversations_are_grouped_by_their_article_relative_to_the_set(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("nasa-clps.txt", "lakers-lebron.txt", "mine.txt"):
        (articles / name).write_text("Text.\n", encoding="utf-8")
    question_set = write_set(
        tmp_path / "sets" / "set.jsonl",
        [
            case("lakers", "../articles/lakers-lebron.txt"),
            case("seed"),
            case("nasa", "../articles/nasa-clps.txt"),
            case("lakers-again", "../articles/./lakers-lebron.txt"),
        ],
    )
    cases = load_cases(question_set)
    groups = group_by_article(cases, question_set)
    by_name = {key: [c["id"] for c in value] for key, value in groups.items()}
    assert by_name == {
        articles / "lakers-lebron.txt": ["lakers", "lakers-again"],
        None: ["seed"],
        articles / "nasa-clps.txt": ["nasa"],
    }
    with_fallback = group_by_article(cases, question_set, articles / "mine.txt")
    assert [c["id"] for c in with_fallback[articles / "mine.txt"]] == ["seed"]
    assert None not in with_fallback


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (case("gone", "missing.txt"), "set.jsonl:2: article missing.txt not found"),
        ({**case("odd"), "article": ["a.txt"]}, "set.jsonl:2: `article` must be a path"),
        (
            {"id": "f", "turns": [{"question": "Q?", "answerable": False, "forbidden": "x"}]},
            "set.jsonl:2: `forbidden` must be a list of strings",
        ),
        ({"id": "no-turns"}, "set.jsonl:2: not a question set line"),
    ],
)
def test_a_bad_line_names_its_set_and_line(tmp_path: Path, line: dict, message: str) -> None:
    question_set = write_set(tmp_path / "set.jsonl", [case("fine"), line])
    with pytest.raises(SourceUnreadable) as raised:
        load_cases(question_set)
    assert message in str(raised.value)


SETS = Path(__file__).resolve().parents[2] / "retrieval" / "evalsets"


# dev_claims.jsonl holds claims to calibrate the citation checker, not questions.
QUESTION_SETS = sorted(p for p in SETS.rglob("*.jsonl") if p.name != "dev_claims.jsonl")


@pytest.mark.parametrize("path", QUESTION_SETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_bundled_question_set_reads(path: Path) -> None:
    # each line parses and each article it names is there (../shared, beside the clone)
    cases = load_cases(path)
    assert cases and all(turn["question"].strip() for case in cases for turn in case["turns"])
