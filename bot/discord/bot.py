"""The Discord front end: a discord.py bot answering questions about the article, with citations."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.utils import escape_markdown

from bot.discord.admission import (
    NOT_HERE,
    Gate,
    is_allowed_place,
    problem_with,
    question_from,
)
from bot.discord.render import article_choices, render_answer, render_draft, render_notice
from bot.terminal import InertFormatter
from retrieval.answer import Answer, Turn
from retrieval.errors import QabotError
from retrieval.settings import Settings

if TYPE_CHECKING:
    from retrieval.engine import Engine
    from retrieval.index.articles import IndexedArticle

_log = logging.getLogger(__name__)

# --- Tunables ------------------------------------------------------------------------------
# Reply chains remembered (LRU), and turns of one chain passed to the engine as history.
MAX_CONVERSATIONS = 2000
MAX_HISTORY_TURNS = 6
# How long on_ready waits for the guilds announced in READY (discord.py's default).
GUILD_READY_TIMEOUT_S = 2.0
# While an LLM's reply streams, the /ask response or the draft reply to a mention is edited with
# it at most this often (Discord rate-limits edits; once a second reads as live without nearing
# the limit).
STREAM_EDIT_INTERVAL_S = 1.0
# Messages kept by discord.py's cache; replies are resolved from our own conversation store.
MAX_CACHED_MESSAGES = 1000
# Nothing the bot posts may ping anyone: not @everyone, not a role, not a user, not the asker.
NO_PINGS = discord.AllowedMentions.none()
PRESENCE = discord.Activity(type=discord.ActivityType.listening, name="@qabot and /ask")

# --- What users read -------------------------------------------------------------------------
ENGINE_FAILED = "Sorry, something went wrong while answering that. Please try again later."

# --- Messages for the terminal (one line each; `run` prints them and exits non-zero) ---------
MISSING_TOKEN = (
    "qabot: DISCORD_TOKEN is not set; add DISCORD_TOKEN=<your bot token> to .env or the "
    "environment (Developer Portal -> your app -> Bot -> Reset Token; see the README, Discord)"
)
INTENT_REFUSED = (
    "qabot: Discord refused the Message Content intent (close code 4014); turn on "
    "'Message Content Intent' in the Developer Portal -> your app -> Bot -> "
    "Privileged Gateway Intents (https://discord.com/developers/applications), then start again"
)
TOKEN_REFUSED = (
    "qabot: Discord refused DISCORD_TOKEN (401); copy a fresh one from the Developer Portal -> "
    "your app -> Bot -> Reset Token"
)

EXIT_OK = 0
EXIT_ERROR = 1

EngineFactory = Callable[[Settings], "Engine"]
Draft = Callable[[str], Awaitable[None]]


@dataclass(frozen=True)
class Chain:
    """A reply chain as it stands at one of the bot's answers."""

    turns: tuple[Turn, ...]
    # The source of the article picked with /ask's `article` option; None: all of them.
    article: str | None = None


class Conversations:
    """Which reply chain each of the bot's answers belongs to, as the turns leading to it and
    the article the chain was asked about, if one was picked.

    Bounded (least recently used chains are forgotten) and only touched from the event loop with
    no `await` between a read and a write, so concurrent messages cannot interleave an update.
    Turns are kept as tuples: two replies to one answer fork the chain instead of mixing it.
    """

    def __init__(self, max_chains: int = MAX_CONVERSATIONS, max_turns: int = MAX_HISTORY_TURNS):
        self._chains: OrderedDict[int, Chain] = OrderedDict()
        self._max_chains = max_chains
        self._max_turns = max_turns

    def __contains__(self, message_id: object) -> bool:
        return message_id in self._chains

    def __len__(self) -> int:
        return len(self._chains)

    def history(self, message_id: int | None) -> tuple[Turn, ...]:
        """The turns that led to the bot's message `message_id`; empty for unknown messages."""
        return self.chain(message_id).turns

    def chain(self, message_id: int | None) -> Chain:
        """The chain the bot's message `message_id` belongs to; an empty one if unknown."""
        if message_id is None or message_id not in self._chains:
            return Chain(())
        self._chains.move_to_end(message_id)
        return self._chains[message_id]

    def remember(
        self, message_ids: Iterable[int], turns: Sequence[Turn], article: str | None = None
    ) -> None:
        """Record that the bot's messages `message_ids` answered the last of `turns`, asked
        about `article` alone when one was picked."""
        kept = Chain(tuple(turns)[-self._max_turns :], article)
        for message_id in message_ids:
            self._chains[message_id] = kept
            self._chains.move_to_end(message_id)
        while len(self._chains) > self._max_chains:
            self._chains.popitem(last=False)


