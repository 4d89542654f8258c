"""`qabot discord` with an LLM engine: drafts stream into the /ask response, at most one edit a
second, then the checked answer replaces them; a reply the checker rejects is never posted."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_discord import FakeDiscord, Post
from fake_openai import FakeOpenAI, Reply
from test_discord import MENTION, STARTUP_TIMEOUT_S, BotProcess, ask, new_member, text_of, unescape

API_KEY = "sk-test-SECRET-discord-0123456789"
GOOD = (
    "Peskov told reporters that nothing is changing in the context of Ukraine "
    "{{nothing is changing}}. He said the special military operation is continuing, since this "
    "is the only way to achieve the goals of the country {{special military operation}}."
)
DRAFT_NOTE = "citations are checked before the final answer"


@pytest.fixture(scope="module")
def openai() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def discord_fake() -> Iterator[FakeDiscord]:
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def llm_bot(
    discord_fake: FakeDiscord, openai: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotProcess]:
    process = BotProcess(
        discord_fake,
        tmp_path_factory.mktemp("qabot-discord-llm"),
        QABOT_LLM="openai:test-model",
        OPENAI_BASE_URL=openai.base_url,
        OPENAI_API_KEY=API_KEY,
        QABOT_LLM_TIMEOUT="20",
    )
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not discord_fake.guild_sent.wait(0.5):
        if process.process.poll() is not None or time.monotonic() > deadline:
            process.stop()
            pytest.fail(f"`qabot discord` did not connect; its log ends:\n{process.log[-4000:]}")
    yield process
    process.stop()
    assert API_KEY not in process.log, "the API key must never reach the log"


def edits_of(posts: list[Post], token: str) -> list[Post]:
    return [p for p in posts if p.kind == "edit" and p.payload.get("_token") == token]


def test_slash_ask_streams_drafts_then_the_checked_answer(
    discord_fake: FakeDiscord, openai: FakeOpenAI, llm_bot: BotProcess
) -> None:
    openai.enqueue(Reply(GOOD, word_delay_s=0.12))  # about four seconds of writing
    token = discord_fake.send_ask("What did Peskov say?", author_id=new_member())

    def answered(posts: list[Post]) -> bool:
        return any("**Sources**" in p.content for p in edits_of(posts, token))

    posts = discord_fake.wait_for(answered, timeout=120)
    *drafts, final = edits_of(posts, token)
    assert len(drafts) >= 2, [d.content for d in drafts]
    assert all(DRAFT_NOTE in d.content for d in drafts)
    assert "Peskov told reporters" in unescape(drafts[-1].content)
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(drafts)]
    assert min(gaps) >= 0.9, f"edits at most once a second, got gaps {gaps}"
    assert DRAFT_NOTE not in final.content
    text = unescape(final.content)
    assert "Peskov told reporters that nothing is changing in the context of Ukraine" in text
    assert "— paragraph 2" in text and "— paragraph 4" in text
    assert "not used" not in text


def test_mention_with_an_unsupported_reply_gets_the_extractive_answer_and_a_note(
    discord_fake: FakeDiscord, openai: FakeOpenAI, llm_bot: BotProcess
) -> None:
    openai.enqueue(
        "Peskov said Russia will withdraw all its troops from Ukraine {{nothing is changing}}."
    )
    _, replies = ask(discord_fake, f"{MENTION} What did Peskov say?")
    text = unescape(text_of(replies))
    assert "withdraw" not in text
    assert "the LLM's answer was not used" in text
    assert "nothing is changing in the context of Ukraine" in text
    assert "— paragraph 2" in text


def test_log_never_shows_the_key(llm_bot: BotProcess) -> None:
    assert Path(llm_bot.log_path).exists()
    assert API_KEY not in llm_bot.log
