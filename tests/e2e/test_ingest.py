"""`qabot ingest`: idempotent, content-addressed, and honest about what it did."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import Run

from retrieval.constants import CHUNKS_COLLECTION
from retrieval.engine import make_engine
from retrieval.errors import SourceUnreadable
from retrieval.settings import Settings

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


def test_a_file_without_words_is_skipped_with_a_notice(empty_qabot: Run, tmp_path: Path) -> None:
    marks = tmp_path / "marks.txt"
    marks.write_text("...\n\n!!! — ???\n", encoding="utf-8")
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = empty_qabot("ingest", str(marks), str(article), "--json")
    assert result.returncode == 0, result.stderr
    assert f"skipped {marks}: no words to answer from" in result.stderr
    assert json.loads(result.stdout)["added"] == 4  # the other file's headline and paragraphs
    answer = empty_qabot("ask", "Who approved the harbour expansion?", "--json")
    assert answer.returncode == 0 and "Traceback" not in answer.stderr, answer.stderr
    assert not json.loads(answer.stdout)["abstained"]


def test_readable_summary_without_json(empty_qabot: Run) -> None:
    result = empty_qabot("ingest")
    assert result.returncode == 0, result.stderr
    assert "added" in result.stdout and "unchanged" in result.stdout


@pytest.mark.fault
def test_a_file_that_cannot_be_read_fails_the_ingest_before_anything_is_written(
    tmp_path: Path, seeded_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, who reads everything: the file's read is refused instead. In-process,
    # since no `qabot` process run here can be refused a read.
    chroma = tmp_path / "chroma"
    shutil.copytree(seeded_index, chroma)
    readable, locked = tmp_path / "harbour.txt", tmp_path / "locked.txt"
    readable.write_text(ARTICLE, encoding="utf-8")
    locked.write_text(ARTICLE.replace("Port Avel", "Brackwater"), encoding="utf-8")
    real_read_text = Path.read_text

    def read_text(path: Path, *args: object, **kwargs: object) -> str:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_text(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", read_text)
    engine = make_engine(Settings(_env_file=None, QABOT_CHROMA_PATH=chroma))
    before = engine.stores.count(CHUNKS_COLLECTION), engine.stores.generation()

    with pytest.raises(SourceUnreadable) as raised:
        engine.ingest([readable, locked])  # the readable file first: it must not be stored

    message = str(raised.value)  # what `qabot ingest` prints after "qabot: error: "
    assert message.lower() == f"{locked}: cannot be read (permission denied)".lower()
    assert (engine.stores.count(CHUNKS_COLLECTION), engine.stores.generation()) == before
    answer = engine.ask("What did Ines Duarte say?")
    assert answer.abstained and "hundreds of jobs" not in answer.text
