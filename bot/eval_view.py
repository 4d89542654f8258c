"""`qabot eval`: run a question set and print its scores as a table."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from retrieval.constants import DEFAULT_EVAL_SET
from retrieval.engine import Engine
from retrieval.evaluation import evaluate, load_cases

# The bars the dev set must clear (issue "The engine and the terminal").
TARGETS = {
    "evidence_hit_rate": 0.90,
    "fact_rate": 0.85,
    "abstention_accuracy": 0.90,
    "quote_validity": 1.00,
    "latency_p50_ms": 50.0,
}
# One untimed pass first, so the figures are those of a warm process.
WARMUP_QUESTION = "What is the article about?"


def run_eval(
    make_engine: Callable[[], Engine], question_set: Path | None, *, as_json: bool
) -> None:
    path = question_set or DEFAULT_EVAL_SET
    cases = load_cases(path)  # a bad set fails before the slow model load
    engine = make_engine()
    engine.ask(WARMUP_QUESTION)
    report = evaluate(cases, engine.ask)
    rates = report.rates()
    if as_json:
        print(json.dumps({**rates, "turns": report.turns, "failures": report.failures}))
        return
    table = Table(title=f"qabot eval — {path.name}, {report.turns} turns")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    for name, value in rates.items():
        target = TARGETS.get(name)
        is_latency = name.endswith("_ms")
        shown = f"{value:.1f} ms" if is_latency else f"{value:.1%}"
        met = target is None or (value <= target if is_latency else value >= target)
        goal = (
            "" if target is None else (f"<= {target:.0f} ms" if is_latency else f">= {target:.0%}")
        )
        table.add_row(name.replace("_", " "), f"[{'green' if met else 'red'}]{shown}[/]", goal)
    console = Console()
    console.print(table)
    for failure in report.failures:
        console.print(f"  ✗ {failure}", markup=False)
