"""Fixtures that drive qabot the way its users do: the `qabot` command in a fresh folder."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

QABOT = str(Path(sys.executable).parent / "qabot")
REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "retrieval" / "corpus" / "newsweek-kremlin-belarus-truce.txt"
DEV_SET = REPO / "retrieval" / "evalsets" / "dev.jsonl"
# A cold process loads torch and the model; leave room on a busy CI machine.
COMMAND_TIMEOUT_S = 300

Run = Callable[..., subprocess.CompletedProcess[str]]
E2E_DIR = Path(__file__).resolve().parent / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/e2e/ is end to end: `pytest -m "not e2e"` runs the unit tier."""
    for item in items:
        if E2E_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


def qabot_env(chroma: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QABOT_", "DISCORD_"))}
    env.update(QABOT_CHROMA_PATH=str(chroma), HF_HUB_OFFLINE="1", **extra)
    return env


def run_qabot(
    args: list[str], *, chroma: Path, cwd: Path, stdin: str | None = None, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [QABOT, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=qabot_env(chroma, **extra),
        timeout=COMMAND_TIMEOUT_S,
    )


@pytest.fixture(scope="session")
def seeded_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Chroma folder holding the bundled article, built once through `qabot ingest`."""
    folder = tmp_path_factory.mktemp("seeded")
    result = run_qabot(["ingest", "--json"], chroma=folder / "chroma", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "chroma"


@dataclass(frozen=True)
class Qabot:
    """`qabot ARGS...` run in `cwd` over the index folder `chroma`."""

    chroma: Path
    cwd: Path

    def __call__(
        self, *args: str, stdin: str | None = None, **extra: str
    ) -> subprocess.CompletedProcess[str]:
        return run_qabot(list(args), chroma=self.chroma, cwd=self.cwd, stdin=stdin, **extra)


@pytest.fixture
def qabot(tmp_path: Path, seeded_index: Path) -> Qabot:
    """Run `qabot ARGS...` in a temporary folder over a private copy of the seeded index."""
    shutil.copytree(seeded_index, tmp_path / "chroma")
    return Qabot(tmp_path / "chroma", tmp_path)


@pytest.fixture
def empty_qabot(tmp_path: Path) -> Qabot:
    """Run `qabot` over an index folder that does not exist yet."""
    return Qabot(tmp_path / "chroma", tmp_path)


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def answers_of(stdout: str) -> list[dict]:
    """The answers among `repl --json`'s lines, without the replies to /commands."""
    return [line for line in json_lines(stdout) if "command" not in line]


def fold(text: str) -> str:
    """Whitespace and typographic quotes folded, as the eval set compares quotes."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    return " ".join(text.translate(table).split())


def assert_quotes_are_the_articles(answer: dict) -> None:
    """Citations numbered 1..n, each marked in the text and quoting its paragraph verbatim."""
    article = fold(SEED.read_text(encoding="utf-8"))
    paragraphs = seed_paragraphs()
    numbers = [c["n"] for c in answer["citations"]]
    assert numbers == list(range(1, len(numbers) + 1))
    for citation in answer["citations"]:
        assert fold(citation["quote"]) in article
        assert citation["quote"] in paragraphs[citation["paragraph"] - 1]
        assert citation["source"]
        assert f"[{citation['n']}]" in answer["answer"]


def seed_paragraphs() -> list[str]:
    """The seed article's paragraphs as a reader counts them, page furniture left out."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and "Voice is AI-generated" not in line]


# LangChain and the tracing client it pulls in: 0.4-0.5 s of a new process (issue #13). Ingest
# and the LLM engines may load them; answering with the extractive engine must not.
LANGCHAIN = ("langchain", "langchain_core", "langchain_chroma", "langsmith")


def imported_packages(stderr: str) -> set[str]:
    """The top-level packages a process imported, from its `-X importtime` lines on stderr
    (set `PYTHONPROFILEIMPORTTIME=1` in its environment)."""
    packages = set()
    for line in stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if line.startswith("import time:") and len(fields) == 3:
            packages.add(fields[2].strip().split(".")[0])
    packages.discard("imported package")  # the header line
    return packages


def chunks_held_at_writes(
    monkeypatch: pytest.MonkeyPatch, stores: Any, *modules: Any
) -> list[tuple[int, int]]:
    """Counts the chunk records alive (made through `modules`' ChunkRecord) at each write of
    chunks to `stores`: the list fills with (chunks written, chunks held meanwhile)."""
    from retrieval.constants import CHUNKS_COLLECTION
    from retrieval.ingest import chunking

    held = 0

    def released() -> None:
        nonlocal held
        held -= 1

    class CountedChunk(chunking.ChunkRecord):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            nonlocal held
            held += 1
            weakref.finalize(self, released)

    for module in modules:
        monkeypatch.setattr(module, "ChunkRecord", CountedChunk)
    # On the class: a repair opens the index again, as a new Stores, before it writes.
    write = type(stores).add_embedded
    writes: list[tuple[int, int]] = []

    def counting_write(self: Any, collection: str, **records: Any) -> None:
        if collection == CHUNKS_COLLECTION:
            gc.collect()
            writes.append((len(records["ids"]), held))
        write(self, collection, **records)

    monkeypatch.setattr(type(stores), "add_embedded", counting_write)
    return writes
