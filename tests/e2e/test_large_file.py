"""A large file: its writes fit Chroma's batch limit, its chunks are made as they are stored (one
batch held at a time), and a terminal shows the ingest's progress."""

from __future__ import annotations

import json
import os
import pty
import random
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import COMMAND_TIMEOUT_S, QABOT, Run, chunks_held_at_writes, qabot_env

from retrieval.engine import make_engine
from retrieval.ingest import chunking
from retrieval.settings import Settings

pytestmark = pytest.mark.fault

# More sentences than Chroma takes in one write (5,461 for a local folder): before writes were
# cut to its limit, this file failed with "Batch size of 7000 is greater than max batch size".
SENTENCES = 7_000
PER_PARAGRAPH = 100
# The sentences are drawn from a small pool, so the model embeds each distinct one once and
# the test stays quick; Chroma still stores one record per sentence.
POOL = 300
FACT = "Harbour master Lena Ortiz said the old lighthouse would reopen in March."


def ledger(path: Path) -> Path:
    rng = random.Random(5)
    colours = "red blue green amber grey white black violet silver golden".split()
    goods = "marbles lamps ropes nails boots maps cups bells kites drums".split()
    pool = [
        f"Crate {k} held {rng.randint(2, 99)} {rng.choice(colours)} {rng.choice(goods)}."
        for k in range(POOL)
    ]
    drawn = [rng.choice(pool) for _ in range(SENTENCES)]
    paragraphs = [
        " ".join(drawn[first : first + PER_PARAGRAPH])
        for first in range(0, SENTENCES, PER_PARAGRAPH)
    ]
    paragraphs.insert(len(paragraphs) // 2, FACT)
    path.write_text("Warehouse Ledger\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def ingest_on_a_terminal(
    file: Path, chroma: Path, cwd: Path
) -> tuple[subprocess.CompletedProcess[str], str]:
    """`qabot ingest FILE --json` with stderr on a pseudo-terminal, as a user's shell has it;
    stdout a pipe. Returns the result (stdout) and all the terminal was sent."""
    leader, follower = pty.openpty()
    received: list[bytes] = []

    def drain() -> None:  # the terminal must be read, or the writer blocks once it is full
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the follower side closed
                return
            if not data:
                return
            received.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        result = subprocess.run(
            [QABOT, "ingest", str(file), "--json"],
            stdout=subprocess.PIPE,
            stderr=follower,
            text=True,
            cwd=cwd,
            env=qabot_env(chroma, TERM="xterm-256color", COLUMNS="100"),
            timeout=COMMAND_TIMEOUT_S,
        )
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    return result, b"".join(received).decode("utf-8", errors="replace")


def test_a_file_of_more_sentences_than_one_chroma_write_takes_is_ingested_and_answered(
    empty_qabot: Run, tmp_path: Path
) -> None:
    file = ledger(tmp_path / "ledger.txt")
    result, terminal = ingest_on_a_terminal(file, tmp_path / "chroma", tmp_path)
    assert result.returncode == 0, terminal
    # stdout holds the one JSON object and nothing of the bar.
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    report = json.loads(lines[0])
    assert report["added"] > 0 and report["embedded"] == report["added"]
    # The terminal was shown the embedding step counted to the end.
    assert "embedding" in terminal
    assert f"{report['added']}/{report['added']}" in terminal

    answer = json.loads(empty_qabot("ask", "What did Lena Ortiz say?", "--json").stdout)
    assert not answer["abstained"], answer
    assert answer["citations"][0]["quote"] == FACT

    again = json.loads(empty_qabot("ingest", str(file), "--json").stdout)
    assert again == {"added": 0, "unchanged": report["added"], "removed": 0, "embedded": 0}


def test_a_large_file_is_chunked_while_it_is_stored_one_batch_held_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a batch of chunks is written, the ingest holds that batch and the one chunk read
    after it, not the whole file's chunks (which made a 20 MB file's ingest peak at 1.8 GB)."""
    engine = make_engine(Settings(_env_file=None, QABOT_CHROMA_PATH=tmp_path / "chroma"))
    writes = chunks_held_at_writes(monkeypatch, engine.stores, chunking)
    report = engine.ingest([ledger(tmp_path / "ledger.txt")])

    assert len(writes) > 1, writes  # more than one batch, or nothing would show
    assert sum(written for written, _ in writes) == report.added
    for written, held_then in writes:
        assert held_then <= written + 1, writes
