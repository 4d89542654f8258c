"""Who may ask the Discord bot, where and how often: question checks, allow-lists, load limits."""

from __future__ import annotations

import asyncio
import math
import re

from discord.ext import commands

from retrieval.settings import Settings

# The engine cuts questions longer than this; refusing them says so instead of answering half.
MAX_QUESTION_CHARS = 1000
# Questions that may wait for an engine slot, per slot, before newcomers are told to come back.
MAX_WAITING_PER_SLOT = 4

# --- What users read -------------------------------------------------------------------------
HOW_TO_ASK = (
    "Ask me about the article: mention me with a question, for example "
    "`@qabot what did Peskov say?`, or use `/ask`."
)
TOO_LONG = "That question is {length} characters long; please ask it in under {limit}."
CODE_BLOCK = "I answer questions in plain words, not code blocks; please ask without the ``` block."
ATTACHMENT_ONLY = "I can only read text, not attachments; please type your question."
ON_COOLDOWN = "You're asking quickly! Please wait {seconds} s before your next question."
BUSY = "I'm answering a lot of questions right now; please ask again in a minute."
NOT_HERE = "I don't answer questions in this channel."

# Mentions of anyone (users, roles, channels, @everyone, @here) are addressing, not question.
MENTION_MARKUP = re.compile(r"<@[!&]?\d+>|<#\d+>|@(?:everyone|here)\b")


def question_from(content: str) -> str:
    """The question in a message: its text without mentions, the bot's or anyone else's."""
    return " ".join(MENTION_MARKUP.sub(" ", content).split())


def problem_with(question: str, *, has_attachments: bool = False) -> str | None:
    """A friendly reply for a question the engine should not see, or None when it may."""
    if not question:
        return ATTACHMENT_ONLY if has_attachments else HOW_TO_ASK
    if len(question) > MAX_QUESTION_CHARS:
        return TOO_LONG.format(length=len(question), limit=MAX_QUESTION_CHARS)
    if "```" in question:
        return CODE_BLOCK
    return None


def is_allowed_place(settings: Settings, guild_id: int | None, channel: object) -> bool:
    """Whether the allow-lists let the bot answer here; with any list set, DMs are not."""
    allowed_guilds = settings.discord_allowed_guilds
    allowed_channels = settings.discord_allowed_channels
    if not allowed_guilds and not allowed_channels:
        return True
    if guild_id is None:
        return False
    if allowed_guilds and guild_id not in allowed_guilds:
        return False
    if not allowed_channels:
        return True
    # A thread counts as its parent channel, so allowing a channel allows its threads.
    place_ids = {getattr(channel, "id", None), getattr(channel, "parent_id", None)}
    return bool(place_ids & set(allowed_channels))


class Gate:
    """Who may put the engine to work now: a per-user cooldown and a global cap on work in flight.

    At most `max_running` questions run in the engine at once; up to `MAX_WAITING_PER_SLOT` per
    slot wait their turn (showing "typing"); past that, newcomers get a polite refusal.
    """

    def __init__(self, *, cooldown_s: float, max_running: int) -> None:
        self._cooldowns: commands.CooldownMapping[int] = commands.CooldownMapping.from_cooldown(
            1, cooldown_s, _by_user
        )
        self._use_cooldown = cooldown_s > 0
        self._running = asyncio.Semaphore(max_running)
        self.capacity = max_running * (1 + MAX_WAITING_PER_SLOT)
        self.admitted = 0

    def admit(self, user_id: int) -> str | None:
        """Reserve a place for this user's question, or return the refusal to reply with.

        Synchronous on purpose: the check and the reservation cannot be split by another message.
        Every admission must be followed by exactly one `release()`.
        """
        if self.admitted >= self.capacity:
            return BUSY
        retry_after = self._cooldowns.update_rate_limit(user_id) if self._use_cooldown else None
        if retry_after:
            return ON_COOLDOWN.format(seconds=math.ceil(retry_after))
        self.admitted += 1
        return None

    def release(self) -> None:
        self.admitted -= 1

    def engine_slot(self) -> asyncio.Semaphore:
        """Hold this while the engine works on an admitted question."""
        return self._running


def _by_user(user_id: int) -> int:
    return user_id
