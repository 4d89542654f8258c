"""Bad input gets one plain line and a non-zero exit, never a traceback; nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, Run


def assert_one_line_error(result, *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("qabot: error:")
    for word in words:
        assert word in lines[0]


def test_empty_question(empty_qabot: Run) -> None:
    assert_one_line_error(empty_qabot("ask", "   "), "question")


def test_unreadable_paths(empty_qabot: Run, tmp_path: Path) -> None:
    assert_one_line_error(empty_qabot("ingest", str(tmp_path / "missing.txt")), "missing.txt")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert_one_line_error(empty_qabot("ingest", str(binary)), "UTF-8")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert_one_line_error(empty_qabot("ingest", str(pdf)), ".txt")


def test_a_corrupt_index_is_reported_and_left_untouched(tmp_path: Path, empty_qabot: Run) -> None:
    chroma = tmp_path / "chroma"
    chroma.mkdir()
    damaged = chroma / "chroma.sqlite3"
    damaged.write_bytes(b"this is not a database")
    result = empty_qabot("ask", "What did Peskov say?")
    assert_one_line_error(result, f"cannot open the index at {chroma}", "--rebuild")
    assert damaged.read_bytes() == b"this is not a database"


def test_an_index_path_that_is_a_file(tmp_path: Path, empty_qabot: Run) -> None:
    (tmp_path / "chroma").write_text("mine", encoding="utf-8")
    assert_one_line_error(
        empty_qabot("ingest"), f"{tmp_path / 'chroma'} is a file", "QABOT_CHROMA_PATH"
    )
    assert (tmp_path / "chroma").read_text(encoding="utf-8") == "mine"


def test_a_bad_setting_names_itself(empty_qabot: Run) -> None:
    result = empty_qabot("ask", "What did Peskov say?", QABOT_DISCORD_MAX_IN_FLIGHT="many")
    assert_one_line_error(result, "QABOT_DISCORD_MAX_IN_FLIGHT")


def test_missing_index_is_built_from_the_bundled_article_with_a_progress_line(
    empty_qabot: Run,
) -> None:
    result = empty_qabot("ask", "Who wrote the article?", "--json")
    assert result.returncode == 0, result.stderr
    assert "building the index" in result.stderr
    assert "Fatma Khaled" in json.loads(result.stdout)["answer"]


def test_a_malformed_question_set(qabot: Run, tmp_path: Path) -> None:
    bad = tmp_path / "set.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert_one_line_error(qabot("eval", str(bad)), "set.jsonl")


def test_eval_prints_the_scores(qabot: Run) -> None:
    result = qabot("eval", "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["turns"] == 20
    assert scores["quote_validity"] == 1.0
    assert scores["abstention_accuracy"] >= 0.9
    assert scores["latency_p50_ms"] > 0


def test_the_example_env_file_works_as_a_dot_env(qabot: Run, tmp_path: Path) -> None:
    example = REPO / ".env.example"
    (tmp_path / ".env").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    result = qabot("ask", "Who wrote the article?", "--json")
    assert result.returncode == 0, result.stderr
    assert "Fatma Khaled" in json.loads(result.stdout)["answer"]
