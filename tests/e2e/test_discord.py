"""End-to-end tests of `qabot discord`: the real discord.py client against a fake Discord.

One bot process, with the real engine and a Chroma index in a temporary folder, serves the whole
module; every test speaks as its own member, so cooldowns never carry over from one to the next.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import discord
import pytest
from conftest import LANGCHAIN, imported_packages, run_qabot
from fake_discord import (
    BOT_ID,
    CHANNEL_ID,
    GUILD_ID,
    HEARTBEAT_INTERVAL_MS,
    MESSAGE_LIMIT,
    QUIET_CHANNEL_ID,
    TOKEN,
    FakeDiscord,
    Post,
)

from bot.discord.admission import MAX_WAITING_PER_SLOT
from bot.discord.bot import (
    Conversations,
    QabotBot,
    make_bot,
    point_at,
    run,
)
from retrieval.answer import Answer, Citation, Turn
from retrieval.settings import Settings

REPO = Path(__file__).resolve().parents[2]
DISCORD_PY_VERSION = "2.7.1"
MENTION = f"<@{BOT_ID}>"
DM_CHANNEL_ID = 900_000_000_000_000_900
MESSAGE_CONTENT_INTENT = 1 << 15
COOLDOWN_S = 2.0
MAX_IN_FLIGHT = 2
# The first start embeds the article into a fresh index: allow for a slow machine.
STARTUP_TIMEOUT_S = 240.0
SOURCE_LINE = re.compile(r"^> \*\*\[(\d+)\]\*\* “(.+)” — paragraph (\d+)")
MARKDOWN_ESCAPE = re.compile(r"\\([\\*_`~|>#\[-])")

T = TypeVar("T")
_members = itertools.count(1_000_000_000_000_000)


def new_member() -> int:
    """A member who has not asked anything yet (so no cooldown applies to them)."""
    return next(_members)


def bot_command() -> list[str]:
    """`qabot discord` as a user runs it; `python -m bot.discord.bot` where it is not installed."""
    console_script = Path(sys.executable).parent / "qabot"
    if console_script.exists():
        return [str(console_script), "discord"]
    return [sys.executable, "-m", "bot.discord.bot"]


def bot_environment(fake: FakeDiscord, chroma: Path, **overrides: str) -> dict[str, str]:
    """The environment of a bot process: this machine's, minus any qabot or Discord setting."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QABOT_", "DISCORD_"))
    }
    env.update(
        DISCORD_TOKEN=TOKEN,
        QABOT_DISCORD_API_BASE=fake.api_base,
        QABOT_DISCORD_GATEWAY=fake.gateway_url,
        QABOT_CHROMA_PATH=str(chroma),
        QABOT_LOG_LEVEL="DEBUG",  # the most the bot ever logs: the token must be in none of it
        QABOT_DISCORD_GUILD=str(GUILD_ID),
        QABOT_DISCORD_COOLDOWN_S=str(COOLDOWN_S),
        QABOT_DISCORD_MAX_IN_FLIGHT=str(MAX_IN_FLIGHT),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        PYTHONPATH=str(REPO),
    )
    env.update(overrides)
    return env