# --- The bot ---------------------------------------------------------------------------------


class QabotBot(commands.Bot):
    """Answers questions about the article on Discord; its engine is opened in `setup_hook`."""

    def __init__(
        self, *, settings: Settings, engine_factory: EngineFactory, **options: Any
    ) -> None:
        # qabot never joins voice; discord.py's warnings about missing voice libraries would
        # only make operators wonder what they failed to install.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        intents = discord.Intents.default()
        intents.message_content = True  # privileged: must be switched on in the developer portal
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents,
            allowed_mentions=NO_PINGS,
            activity=PRESENCE,
            chunk_guilds_at_startup=False,
            guild_ready_timeout=GUILD_READY_TIMEOUT_S,
            max_messages=MAX_CACHED_MESSAGES,
            **options,
        )
        self.settings = settings
        self.engine_factory = engine_factory
        self.engine: Engine | None = None
        self.conversations = Conversations()
        self.gate = Gate(
            cooldown_s=settings.discord_cooldown_s, max_running=settings.discord_max_in_flight
        )

    async def setup_hook(self) -> None:
        # Loading the model and opening Chroma take seconds of CPU: off the event loop.
        _log.info("loading the engine (index at %s)", self.settings.index_location)
        engine = await asyncio.to_thread(self.engine_factory, self.settings)
        await asyncio.to_thread(engine.ensure_index, progress=_log.info)
        self.engine = engine
        await self.add_cog(MentionQuestions(self))
        await self.add_cog(AskCommand(self))
        await self.sync_commands()

    async def sync_commands(self) -> None:
        """Register /ask: instantly in the configured guild, else globally (can take an hour)."""
        guild_id = self.settings.discord_guild
        if guild_id is None:
            synced = await self.tree.sync()
            _log.info("synced %d command(s) globally", len(synced))
            return
        guild = discord.Object(id=guild_id)
        self.tree.copy_global_to(guild=guild)
        synced = await self.tree.sync(guild=guild)
        _log.info("synced %d command(s) to guild %s", len(synced), guild_id)

    async def on_ready(self) -> None:
        assert self.user is not None
        _log.info(
            "connected as %s (id %s) to %d guild(s)", self.user, self.user.id, len(self.guilds)
        )

    # discord.py reconnects and resumes a dropped gateway session by itself (Discord drops
    # connections routinely); these lines let an operator match a quiet spell to a drop.
    async def on_disconnect(self) -> None:
        is_stopping = self.is_closed()  # our own close() also ends the connection
        if not is_stopping:
            _log.info("lost the connection to Discord; reconnecting")

    async def on_resumed(self) -> None:
        _log.info("reconnected to Discord; the session was resumed")

    async def on_message(self, message: discord.Message, /) -> None:
        # No prefix commands: the default would answer "@qabot what…" with CommandNotFound.
        # Questions in messages are handled by the MentionQuestions cog.
        return

    async def answer(
        self,
        question: str,
        history: Sequence[Turn],
        on_draft: Draft | None = None,
        *,
        article: str | None = None,
    ) -> Answer | str:
        """The engine's answer (from the article whose source is `article` alone, if given), or
        the one line to reply instead when it cannot give one.

        With an LLM engine, `on_draft` is awaited with the reply so far, at most once every
        STREAM_EDIT_INTERVAL_S, while the model writes; the returned answer is the checked one.
        """
        assert self.engine is not None, "setup_hook opens the engine before any event arrives"
        try:
            async with self.gate.engine_slot():
                if on_draft is not None and self.settings.uses_llm:
                    return await self._streamed(question, history, on_draft, article)
                # ask() embeds and searches: CPU work that must not stall the gateway heartbeat.
                return await asyncio.to_thread(self.engine.ask, question, history, article=article)
        except QabotError as error:
            return str(error)
        except Exception:
            _log.exception("the engine failed on a question of %d characters", len(question))
            return ENGINE_FAILED

    async def _streamed(
        self, question: str, history: Sequence[Turn], on_draft: Draft, article: str | None
    ) -> Answer:
        assert self.engine is not None
        # The engine's thread appends pieces; list.append is atomic, so no lock is needed.
        pieces: list[str] = []
        work = asyncio.ensure_future(
            asyncio.to_thread(self.engine.ask, question, history, pieces.append, article=article)
        )
        shown = 0
        while True:
            done, _ = await asyncio.wait({work}, timeout=STREAM_EDIT_INTERVAL_S)
            if done:
                return work.result()
            has_news = len(pieces) > shown
            if has_news:
                shown = len(pieces)
                try:
                    await on_draft("".join(pieces[:shown]))
                except discord.HTTPException:
                    # A lost draft is no loss: the checked answer replaces it anyway.
                    _log.warning("could not show a draft", exc_info=True)

    async def choose_article(self, choice: str) -> IndexedArticle | str:
        """The article `choice` names (a number or a part of its title or file name), or the
        message to reply instead."""
        assert self.engine is not None
        try:
            # Lists the index: the first time after an ingest it reads the index, off the loop.
            return await asyncio.to_thread(self.engine.choose_article, choice)
        except QabotError as error:
            return str(error)
        except Exception:
            _log.exception("could not list the articles to choose one")
            return ENGINE_FAILED

    async def articles(self) -> list[IndexedArticle]:
        """The index's articles, or none when they cannot be read (the reason is logged)."""
        assert self.engine is not None
        try:
            return await asyncio.to_thread(self.engine.articles)
        except Exception:
            _log.warning("could not list the articles", exc_info=True)
            return []


