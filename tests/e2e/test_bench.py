"""`qabot bench` on a small corpus: the table, the JSON figures and the chart."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run

KEYS = {
    "docs",
    "chunks",
    "ingest_chunks_per_s",
    "encode_chunks_per_s",
    "answer_p50_ms",
    "answer_p95_ms",
    "floor_p50_ms",
    "import_s",
    "first_answer_s",
    "first_answer_floor_s",
    "cold_start_s",
    "cold_floor_s",
    "peak_rss_mb",
}


def test_bench_writes_figures_and_a_chart(empty_qabot: Run, tmp_path: Path) -> None:
    figures, chart = tmp_path / "bench.json", tmp_path / "bench.png"
    result = empty_qabot(
        "bench", "--docs", "3", "--cold-runs", "1", "--json", str(figures), "--plot", str(chart)
    )
    assert result.returncode == 0, result.stderr
    assert "qabot bench" in result.stdout
    (size,) = json.loads(figures.read_text(encoding="utf-8"))["sizes"]
    assert set(size) >= KEYS
    assert size["docs"] == 3
    assert size["chunks"] > 19  # the bundled article's chunks plus two synthetic articles
    assert size["reingest_embedded"] == 0, "an unchanged corpus is never embedded again"
    assert all(size[key] > 0 for key in KEYS)
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_bench_refuses_a_size_of_zero(empty_qabot: Run) -> None:
    result = empty_qabot("bench", "--docs", "0")
    assert result.returncode != 0
    assert result.stderr.splitlines() == ["qabot: error: --docs takes sizes of at least 1 document"]
    assert result.stdout == ""