class BotProcess:
    """A running `qabot discord` and the file its stderr goes to."""

    def __init__(self, fake: FakeDiscord, workdir: Path, **overrides: str) -> None:
        self.log_path = workdir / "bot-stderr.log"
        self._log = self.log_path.open("wb")
        # cwd is a fresh folder so that no developer's `.env` is read.
        self.process = subprocess.Popen(
            bot_command(),
            cwd=workdir,
            env=bot_environment(fake, workdir / "chroma", **overrides),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int | None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log.close()
        return self.process.returncode


def start_bot(fake: FakeDiscord, workdir: Path, **overrides: str) -> BotProcess:
    """A `qabot discord` process that has connected to `fake`; the test fails if it does not."""
    process = BotProcess(fake, workdir, **overrides)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not fake.guild_sent.wait(0.5):
        if process.process.poll() is not None or time.monotonic() > deadline:
            process.stop()
            pytest.fail(f"`qabot discord` did not connect; its log ends:\n{process.log[-4000:]}")
    return process


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeDiscord]:
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def bot(fake: FakeDiscord, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    process = start_bot(fake, tmp_path_factory.mktemp("qabot-discord"))
    yield process
    assert process.stop() == 0, f"SIGTERM should stop the bot cleanly:\n{process.log[-4000:]}"


def ask(fake: FakeDiscord, content: str, **options: object) -> tuple[int, list[Post]]:
    """Send a message as a member and return its id and the bot's replies to it."""
    options.setdefault("author_id", new_member())
    message_id = fake.send_message(content, **options)  # type: ignore[arg-type]
    return message_id, fake.replies_to(message_id)


def text_of(posts: list[Post]) -> str:
    return "\n".join(post.content for post in posts)


def assert_pings_nobody(posts: list[Post]) -> None:
    for post in posts:
        mentions = post.allowed_mentions
        assert mentions is not None, "without allowed_mentions Discord pings everyone named"
        assert mentions.get("parse") == []
        assert not mentions.get("users") and not mentions.get("roles")
        assert not mentions.get("replied_user")


def assert_fits(posts: list[Post]) -> None:
    for post in posts:
        assert 0 < len(post.content) <= MESSAGE_LIMIT


def unescape(text: str) -> str:
    return MARKDOWN_ESCAPE.sub(r"\1", text)


def sources_in(text: str) -> dict[int, tuple[str, int]]:
    """The numbered sources of a reply: n -> (quote as the reader sees it, paragraph)."""
    sources = {}
    for line in text.splitlines():
        match = SOURCE_LINE.match(line)
        if match:
            sources[int(match[1])] = (unescape(match[2]), int(match[3]))
    return sources


def assert_cited_answer(text: str) -> dict[int, tuple[str, int]]:
    """Every `[n]` of the answer has a source line, quoting the article paragraph it names."""
    from retrieval.constants import BUNDLED_ARTICLE
    from retrieval.ingest.loader import load_article

    paragraphs = {p.number: p.text for p in load_article(BUNDLED_ARTICLE).paragraphs}
    answer_part, _, _ = text.partition("**Sources**")
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer_part)}
    sources = sources_in(text)
    assert markers, f"no [n] marker in the answer:\n{text}"
    assert markers <= set(sources), f"a marker without its source:\n{text}"
    for quote, paragraph in sources.values():
        shown = quote.removesuffix("…")
        assert paragraph in paragraphs, f"no paragraph {paragraph} in the article"
        assert " ".join(shown.split()) in " ".join(paragraphs[paragraph].split()), (
            f"{quote!r} is not in paragraph {paragraph}"
        )
    return sources


# Where each speaker's words stand in the bundled article (checked by reading it).
SPEAKER_PARAGRAPHS = {"Peskov": {2, 4}, "Lukashenko": {2, 5, 6}, "Zelensky": {8, 9, 11}}


def assert_about(text: str, speaker: str) -> None:
    """A follow-up answered about `speaker`: it cites only paragraphs where they speak."""
    assert UNRESOLVED not in text
    cited = {paragraph for _, paragraph in assert_cited_answer(text).values()}
    assert cited and cited <= SPEAKER_PARAGRAPHS[speaker], f"not about {speaker}:\n{text}"


def assert_alive(bot: BotProcess) -> None:
    assert bot.process.poll() is None, f"the bot died; its log ends:\n{bot.log[-4000:]}"


def wait_for_log(bot: BotProcess, line: str, *, timeout: float = 30.0) -> None:
    """Block until the bot's log holds `line`: a sign that it has got that far."""
    deadline = time.monotonic() + timeout
    while line not in bot.log:
        assert_alive(bot)
        if time.monotonic() > deadline:
            own = [entry for entry in bot.log.splitlines() if " bot.discord." in entry]
            pytest.fail(
                f"the bot never logged {line!r}; its own lines end:\n" + "\n".join(own[-20:])
            )
        time.sleep(0.05)


# --- The pin: the fake mirrors what this discord.py version needs ----------------------------


def test_discord_py_is_the_version_the_fake_was_checked_against() -> None:
    assert discord.__version__ == DISCORD_PY_VERSION, (
        f"discord.py is {discord.__version__}, but tests/fake_discord.py mirrors the payloads "
        f"{DISCORD_PY_VERSION} parses (interaction fields, callback bodies, gateway URL). Check "
        "its facts against the new version's source, update the fake, then this pin and "
        "pyproject.toml's."
    )


# --- Starting ---------------------------------------------------------------------------------


