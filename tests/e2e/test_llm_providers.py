"""The `anthropic:` and `ollama:` engines through `qabot`, each against a fake server on 127.0.0.1
speaking its provider's protocol: checked citations are shown, unsupported ones are not."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from conftest import Run, answers_of, assert_quotes_are_the_articles
from fake_anthropic import FakeAnthropic
from fake_ollama import FakeOllama
from fake_openai import FakeOpenAI, Reply
from test_llm import GOOD, PESKOV, REWRITE, TRUCE, assert_good_answer_shown

from retrieval.errors import SettingsError
from retrieval.llm.models import make_chat_model
from retrieval.settings import Settings

API_KEY = "sk-ant-test-SECRET-key-0123456789"
# No test here waits for a timeout; a roomy one keeps a busy machine from causing fallbacks.
TIMEOUT_S = 20
DEFAULT_MAX_TOKENS = 256
OUT_OF_RANGE = (
    "Peskov said nothing is changing in the context of Ukraine {{nothing is changing}}. "
    "He promised a ceasefire by May [42]."
)
UNSUPPORTED = (
    "Peskov said Russia will withdraw all its troops from Ukraine {{nothing is changing}}."
)


@dataclass(frozen=True)
class Provider:
    """A provider's fake server and how qabot is pointed at it."""

    engine: str
    fake: FakeOpenAI
    server_env: Callable[[str], dict[str, str]]
    # Whether a request qabot makes without streaming (`--json`) goes out streamed all the same.
    json_streams: bool
    # Where a request carries QABOT_LLM_MAX_TOKENS.
    max_tokens: Callable[[dict[str, Any]], int]

    def env(self) -> dict[str, str]:
        return {
            "QABOT_LLM": self.engine,
            "QABOT_LLM_TIMEOUT": str(TIMEOUT_S),
            "QABOT_LOG_LEVEL": "DEBUG",  # the most qabot ever logs: the key must be in none of it
            **self.server_env(self.fake.base_url),
        }


def anthropic_env(url: str) -> dict[str, str]:
    return {"ANTHROPIC_BASE_URL": url, "ANTHROPIC_API_KEY": API_KEY}


def ollama_env(url: str) -> dict[str, str]:
    # The `ollama` client sends OLLAMA_API_KEY, from the environment, as a bearer token.
    return {"OLLAMA_HOST": url, "OLLAMA_API_KEY": API_KEY}


@pytest.fixture(scope="module", params=["anthropic", "ollama"])
def provider(request: pytest.FixtureRequest) -> Iterator[Provider]:
    if request.param == "anthropic":
        chosen = Provider(
            engine="anthropic:claude-test",
            fake=FakeAnthropic(),
            server_env=anthropic_env,
            json_streams=False,
            max_tokens=lambda body: body["max_tokens"],
        )
    else:
        chosen = Provider(
            engine="ollama:test-model",
            fake=FakeOllama(),
            server_env=ollama_env,
            json_streams=True,  # langchain-ollama always asks Ollama to stream
            max_tokens=lambda body: body["options"]["num_predict"],
        )
    chosen.fake.start()
    yield chosen
    chosen.fake.stop()


@pytest.fixture
def fake(provider: Provider) -> FakeOpenAI:
    provider.fake.replies.clear()
    provider.fake.requests.clear()
    return provider.fake


def test_good_citations_are_verified_and_shown(
    qabot: Run, provider: Provider, fake: FakeOpenAI
) -> None:
    fake.enqueue(GOOD)
    result = qabot("ask", PESKOV, "--json", **provider.env())
    assert result.returncode == 0, result.stderr
    assert_good_answer_shown(json.loads(result.stdout), provider.engine)
    # one request, carrying the numbered sources, and the key only in its header
    (request,) = fake.requests
    assert request.body.get("stream", False) is provider.json_streams
    assert request.body["model"] == provider.engine.partition(":")[2]
    assert provider.max_tokens(request.body) == DEFAULT_MAX_TOKENS
    assert "[1] (paragraph" in fake.prompt(request.body)
    # (the anthropic SDK, like ollama's, sends its key as a bearer token)
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert API_KEY not in result.stdout + result.stderr


@pytest.mark.fault
def test_bad_replies_are_caught_and_a_streamed_rewrite_is_used(
    qabot: Run, provider: Provider, fake: FakeOpenAI
) -> None:
    """A claim past the sources is removed; a follow-up is condensed by a streamed request, then
    its unsupported answer falls back; an HTTP error falls back."""
    fake.enqueue(OUT_OF_RANGE, REWRITE, UNSUPPORTED, Reply(status=500))
    stdin = f"{PESKOV}\n{TRUCE}\n/reset\n{PESKOV}\n"
    result = qabot("repl", "--json", stdin=stdin, **provider.env())
    assert result.returncode == 0, result.stderr
    out_of_range, follow_up, http_500 = answers_of(result.stdout)

    assert out_of_range["engine"] == provider.engine
    assert "[42]" not in out_of_range["answer"] and "ceasefire" not in out_of_range["answer"]
    assert out_of_range["unsupported"] == ["He promised a ceasefire by May."]
    assert [c["paragraph"] for c in out_of_range["citations"]] == [2]
    assert_quotes_are_the_articles(out_of_range)

    # the rewrite came back streamed, whole, and passed the checks
    assert fake.requests[1].body.get("stream") is True
    assert follow_up["condensed_by"] == "llm"
    assert follow_up["resolved_question"] == REWRITE
    assert follow_up["unsupported"] == [
        "Peskov said Russia will withdraw all its troops from Ukraine."
    ]
    for answer in (follow_up, http_500):
        assert answer["engine"] == "extractive"
        assert "nothing is changing in the context of Ukraine" in answer["answer"]
        assert_quotes_are_the_articles(answer)
    assert "supported" in follow_up["fallback"]
    assert "HTTP 500" in http_500["fallback"]
    assert len(fake.requests) == 4
    assert API_KEY not in result.stdout + result.stderr


def test_anthropic_without_a_key_or_a_server_says_how_to_fix_it() -> None:
    settings = Settings(
        QABOT_LLM="anthropic:claude-sonnet-4-5", ANTHROPIC_API_KEY="", ANTHROPIC_BASE_URL=""
    )
    with pytest.raises(SettingsError, match="ANTHROPIC_API_KEY is not set"):
        make_chat_model(settings)
