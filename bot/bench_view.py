"""`qabot bench`: run the benchmarks with progress, print a table, write JSON and a chart."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from retrieval.bench.run import SizeResult, run_bench, to_json

# The targets of the issue "Benchmarks and scale", shown beside the figures; a new process's
# first answer has the cold start's (issue #13).
ANSWER_VS_FLOOR = 1.5
INGEST_VS_ENCODE = 0.8
COLD_VS_FLOOR = 1.3


def run_bench_view(
    sizes: Sequence[int], json_path: Path | None, plot_path: Path | None, *, cold_runs: int
) -> None:
    console = Console(stderr=True)
    results: list[SizeResult] = []
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console
    ) as progress:
        task = progress.add_task("starting", total=None)

        def show(step: str, *_: int) -> None:
            progress.update(task, description=step)

        for result in run_bench(sizes, cold_runs, show):
            results.append(result)
            # Each size is kept as soon as it is measured: a later, larger one may take hours.
            progress.console.print(table(results[-1:]))
            if json_path:
                json_path.write_text(
                    json.dumps(to_json(results), indent=2) + "\n", encoding="utf-8"
                )
    Console().print(table(results))
    if plot_path:
        plot(results, plot_path)


def table(results: Sequence[SizeResult]) -> Table:
    view = Table(title="qabot bench")
    for column in (
        "docs",
        "chunks",
        "ingest / encode chunks/s",
        "answer p50 / p95 ms",
        "floor p50 ms",
        "import s",
        "first answer / floor s",
        "cold start / floor s",
        "peak RSS MB",
        "re-ingest embeds",
    ):
        view.add_column(column, justify="right")
    for r in results:
        view.add_row(
            f"{r.docs:,}",
            f"{r.chunks:,}",
            _versus(r.ingest_chunks_per_s, r.encode_chunks_per_s, INGEST_VS_ENCODE, higher=True),
            f"{r.answer_p50_ms:.1f} / {r.answer_p95_ms:.1f}",
            _versus(r.answer_p50_ms, r.floor_p50_ms, ANSWER_VS_FLOOR, higher=False),
            f"{r.import_s:.2f}",
            _versus(
                r.first_answer_s, r.first_answer_floor_s, COLD_VS_FLOOR, higher=False, digits=2
            ),
            _versus(r.cold_start_s, r.cold_floor_s, COLD_VS_FLOOR, higher=False, digits=2),
            f"{r.peak_rss_mb:.0f}",
            str(r.reingest_embedded),
        )
    return view


def _versus(value: float, floor: float, target: float, *, higher: bool, digits: int = 1) -> str:
    """`value / floor (ratio)`, green when the ratio meets its target."""
    ratio = value / floor if floor else float("inf")
    met = ratio >= target if higher else ratio <= target
    return f"{value:.{digits}f} / {floor:.{digits}f} [{'green' if met else 'red'}]({ratio:.2f}x)[/]"


def plot(results: Sequence[SizeResult], path: Path) -> None:
    """Answer latency against corpus size, with the floor, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no screen here, nor on most servers
    from matplotlib import pyplot

    docs = [r.docs for r in results]
    figure, axes = pyplot.subplots(figsize=(7, 4.5))
    axes.plot(docs, [r.answer_p50_ms for r in results], "o-", label="answer p50")
    axes.plot(docs, [r.answer_p95_ms for r in results], "o--", label="answer p95")
    axes.plot(docs, [r.floor_p50_ms for r in results], "s:", label="floor p50 (embed + Chroma)")
    axes.set_xscale("log")
    axes.set_xlabel("documents in the corpus")
    axes.set_ylabel("milliseconds")
    axes.set_title("qabot: warm answer latency against corpus size")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    pyplot.close(figure)