def test_missing_token_says_how_to_set_it(tmp_path: Path) -> None:
    env = bot_environment(FakeDiscord(), tmp_path / "chroma", DISCORD_TOKEN="")
    result = subprocess.run(
        bot_command(), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "DISCORD_TOKEN" in lines[0] and ".env" in lines[0]
    assert not (tmp_path / "chroma").exists(), "no engine work before the token is known"


@pytest.mark.parametrize(
    ("close_code", "token", "expected"),
    [
        (4014, TOKEN, ["Message Content Intent", "Privileged Gateway Intents"]),
        (None, "not-the-" + TOKEN, ["refused DISCORD_TOKEN", "Reset Token"]),
    ],
    ids=["intent-refused", "token-refused"],
)
def test_refusals_at_login_say_what_to_fix(
    close_code: int | None, token: str, expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    refusing = FakeDiscord(close_code_on_identify=close_code).start()
    settings = Settings(
        _env_file=None,
        DISCORD_TOKEN=token,
        QABOT_DISCORD_API_BASE=refusing.api_base,
        QABOT_DISCORD_GATEWAY=refusing.gateway_url,
    )
    saved_endpoints = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    root = logging.getLogger()
    saved_logging = root.handlers[:], root.level
    try:
        code = run(settings, engine_factory=lambda _: ScriptedEngine())  # type: ignore[arg-type,return-value]
    finally:
        root.handlers[:], root.level = saved_logging
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved_endpoints
        refusing.stop()

    stderr = capsys.readouterr().err
    assert code != 0
    last_line = stderr.strip().splitlines()[-1]
    assert all(words in last_line for words in expected), stderr
    assert "Traceback" not in stderr
    assert token not in stderr


def test_connects_with_message_content_and_syncs_ask(fake: FakeDiscord, bot: BotProcess) -> None:
    identify = fake.identifies[-1]
    assert identify["intents"] & MESSAGE_CONTENT_INTENT
    [command] = fake.synced_commands[str(GUILD_ID)]
    assert command["name"] == "ask"
    question, article = command["options"]
    assert (question["name"], question["required"]) == ("question", True)
    assert (article["name"], article["required"], article["autocomplete"]) == (
        "article",
        False,
        True,
    )
    activity = (identify.get("presence") or {}).get("game") or {}
    assert "/ask" in activity.get("name", ""), "members see how to ask under the bot's name"


# --- Answering --------------------------------------------------------------------------------


def test_mention_gets_a_cited_reply_to_that_message(fake: FakeDiscord, bot: BotProcess) -> None:
    asked_at = time.monotonic()
    message_id, replies = ask(fake, f"{MENTION} what did Peskov say?")

    text = text_of(replies)
    assert replies[0].reference_id == message_id
    assert all(reply.channel_id == CHANNEL_ID for reply in replies)
    assert_pings_nobody(replies)
    assert_fits(replies)
    sources = assert_cited_answer(text)
    quotes = " ".join(quote for quote, _ in sources.values())
    assert "nothing is changing" in quotes or "special military operation" in quotes
    typed = [at for channel, at in fake.typing if channel == CHANNEL_ID and at >= asked_at]
    assert typed and min(typed) < replies[0].at, "the bot should type while it works"


def test_direct_message_gets_a_cited_reply(fake: FakeDiscord, bot: BotProcess) -> None:
    message_id, replies = ask(
        fake, "What did Lukashenko propose?", channel_id=DM_CHANNEL_ID, mention_bot=False
    )

    assert replies[0].reference_id == message_id
    assert replies[0].channel_id == DM_CHANNEL_ID
    assert_pings_nobody(replies)
    assert_cited_answer(text_of(replies))
    assert "truce" in text_of(replies).lower()


UNRESOLVED = "can't tell who"


def test_follow_up_through_the_reply_chain(fake: FakeDiscord, bot: BotProcess) -> None:
    member = new_member()
    asked_at = time.monotonic()
    _, first = ask(fake, f"{MENTION} who is Dmitry Peskov?", author_id=member)
    assert "spokes" in text_of(first).lower()
    time.sleep(max(0.0, asked_at + COOLDOWN_S + 0.2 - time.monotonic()))

    # A reply pings the bot by default, which puts it in `mentions` but not in the text.
    follow_up, second = ask(fake, "what did he say next?", author_id=member, reply_to=first[0].id)
    _, out_of_context = ask(fake, f"{MENTION} what did he say next?")

    text = text_of(second)
    assert second[0].reference_id == follow_up
    assert_about(text, "Peskov")
    assert UNRESOLVED in text_of(out_of_context), "only the reply chain tells who 'he' is"


def test_reply_without_ping_continues_the_chain(fake: FakeDiscord, bot: BotProcess) -> None:
    member = new_member()
    asked_at = time.monotonic()
    _, first = ask(fake, f"{MENTION} What did Zelensky promise?", author_id=member)
    time.sleep(max(0.0, asked_at + COOLDOWN_S + 0.2 - time.monotonic()))

    follow_up, second = ask(
        fake, "what did he say next?", author_id=member, reply_to=first[-1].id, mention_bot=False
    )

    assert second[0].reference_id == follow_up
    assert_about(text_of(second), "Zelensky")


def test_slash_ask_answers_with_the_question_quoted(fake: FakeDiscord, bot: BotProcess) -> None:
    member = new_member()
    token = fake.send_ask("What did Lukashenko propose?", author_id=member)
    posts = fake.response_of(token)

    callback, *rest = posts
    assert callback.kind == "callback" and callback.payload["type"] == 5, "defer while thinking"
    assert rest and rest[0].kind == "edit"
    text = text_of(rest)
    assert text.startswith("> **Q:** What did Lukashenko propose?")
    assert "truce" in text.lower()
    assert_cited_answer(text)
    assert_pings_nobody(rest)
    assert_fits(rest)

    time.sleep(COOLDOWN_S + 0.2)
    follow_up, second = ask(fake, "what did he say next?", author_id=member, reply_to=rest[0].id)
    assert second[0].reference_id == follow_up
    assert_about(text_of(second), "Lukashenko")


def test_slash_ask_with_a_bad_question_tells_only_the_asker(
    fake: FakeDiscord, bot: BotProcess
) -> None:
    token = fake.send_ask("```\nSELECT * FROM articles\n```", author_id=new_member())
    [refusal] = fake.response_of(token)

    assert refusal.kind == "callback" and refusal.payload["type"] == 4
    assert refusal.ephemeral
    assert "code block" in refusal.content
    assert_pings_nobody([refusal])


# --- Staying quiet ----------------------------------------------------------------------------


def test_ignores_bots_and_messages_not_addressed_to_it(fake: FakeDiscord, bot: BotProcess) -> None:
    passed_over = {
        fake.send_message(
            "what did Peskov say?", author_id=new_member(), mention_bot=False
        ): "not addressed to me",
        fake.send_message(
            f"{MENTION} what did Peskov say?", author_id=new_member(), author_is_bot=True
        ): "sent by a bot",
        fake.send_message(
            "@everyone what's up?", author_id=new_member(), mention_bot=False
        ): "not addressed to me",
    }
    # Asked after them, so answered after the bot has dealt with them.
    _, answered = ask(fake, f"{MENTION} what did Peskov say?")

    for message_id, reason in passed_over.items():
        wait_for_log(bot, f"ignored message {message_id}: {reason}")
    assert_cited_answer(text_of(answered))
    assert not [post for post in fake.posts if post.reference_id in passed_over]


def test_never_replies_to_itself(fake: FakeDiscord, bot: BotProcess) -> None:
    # Discord echoes the bot's replies back to it; in a DM, every message seems addressed to it.
    _, in_channel = ask(fake, f"{MENTION} Where did Zelensky give his remarks?")
    _, in_dm = ask(
        fake, "Where did Zelensky give his remarks?", channel_id=DM_CHANNEL_ID, mention_bot=False
    )

    assert in_channel and in_dm
    for reply in [*in_channel, *in_dm]:
        wait_for_log(bot, f"ignored message {reply.id}: sent by me")
    bot_ids = {post.id for post in fake.posts}
    assert not [post for post in fake.posts if post.reference_id in bot_ids]


# --- Limits and bad input ---------------------------------------------------------------------


def test_cooldown_gets_a_polite_reply(fake: FakeDiscord, bot: BotProcess) -> None:
    member = new_member()
    first = fake.send_message(f"{MENTION} what did Peskov say?", author_id=member)
    second = fake.send_message(f"{MENTION} and Zelensky?", author_id=member)

    assert "[1]" in text_of(fake.replies_to(first))
    refusal = fake.replies_to(second)
    assert "wait" in text_of(refusal).lower()
    assert_pings_nobody(refusal)


@pytest.mark.parametrize(
    ("content", "attachments", "expected"),
    [
        (MENTION, (), "mention me with a question"),
        (f"{MENTION}    ", (), "mention me with a question"),
        (f"{MENTION} " + "why " * 1000, (), "characters long"),
        (f"{MENTION} ```python\nprint('who is Peskov?')\n```", (), "code block"),
        (MENTION, ("article.png",), "attachments"),
        (f"{MENTION} ?!?", (), "words"),
    ],
    ids=["bare-mention", "blank", "4000-chars", "code-block", "attachment", "no-words"],
)
def test_bad_input_gets_a_short_friendly_reply(
    fake: FakeDiscord, bot: BotProcess, content: str, attachments: tuple[str, ...], expected: str
) -> None:
    message_id = fake.send_message(content, author_id=new_member(), attachments=attachments)

    wait_for_log(bot, f"replied to message {message_id} in 1 message(s)")
    replies = [post for post in fake.posts if post.reference_id == message_id]
    [reply] = replies
    assert reply.reference_id == message_id
    assert expected in reply.content
    assert len(reply.content) < 200
    assert_pings_nobody(replies)
    assert_alive(bot)


def test_mass_mentions_in_a_question_ping_nobody(fake: FakeDiscord, bot: BotProcess) -> None:
    _, replies = ask(fake, f"@everyone @here <@&{GUILD_ID}> <@42> {MENTION} what did Peskov say?")

    assert_pings_nobody(replies)
    assert_cited_answer(text_of(replies))


def test_a_question_with_an_attachment_is_answered_from_its_text(
    fake: FakeDiscord, bot: BotProcess
) -> None:
    _, replies = ask(fake, f"{MENTION} who is Dmitry Peskov?", attachments=("photo.png",))

    assert "spokes" in text_of(replies).lower()


# --- Load -------------------------------------------------------------------------------------

QUESTIONS = [
    "What did Peskov say?",
    "Who is Dmitry Peskov?",
    "What did Lukashenko propose?",
    "What did Lukashenko warn against?",
    "Where did Zelensky give his remarks?",
    "What did Zelensky promise?",
    "What did China call for?",
    "What did the ICC do?",
]


def test_many_questions_at_once_are_all_answered_and_the_heartbeat_keeps_time(
    fake: FakeDiscord, bot: BotProcess
) -> None:
    started = time.monotonic()
    asked = [
        fake.send_message(f"{MENTION} {question}", author_id=new_member()) for question in QUESTIONS
    ]
    replies = fake.replies_to_each(asked)
    finished = time.monotonic()
    time.sleep(2 * HEARTBEAT_INTERVAL_MS / 1000)

    for reply in replies:
        assert "busy" not in text_of(reply).lower() and "wrong" not in text_of(reply).lower()
        assert_fits(reply)
        assert_pings_nobody(reply)
    interval = HEARTBEAT_INTERVAL_MS / 1000
    beats = [at for at in fake.heartbeats if started - interval <= at <= finished + 2 * interval]
    gaps = [later - earlier for earlier, later in itertools.pairwise(beats)]
    assert len(beats) >= 2 and max(gaps) < 3 * interval, f"heartbeat gaps {gaps}"


def test_a_flood_beyond_the_cap_gets_polite_refusals(fake: FakeDiscord, bot: BotProcess) -> None:
    capacity = MAX_IN_FLIGHT * (1 + MAX_WAITING_PER_SLOT)
    asked = [
        fake.send_message(f"{MENTION} {QUESTIONS[i % len(QUESTIONS)]}", author_id=new_member())
        for i in range(3 * capacity)
    ]
    replies = fake.replies_to_each(asked, timeout=90)

    assert all(len(reply) >= 1 for reply in replies)
    refused = [reply for reply in replies if "lot of questions" in text_of(reply)]
    answered = [reply for reply in replies if reply not in refused]
    assert refused, "past the cap, newcomers are told to come back"
    assert len(answered) >= capacity
    assert_alive(bot)


# --- Afterwards: still up, and nothing leaked -------------------------------------------------


@pytest.mark.fault
def test_still_answers_and_never_logged_the_token(fake: FakeDiscord, bot: BotProcess) -> None:
    ask(fake, MENTION)  # a bad input, then a good one
    _, replies = ask(fake, f"{MENTION} what did Zelensky say in Bucha?")

    assert_cited_answer(text_of(replies))
    assert_alive(bot)
    # on_ready logs GUILD_READY_TIMEOUT_S after connecting: run alone (`pytest -m fault`), this
    # test can get here before it.
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while "connected as qabot" not in bot.log and time.monotonic() < deadline:
        time.sleep(0.1)
    log = bot.log
    assert "connected as qabot" in log
    assert TOKEN not in log
    assert "Traceback" not in log
    assert "heartbeat blocked" not in log and "Can't keep up" not in log
    assert fake.problems == []


# An article with what a terminal obeys or hides: a one-byte CSI (ESC itself is escaped by
# discord.py's JSON), a right-to-left override and a zero-width space.
HOSTILE_ARTICLE = (
    "The city council of Port Avel approved the harbour expansion on Tuesday.\n\n"
    "Mayor Ines Duarte said the project would\u202e create hundreds of jobs\u200b within two "
    "years,\x9b2K according to the council.\n"
)


SHARED_ARTICLES = REPO.parent / "shared" / "articles"
TWO_ARTICLES = (SHARED_ARTICLES / "indiana-teachers.txt", SHARED_ARTICLES / "nasa-clps.txt")
RALLY = "How many people registered for the rally?"  # only the teachers' article says


def test_slash_ask_answers_from_the_article_picked_and_its_chain_keeps_it(
    tmp_path: Path,
) -> None:
    if not all(path.is_file() for path in TWO_ARTICLES):
        pytest.fail(f"the shared articles are missing from {SHARED_ARTICLES}")
    paths = [str(path) for path in TWO_ARTICLES]
    ingest = run_qabot(["ingest", *paths], chroma=tmp_path / "chroma", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    fake = FakeDiscord().start()
    bot = start_bot(fake, tmp_path, QABOT_DISCORD_COOLDOWN_S="0")
    try:
        suggested = fake.autocomplete_ask("lunar", author_id=new_member())
        every = fake.autocomplete_ask("", author_id=new_member())
        by_number = fake.response_of(
            fake.send_ask("Who wrote this?", author_id=new_member(), article="2")
        )
        by_title = fake.response_of(
            fake.send_ask("Who wrote this?", author_id=new_member(), article="TEACHERS")
        )
        unknown = fake.response_of(
            fake.send_ask("Who wrote this?", author_id=new_member(), article="submarine")
        )
        member = new_member()
        picked = fake.response_of(fake.send_ask("What is CLPS?", author_id=member, article="nasa"))
        _, follow_up = ask(fake, RALLY, author_id=member, reply_to=picked[-1].id, mention_bot=False)
        _, unpicked = ask(fake, f"{MENTION} {RALLY}")
    finally:
        bot.stop()
        fake.stop()
    assert fake.problems == [], "the bot did something real Discord refuses"

    lander = "2. NASA adds five companies to commercial lunar lander program (nasa-clps.txt)"
    assert suggested == [{"name": lander, "value": "2"}]
    assert [choice["value"] for choice in every] == ["1", "2"]
    # "Who wrote this?" of the article picked, by its number or a part of its title.
    assert "Jeff Foust" in text_of(by_number) and "Tom Davies" not in text_of(by_number)
    assert "Tom Davies" in text_of(by_title) and "Jeff Foust" not in text_of(by_title)
    notice = text_of(unknown)
    assert "no article's title or file name contains “submarine”" in notice, notice
    assert "indiana-teachers.txt" in notice and "nasa-clps.txt" in notice, "what to pick from"
    assert "Traceback" not in bot.log
    # A reply in the chain is asked of the article /ask picked, which says nothing of a rally.
    assert "doesn't say" in text_of(follow_up) and "15,000" not in text_of(follow_up)
    assert "15,000" in text_of(unpicked), "asked of all the articles, the rally is found"
    assert_pings_nobody([*by_number[1:], *unknown[1:], *follow_up])


def test_article_text_reaches_the_log_only_written_out(tmp_path: Path, seeded_index: Path) -> None:
    # At DEBUG, discord.py logs the JSON of every message the bot posts, quotes included.
    shutil.copytree(seeded_index, tmp_path / "chroma")
    article = tmp_path / "harbour.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    ingest = run_qabot(["ingest", str(article)], chroma=tmp_path / "chroma", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    fake = FakeDiscord().start()
    bot = start_bot(fake, tmp_path)
    try:
        _, replies = ask(fake, f"{MENTION} What did Ines Duarte say?")
        assert "hundreds of jobs" in text_of(replies)
        assert "\u202e" in text_of(replies), "Discord is sent the article's text as it is"
    finally:
        bot.stop()
        fake.stop()
    log = bot.log
    assert "would\\u202e create hundreds of jobs\\u200b within two years,\\x9b2K" in log
    hidden = {c for c in log if c not in "\n\t" and unicodedata.category(c) in ("Cc", "Cf")}
    assert not hidden, f"raw in the bot's log: {sorted(hidden)!r}"


def test_answering_never_imports_langchain(tmp_path: Path, seeded_index: Path) -> None:
    shutil.copytree(seeded_index, tmp_path / "chroma")
    fake = FakeDiscord().start()
    bot = start_bot(fake, tmp_path, PYTHONPROFILEIMPORTTIME="1")
    try:
        _, replies = ask(fake, f"{MENTION} What did Peskov say?")
        assert "nothing is changing" in text_of(replies)
    finally:
        bot.stop()
        fake.stop()
    imported = imported_packages(bot.log)
    assert {"discord", "chromadb", "onnxruntime"} <= imported
    assert not set(LANGCHAIN) & imported, sorted(set(LANGCHAIN) & imported)


# --- In-process: what the real engine cannot be made to do ------------------------------------


class ScriptedEngine:
    """An engine that is slow or fails on demand, which the real one cannot be made to be.

    `time.sleep` blocks like the real engine's CPU work does: on the event loop it would stall
    the gateway.
    """

    def __init__(self, *, delay_s: float = 0.0, error: Exception | None = None) -> None:
        self.delay_s = delay_s
        self.error = error

    def ensure_index(self, progress: object = None) -> None:
        return None

    def ask(
        self,
        question: str,
        history: object = (),
        on_token: object = None,
        *,
        article: str | None = None,
    ) -> Answer:
        time.sleep(self.delay_s)
        if self.error is not None:
            raise self.error
        quote = Citation(1, "nothing is changing", "bundled:x", "An article", 2, 0, 19)
        return Answer(question=question, text="He said nothing changes. [1]", citations=[quote])


def run_in_process(
    engine: ScriptedEngine, scenario: Callable[[FakeDiscord], T], **settings: str
) -> T:
    """Run `scenario` (blocking calls on a fresh fake) while an in-process bot serves it."""
    fake = FakeDiscord().start()
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    point_at(fake.api_base, fake.gateway_url)
    options = {"DISCORD_TOKEN": TOKEN, "QABOT_DISCORD_COOLDOWN_S": "0", **settings}

    async def serve() -> T:
        bot = make_bot(Settings(_env_file=None, **options), engine_factory=lambda _: engine)  # type: ignore[arg-type]
        running = asyncio.create_task(bot.start(TOKEN))
        try:
            assert await asyncio.to_thread(fake.guild_sent.wait, 30), "the bot did not connect"
            return await asyncio.to_thread(scenario, fake)
        finally:
            await bot.close()
            await running

    try:
        result = asyncio.run(serve())
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved
        fake.stop()
    assert fake.problems == [], "the bot did something real Discord refuses"
    return result


def test_engine_failure_gets_an_apology_and_a_logged_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def scenario(fake: FakeDiscord) -> tuple[list[Post], list[Post]]:
        _, first = ask(fake, f"{MENTION} what did Peskov say?")
        _, second = ask(fake, f"{MENTION} and Lukashenko?")
        return first, second

    broken = ScriptedEngine(error=RuntimeError("the index went away"))
    for replies in run_in_process(broken, scenario):
        assert "something went wrong" in text_of(replies)
        assert "index went away" not in text_of(replies)
        assert_pings_nobody(replies)
    assert "RuntimeError: the index went away" in caplog.text


def test_slow_answers_run_side_by_side_and_never_stall_the_heartbeat() -> None:
    delay_s, questions = 1.5, 4

    def scenario(fake: FakeDiscord) -> tuple[float, list[float]]:
        started = time.monotonic()
        asked = [
            fake.send_message(f"{MENTION} question {i}?", author_id=new_member())
            for i in range(questions)
        ]
        for replies in fake.replies_to_each(asked, quiet=0.0):
            assert "[1]" in text_of(replies)
        took = time.monotonic() - started
        time.sleep(2 * HEARTBEAT_INTERVAL_MS / 1000)
        beats = [at for at in fake.heartbeats if at >= started]
        return took, [later - earlier for earlier, later in itertools.pairwise(beats)]

    took, gaps = run_in_process(
        ScriptedEngine(delay_s=delay_s),
        scenario,
        QABOT_DISCORD_MAX_IN_FLIGHT=str(questions),
    )

    assert took < 2 * delay_s, f"{questions} questions took {took:.1f} s: they ran one by one"
    assert gaps and max(gaps) < 2 * HEARTBEAT_INTERVAL_MS / 1000, f"heartbeat gaps {gaps}"


def test_sharded_bot_connects_and_answers() -> None:
    def scenario(fake: FakeDiscord) -> tuple[list[Post], dict[str, Any], list[dict[str, Any]]]:
        _, replies = ask(fake, f"{MENTION} what did Peskov say?")
        return replies, fake.identifies[-1], fake.synced_commands["global"]

    replies, identify, commands = run_in_process(
        ScriptedEngine(), scenario, QABOT_DISCORD_SHARDS="auto"
    )

    assert "[1]" in text_of(replies)
    assert identify["shard"] == [0, 1], "the shard count comes from GET /gateway/bot"
    assert [command["name"] for command in commands] == ["ask"]


def test_allow_lists_keep_the_bot_to_its_channels(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="bot.discord.bot")

    def scenario(fake: FakeDiscord) -> tuple[list[Post], list[Post], list[int], list[Post]]:
        question = f"{MENTION} what did Peskov say?"
        ignored = [
            fake.send_message(question, author_id=new_member(), channel_id=QUIET_CHANNEL_ID),
            fake.send_message(question, author_id=new_member(), channel_id=DM_CHANNEL_ID),
        ]
        token = fake.send_ask(question, author_id=new_member(), channel_id=QUIET_CHANNEL_ID)
        # Sent after the others, so answered after the bot has dealt with them.
        allowed = fake.send_message(question, author_id=new_member())
        answered = fake.replies_to(allowed)
        refused = fake.response_of(token)
        replies = [post for post in fake.posts if post.reference_id in ignored]
        return answered, refused, ignored, replies

    answered, refused, ignored, ignored_replies = run_in_process(
        ScriptedEngine(), scenario, QABOT_DISCORD_ALLOWED_CHANNELS=str(CHANNEL_ID)
    )

    assert "[1]" in text_of(answered)
    for message_id in ignored:
        assert f"ignored message {message_id}: not in an allowed channel" in caplog.text
    assert ignored_replies == [], "no answer in other channels, nor in DMs"
    [refusal] = refused
    assert refusal.ephemeral and "this channel" in refusal.content


# --- Parts ------------------------------------------------------------------------------------


def _turn(question: str) -> Turn:
    return Turn(question, question, Answer(question=question, text="…"))


def test_conversations_are_bounded_and_fork_instead_of_mixing() -> None:
    conversations = Conversations(max_chains=3, max_turns=2)
    conversations.remember([1], [_turn("a")])
    conversations.remember([2], [*conversations.history(1), _turn("b")])
    conversations.remember([3], [*conversations.history(1), _turn("c")])  # a second reply to 1
    conversations.remember([4], [*conversations.history(2), _turn("d")])

    assert [t.question for t in conversations.history(2)] == ["a", "b"]
    assert [t.question for t in conversations.history(3)] == ["a", "c"]
    assert [t.question for t in conversations.history(4)] == ["b", "d"], "only the last turns"
    assert 1 not in conversations and len(conversations) == 3, "the oldest chain is forgotten"
    assert conversations.history(999) == ()

    conversations.remember([5], [_turn("e")], article="/news/a.txt")
    conversations.remember([6], [*conversations.history(5), _turn("f")])
    assert conversations.chain(5).article == "/news/a.txt"
    assert conversations.chain(6).article is None and conversations.chain(999).article is None


def test_shards_auto_makes_an_autosharded_bot() -> None:
    def settings(shards: str) -> Settings:
        return Settings(_env_file=None, QABOT_DISCORD_SHARDS=shards)

    def no_engine(_: Settings) -> None:
        raise AssertionError("the engine is opened in setup_hook, not before")

    sharded = make_bot(settings("auto"), engine_factory=no_engine)  # type: ignore[arg-type]
    single = make_bot(settings("off"), engine_factory=no_engine)  # type: ignore[arg-type]

    assert isinstance(sharded, discord.AutoShardedClient) and isinstance(sharded, QabotBot)
    assert not isinstance(single, discord.AutoShardedClient)
