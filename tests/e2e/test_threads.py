"""One engine answering from many threads at once, as the Discord bot's workers do.

In-process: the threads share one `Engine`, so one embedding model, tokenizer and ONNX Runtime
session, and the load of that model, which starts in the background when the engine is made.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from conftest import DEV_SET, fold

from retrieval.answer import Answer
from retrieval.engine import Engine, make_engine
from retrieval.errors import QabotError
from retrieval.index.onnx_encoder import EncoderUnavailable, default_cache_root
from retrieval.settings import Settings

pytestmark = pytest.mark.fault

THREADS = 8
QUESTIONS_ASKED = 50
# Seconds any one question may take, waiting on the others included.
DEADLINE_S = 300
# Rounds of questions meeting a model that fails to load: each round is a new load that fails.
FAILING_ROUNDS = 3

T = TypeVar("T")


def single_turn_questions() -> list[tuple[str, list[str]]]:
    """The dev set's one-turn questions, each with the evidence its answer should quote."""
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]
    return [
        (row["turns"][0]["question"], row["turns"][0].get("evidence", []))
        for row in rows
        if len(row["turns"]) == 1
    ]


def seen(answer: Answer) -> tuple[str, bool, list[tuple[int, str, int]]]:
    """What a reader sees of an answer: its text, whether it abstained, its numbered quotes."""
    return answer.text, answer.abstained, [(c.n, c.quote, c.paragraph) for c in answer.citations]


def all_at_once(calls: list[Callable[[], T]]) -> list[T | Exception]:
    """Each call's result or exception; the first `THREADS` calls start together."""
    start = threading.Barrier(min(THREADS, len(calls)))

    def run(index: int) -> T | Exception:
        if index < start.parties:
            start.wait(DEADLINE_S)
        try:
            return calls[index]()
        except Exception as error:
            return error

    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(run, index) for index in range(len(calls))]
        return [future.result(timeout=DEADLINE_S) for future in futures]


def point(link: Path, target: Path) -> None:
    """Make `link` a symlink to `target`, replacing what it was in one step."""
    temporary = link.with_name(f"{link.name}.new")
    temporary.symlink_to(target)
    os.replace(temporary, link)


@pytest.fixture
def model_cache(tmp_path: Path) -> Path:
    """A QABOT_ONNX_CACHE of this test's own (a link to the exported model the seeded index
    was built with), so its engine loads the model afresh, in the background."""
    link = tmp_path / "onnx-cache"
    point(link, default_cache_root())
    return link


def open_engine(tmp_path: Path, seeded_index: Path, model_cache: Path) -> Engine:
    chroma = tmp_path / "chroma"
    if not chroma.exists():
        shutil.copytree(seeded_index, chroma)
    settings = Settings(_env_file=None, QABOT_CHROMA_PATH=chroma, QABOT_ONNX_CACHE=model_cache)
    return make_engine(settings)


def test_fifty_questions_from_eight_threads_get_the_answers_one_thread_gets(
    tmp_path: Path, seeded_index: Path, model_cache: Path
) -> None:
    questions = single_turn_questions()
    assert len(questions) >= THREADS, "the dev set gives each thread a question of its own"
    asked = [questions[i % len(questions)] for i in range(QUESTIONS_ASKED)]
    engine = open_engine(tmp_path, seeded_index, model_cache)  # the model is still loading

    together = all_at_once([lambda q=question: engine.ask(q) for question, _ in asked])

    failures = [result for result in together if isinstance(result, Exception)]
    assert not failures, f"{len(failures)} questions failed, the first: {failures[0]!r}"
    alone = {question: seen(engine.ask(question)) for question, _ in questions}
    for (question, evidence), answer in zip(asked, together, strict=True):
        assert isinstance(answer, Answer)
        assert seen(answer) == alone[question], f"another answer to {question!r} in a thread"
        if evidence:
            quoted = fold(" ".join(citation.quote for citation in answer.citations))
            assert any(fold(part) in quoted for part in evidence), (question, answer.text)


def test_threads_waiting_on_a_model_that_fails_to_load_each_get_its_error(
    tmp_path: Path, seeded_index: Path, model_cache: Path
) -> None:
    # The cache is a file: the model cannot be loaded (nor exported) until that is put right.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    point(model_cache, blocker)
    engine = open_engine(tmp_path, seeded_index, model_cache)
    question = "What did Peskov say?"

    for _ in range(FAILING_ROUNDS):
        results = all_at_once([lambda: engine.ask(question)] * THREADS)
        for result in results:
            assert isinstance(result, EncoderUnavailable), f"{result!r} instead of the error"
            assert isinstance(result, QabotError)
            assert "QABOT_ONNX_CACHE" in str(result), "the error says how to fix it"

    point(model_cache, default_cache_root())
    for answer in all_at_once([lambda: engine.ask(question)] * THREADS):
        assert isinstance(answer, Answer), f"{answer!r} after the cache was put right"
        assert "nothing is changing in the context of Ukraine" in answer.text
