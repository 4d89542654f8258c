"""`qabot ingest`: idempotent, content-addressed, and honest about what it did."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run

ARTICLE = """Harbour Plan Approved

The city council of Port Avel approved the harbour expansion on Tuesday after a long debate.

Mayor Ines Duarte said the project would create "hundreds of jobs within two years."

Critics, led by the fishermen's union, warned that dredging would harm the local oyster beds.
"""


def ingest_json(run: Run, *paths: str) -> dict[str, int]:
    result = run("ingest", *paths, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_bundled_article_is_ingested_once_and_then_unchanged(empty_qabot: Run) -> None:
    first = ingest_json(empty_qabot)
    assert first["added"] > 0
    assert first["embedded"] == first["added"]
    assert first["removed"] == 0
    again = ingest_json(empty_qabot)
    assert again == {"added": 0, "unchanged": first["added"], "removed": 0, "embedded": 0}


def test_changed_file_replaces_its_chunks_and_vanished_file_can_be_pruned(
    empty_qabot: Run, tmp_path: Path
) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = ingest_json(empty_qabot, str(article))
    assert first["added"] == 4  # the headline (paragraph 0) and three paragraphs

    article.write_text(ARTICLE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    changed = ingest_json(empty_qabot, str(article))
    assert changed == {"added": 1, "unchanged": 3, "removed": 1, "embedded": 1}

    answer = json.loads(
        empty_qabot("ask", "When was the harbour expansion approved?", "--json").stdout
    )
    assert "Wednesday" in answer["answer"]
    assert all("Tuesday" not in c["quote"] for c in answer["citations"])

    article.unlink()
    kept = ingest_json(empty_qabot)  # without --prune nothing is removed
    assert kept["removed"] == 0
    pruned = ingest_json(empty_qabot, "--prune")
    assert pruned["removed"] == 4


def test_markdown_keeps_paragraphs_and_takes_its_title_from_the_heading(
    empty_qabot: Run, tmp_path: Path
) -> None:
    note = tmp_path / "harbour.md"
    note.write_text(
        "# Harbour Plan Approved\n\nMayor **Ines Duarte** said the project would create "
        '"hundreds of jobs within two years."\n\n- Critics warned about the [oyster beds](http://x).\n',
        encoding="utf-8",
    )
    assert ingest_json(empty_qabot, str(note))["added"] == 3  # with the headline
    answer = json.loads(empty_qabot("ask", "What did Ines Duarte say?", "--json").stdout)
    assert not answer["abstained"], answer
    citation = answer["citations"][0]
    assert citation["title"] == "Harbour Plan Approved"
    assert citation["paragraph"] == 1
    assert citation["quote"].startswith("Mayor Ines Duarte said")


def test_readable_summary_without_json(empty_qabot: Run) -> None:
    result = empty_qabot("ingest")
    assert result.returncode == 0, result.stderr
    assert "added" in result.stdout and "unchanged" in result.stdout
