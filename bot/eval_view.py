"""`qabot eval`: run a question set and print its scores as a table, one row per article.

File names and the failures' questions come from outside: they are shown inert and never read
as rich markup (`bot/terminal.py`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.terminal import one_line
from retrieval.constants import DEFAULT_EVAL_SET
from retrieval.engine import Engine
from retrieval.errors import SourceUnreadable
from retrieval.evaluation import (
    ArticleScores,
    EvalReport,
    evaluate_by_article,
    group_by_article,
    load_cases,
)
from retrieval.settings import Settings

# The bars the dev set must clear (issue "The engine and the terminal").
TARGETS = {
    "evidence_hit_rate": 0.90,
    "fact_rate": 0.85,
    "abstention_accuracy": 0.90,
    "quote_validity": 1.00,
    "latency_p50_ms": 50.0,
}
# How a row names the conversations scored against the user's own index.
CONFIGURED_INDEX = "configured index"
# The per-article table's columns, by summary key; short, so that they fit 80 characters.
COLUMNS = {
    "turns": "turns",
    "unanswerable": "unans.",
    "evidence_hit_rate": "evidence",
    "fact_rate": "facts",
    "abstention_accuracy": "abstain",
    "quote_validity": "quotes",
    "latency_p50_ms": "p50\nms",
    "latency_p95_ms": "p95\nms",
}


def run_eval(
    settings: Settings,
    configured: Callable[[], Engine],
    question_set: Path | None,
    *,
    article: Path | None = None,
    together: bool = False,
    as_json: bool,
    progress: Callable[[str], None] | None = None,
) -> None:
    path = question_set or DEFAULT_EVAL_SET
    # A bad set or a missing article fails before the slow model load.
    cases = load_cases(path)
    if article is not None and not article.is_file():
        raise SourceUnreadable(f"{article}: no such file")
    groups = group_by_article(cases, path, article)
    scores = evaluate_by_article(groups, settings, configured, together=together, progress=progress)
    if as_json:
        print(json.dumps(_json_report(scores, together=together)))
        return
    print_scores(Console(), path, scores, together=together)


def _json_report(scores: list[ArticleScores], *, together: bool) -> dict[str, Any]:
    total = EvalReport.combined(score.report for score in scores)
    has_articles = any(score.article is not None for score in scores)
    index = ("together" if together else "separate") if has_articles else "configured"
    rows = [_json_row(label, score) for label, score in zip(_labels(scores), scores, strict=True)]
    return {**total.summary(), "failures": total.failures, "index": index, "articles": rows}


def print_scores(
    console: Console, path: Path, scores: list[ArticleScores], *, together: bool
) -> None:
    """The scores as a table (per article, or per metric for the configured index), then each
    failed turn on a line of its own."""
    total = EvalReport.combined(score.report for score in scores)
    labels = _labels(scores)
    has_articles = any(score.article is not None for score in scores)
    if has_articles:
        _print_articles(console, path, labels, scores, total, together=together)
    else:
        _print_metrics(console, path, total)
    for label, score in zip(labels, scores, strict=True):
        if score.report.failures and has_articles:
            console.print(Text(f"{one_line(label)}:"))
        for failure in score.report.failures:
            console.print(Text(f"  ✗ {one_line(failure)}"))


def _labels(scores: list[ArticleScores]) -> list[str]:
    """Each row's name: the article's file name, or its whole path when two names clash."""
    names = [score.article.name for score in scores if score.article is not None]
    return [
        CONFIGURED_INDEX
        if score.article is None
        else (score.article.name if names.count(score.article.name) == 1 else str(score.article))
        for score in scores
    ]


def _json_row(label: str, score: ArticleScores) -> dict[str, Any]:
    return {
        "article": None if score.article is None else label,
        "path": None if score.article is None else str(score.article),
        **score.report.summary(),
        "failures": score.report.failures,
    }


def _shown(name: str, value: float, *, in_ms_column: bool = False) -> str:
    """A figure as the tables show it, green when it meets its target and red when not."""
    if name in ("turns", "answerable", "unanswerable"):
        return str(value)
    is_latency = name.endswith("_ms")
    if is_latency:
        shown = f"{value:.0f}" if in_ms_column else f"{value:.1f} ms"
    else:
        shown = f"{value:.1%}"
    target = TARGETS.get(name)
    if target is None:
        return shown
    met = value <= target if is_latency else value >= target
    return f"[{'green' if met else 'red'}]{shown}[/]"


def _print_articles(
    console: Console,
    path: Path,
    labels: list[str],
    scores: list[ArticleScores],
    total: EvalReport,
    *,
    together: bool,
) -> None:
    how = "all articles in one index" if together else "one index per article"
    table = Table(
        title=Text(
            f"qabot eval — {one_line(path.name)}, {total.turns} turns, {how}", "table.title"
        ),
        box=box.SIMPLE_HEAD,
        padding=0,  # the box's own divider leaves one space between columns
    )
    table.add_column("article", overflow="fold", min_width=12)
    for heading in COLUMNS.values():
        table.add_column(heading, justify="right", no_wrap=True)
    for label, score in zip(labels, scores, strict=True):
        summary = score.report.summary()
        table.add_row(
            Text(one_line(label)),
            *(_shown(name, summary[name], in_ms_column=True) for name in COLUMNS),
        )
    table.add_section()
    summary = total.summary()
    table.add_row("total", *(_shown(name, summary[name], in_ms_column=True) for name in COLUMNS))
    console.print(table)


def _print_metrics(console: Console, path: Path, report: EvalReport) -> None:
    """One set scored against the configured index: a metric per row, with its target."""
    title = Text(f"qabot eval — {one_line(path.name)}, {report.turns} turns", "table.title")
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    for name, value in report.rates().items():
        target = TARGETS.get(name)
        is_latency = name.endswith("_ms")
        goal = (
            "" if target is None else (f"<= {target:.0f} ms" if is_latency else f">= {target:.0%}")
        )
        table.add_row(name.replace("_", " "), _shown(name, value), goal)
    console.print(table)