class ShardedQabotBot(QabotBot, commands.AutoShardedBot):
    """The same bot over as many gateway connections as Discord recommends, for big installs."""


class MentionQuestions(commands.Cog):
    """Questions in messages: a mention in a guild, a DM, or a reply to one of the bot's answers."""

    def __init__(self, bot: QabotBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None:
            _passed_over(message, "not logged in yet")
            return
        if message.author.bot:
            # Discord echoes the bot's own replies back to it: in a DM, answering them would
            # never end.
            _passed_over(message, "sent by me" if message.author.id == me.id else "sent by a bot")
            return
        is_dm = message.guild is None
        replied_to = message.reference.message_id if message.reference else None
        # Discord sends the replied-to message along; it tells replies to answers we forgot.
        resolved = message.reference.resolved if message.reference else None
        is_reply_to_me = replied_to in self.bot.conversations or (
            isinstance(resolved, discord.Message) and resolved.author.id == me.id
        )
        is_mentioned = any(user.id == me.id for user in message.mentions)
        if not (is_dm or is_mentioned or is_reply_to_me):
            _passed_over(message, "not addressed to me")
            return
        guild_id = message.guild.id if message.guild else None
        if not is_allowed_place(self.bot.settings, guild_id, message.channel):
            _passed_over(message, "not in an allowed channel")
            return

        question = question_from(message.content)
        problem = problem_with(question, has_attachments=bool(message.attachments))
        if problem is not None:
            _replied(message, await self._reply(message, render_notice(problem)))
            return
        refusal = self.bot.gate.admit(message.author.id)
        if refusal is not None:
            _replied(message, await self._reply(message, render_notice(refusal)))
            return
        try:
            await self._answer(message, question, self.bot.conversations.chain(replied_to))
        finally:
            self.bot.gate.release()

    async def _answer(self, message: discord.Message, question: str, chain: Chain) -> None:
        # With an LLM engine, the reply so far is posted as a draft reply, then edited in place.
        draft: discord.Message | None = None

        async def show_draft(text: str) -> None:
            nonlocal draft
            content = render_draft(text)
            if draft is None:
                draft = await message.reply(
                    content, mention_author=False, allowed_mentions=NO_PINGS
                )
            else:
                await draft.edit(content=content, allowed_mentions=NO_PINGS)

        async with contextlib.AsyncExitStack() as typing:
            try:
                # Kept on while drafts show: it tells readers the model is still writing.
                await typing.enter_async_context(message.channel.typing())
            except discord.HTTPException as error:
                # "typing…" is a courtesy: a channel that refuses it still gets its answer.
                _log.warning("cannot show typing in channel %s: %s", message.channel.id, error)
            result = await self.bot.answer(
                question, chain.turns, on_draft=show_draft, article=chain.article
            )
        if isinstance(result, str):
            _replied(message, await self._finish(message, draft, render_notice(result)))
            return
        sent = await self._finish(message, draft, render_answer(result))
        _replied(message, sent)
        turn = Turn(question, result.resolved_question or question, result)
        self.bot.conversations.remember((m.id for m in sent), (*chain.turns, turn), chain.article)

    async def _finish(
        self, message: discord.Message, draft: discord.Message | None, chunks: list[str]
    ) -> list[discord.Message]:
        """Post `chunks` as the answer to `message`, the first in place of the draft if one shows.

        Returns the messages holding the answer; a failure is logged, not raised.
        """
        if draft is None or not chunks:
            return await self._reply(message, chunks)
        try:
            first = await draft.edit(content=chunks[0], allowed_mentions=NO_PINGS)
        except discord.HTTPException:
            # The draft may be gone (deleted by a moderator); the answer must still arrive.
            _log.warning("could not edit draft %s; replying instead", draft.id, exc_info=True)
            return await self._reply(message, chunks)
        return [first, *await self._reply(message, chunks[1:])]

    async def _reply(self, message: discord.Message, chunks: list[str]) -> list[discord.Message]:
        """Post `chunks` as replies to `message`; a failure is logged, not raised."""
        sent: list[discord.Message] = []
        try:
            for chunk in chunks:
                # Every part replies to the question, so concurrent answers stay attributable.
                sent.append(
                    await message.reply(chunk, mention_author=False, allowed_mentions=NO_PINGS)
                )
        except discord.HTTPException:
            _log.warning("could not reply in channel %s", message.channel.id, exc_info=True)
        return sent


def _replied(message: discord.Message, sent: list[discord.Message]) -> None:
    """Say at DEBUG that the bot is done with a message, and in how many messages it replied."""
    _log.debug("replied to message %s in %d message(s)", message.id, len(sent))


def _passed_over(message: discord.Message, reason: str) -> None:
    """Say at DEBUG which message the bot stays silent on and why: an operator wondering why
    it did not answer (and the tests) can see it. Never the text: it is not ours to log."""
    _log.debug("ignored message %s: %s", message.id, reason)


class AskCommand(commands.Cog):
    """The `/ask question:` slash command."""

    def __init__(self, bot: QabotBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask", description="Ask about the article; the answer cites it.")
    @app_commands.describe(
        question="What you want to know, e.g. what did Peskov say?",
        article="Answer from this article only: its number, or a part of its title or file name",
    )
    async def ask(
        self, interaction: discord.Interaction, question: str, article: str | None = None
    ) -> None:
        if not is_allowed_place(self.bot.settings, interaction.guild_id, interaction.channel):
            await self._refuse(interaction, NOT_HERE)
            return
        question = question.strip()
        problem = problem_with(question)
        if problem is not None:
            await self._refuse(interaction, problem)
            return
        refusal = self.bot.gate.admit(interaction.user.id)
        if refusal is not None:
            await self._refuse(interaction, refusal)
            return
        try:
            await self._answer(interaction, question, (article or "").strip())
        finally:
            self.bot.gate.release()

    @ask.autocomplete("article")
    async def suggest_articles(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """The index's articles whose number, title or file name holds what is typed so far."""
        is_allowed = is_allowed_place(self.bot.settings, interaction.guild_id, interaction.channel)
        if not is_allowed or self.bot.engine is None:
            return []
        return article_choices(await self.bot.articles(), current)

    async def _answer(self, interaction: discord.Interaction, question: str, choice: str) -> None:
        source: str | None = None
        try:
            # Discord drops an interaction not acknowledged within 3 s; "thinking" buys 15 min.
            await interaction.response.defer(thinking=True)

            async def show_draft(text: str) -> None:
                await interaction.edit_original_response(
                    content=render_draft(text, question=question), allowed_mentions=NO_PINGS
                )

            chosen = await self.bot.choose_article(choice) if choice else None
            if isinstance(chosen, str):
                # It lists titles and echoes what was typed: shown as written, never as markup.
                result: Answer | str = escape_markdown(chosen)
            else:
                source = chosen.source if chosen else None
                result = await self.bot.answer(question, (), on_draft=show_draft, article=source)
            if isinstance(result, str):
                chunks = render_notice(result)
            else:
                chunks = render_answer(result, question=question)
            first = await interaction.edit_original_response(
                content=chunks[0], allowed_mentions=NO_PINGS
            )
            sent = [first]
            for chunk in chunks[1:]:
                sent.append(
                    await interaction.followup.send(chunk, allowed_mentions=NO_PINGS, wait=True)
                )
        except discord.HTTPException:
            _log.warning("could not answer /ask %s", interaction.id, exc_info=True)
            return
        if isinstance(result, Answer):
            turn = Turn(question, result.resolved_question or question, result)
            # A reply to the answer goes on asking about the article picked here.
            self.bot.conversations.remember((m.id for m in sent), (turn,), source)

    async def _refuse(self, interaction: discord.Interaction, text: str) -> None:
        """Tell only the asker (ephemeral), since nobody else needs to read it."""
        try:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
        except discord.HTTPException:
            _log.warning("could not refuse /ask %s", interaction.id, exc_info=True)


# --- Running it ------------------------------------------------------------------------------


def make_bot(settings: Settings, engine_factory: EngineFactory) -> QabotBot:
    """The bot for these settings: sharded when QABOT_DISCORD_SHARDS=auto."""
    bot_class = ShardedQabotBot if settings.discord_shards == "auto" else QabotBot
    return bot_class(settings=settings, engine_factory=engine_factory)


def point_at(api_base: str, gateway: str) -> None:
    """Talk to this Discord (or a compatible server, or the tests' fake) instead of discord.com.

    discord.py reads both as class attributes when it builds a request or opens the gateway,
    so they must be set before the bot logs in.
    """
    discord.http.Route.BASE = api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)


class RedactingFormatter(InertFormatter):
    """Formats records, tracebacks included, inert on a terminal (log lines carry questions,
    answers and Discord's payloads) and with every occurrence of the secret blanked out."""

    def __init__(self, fmt: str, secret: str) -> None:
        super().__init__(fmt)
        self._secret = secret

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text.replace(self._secret, "[token]") if self._secret else text


def setup_logging(settings: Settings, token: str) -> None:
    """Log to stderr at the configured level, never showing the token nor anything a terminal
    would obey."""
    level = logging.getLevelNamesMapping().get(settings.log_level.upper(), logging.WARNING)

    def shown(record: logging.LogRecord) -> bool:
        # Our own few start-up lines show at INFO whatever the level: a service that says
        # nothing until it fails looks hung.
        return record.levelno >= level or (
            record.name == __name__ and record.levelno >= logging.INFO
        )

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s", token)
    )
    # Filtering here rather than by logger level also quiets libraries that set their own
    # logger to DEBUG on import (bm25s does).
    handler.addFilter(shown)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(min(level, logging.INFO))
    # Progress bars of the model load are noise in a service log.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def run(settings: Settings, engine_factory: EngineFactory | None = None) -> int:
    """Run the bot until it is stopped; returns the process exit code."""
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    setup_logging(settings, token)
    if not token:
        print(MISSING_TOKEN, file=sys.stderr)
        return EXIT_ERROR
    if engine_factory is None:
        from retrieval.engine import make_engine

        engine_factory = make_engine
    point_at(settings.discord_api_base, settings.discord_gateway)
    try:
        asyncio.run(_serve(settings, engine_factory, token))
    except discord.PrivilegedIntentsRequired:
        print(INTENT_REFUSED, file=sys.stderr)
        return EXIT_ERROR
    except discord.LoginFailure:
        print(TOKEN_REFUSED, file=sys.stderr)
        return EXIT_ERROR
    except QabotError as error:
        print(f"qabot: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        pass
    return EXIT_OK


async def _serve(settings: Settings, engine_factory: EngineFactory, token: str) -> None:
    # The bot is built inside the loop that runs it: its semaphore and session belong there.
    bot = make_bot(settings, engine_factory)
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows
        loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        await bot.start(token)
    _log.info("stopped")


if __name__ == "__main__":
    from retrieval.settings import load_settings

    try:
        loaded = load_settings()
    except QabotError as settings_error:
        print(f"qabot: error: {settings_error}", file=sys.stderr)
        sys.exit(EXIT_ERROR)
    sys.exit(run(loaded))
