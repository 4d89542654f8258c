"""A fake Discord on 127.0.0.1 for end-to-end tests: a JSON gateway and the REST routes bots use.

It speaks the real protocol over real sockets, so the bot under test runs the unmodified discord.py
client. It also behaves like Discord where a bot can get things wrong: content over 2000 characters
and unknown routes are refused and recorded in `problems`, so a test can fail on them.

It runs its own event loop in a thread; its public methods are plain, thread-safe calls for tests.

The gateway keeps sessions as Discord does: a connection that IDENTIFYs starts one and gets the
events dispatched from then on; one that RESUMEs a known session (op 6) is sent the events it
missed, then RESUMED. A test can drop every connection (`drop_connections`), keep the gateway
from answering new ones for a while (`hold=True`, until `reopen_gateway`), or ask the bot to
reconnect (op 7, `request_reconnect`).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

API_PREFIX = "/api/v10"
GATEWAY_PATH = "/gateway"
TOKEN = "FAKE.discord-bot-token.do-not-log-me-8c1f9e2a"
# The heartbeat interval asked of the bot: short, so that a stalled event loop shows up fast.
HEARTBEAT_INTERVAL_MS = 500
MESSAGE_LIMIT = 2000
EPHEMERAL_FLAG = 1 << 6
# Interaction and callback types (Discord's docs, "Receiving and Responding").
APPLICATION_COMMAND = 2
APPLICATION_COMMAND_AUTOCOMPLETE = 4
AUTOCOMPLETE_RESULT = 8
STRING_OPTION = 3
DISCORD_EPOCH_MS = 1_420_070_400_000

BOT_ID = 900_000_000_000_000_001
APP_ID = BOT_ID  # as for every modern Discord bot
OWNER_ID = 900_000_000_000_000_002
GUILD_ID = 900_000_000_000_000_100
CHANNEL_ID = 900_000_000_000_000_101
QUIET_CHANNEL_ID = 900_000_000_000_000_102
ASK_COMMAND_ID = 900_000_000_000_000_200
GUILD_CHANNEL_IDS = (CHANNEL_ID, QUIET_CHANNEL_ID)
ALL_PERMISSIONS = str((1 << 50) - 1)

BOT_USER: dict[str, Any] = {
    "id": str(BOT_ID),
    "username": "qabot",
    "discriminator": "0",
    "global_name": None,
    "avatar": None,
    "bot": True,
    "verified": True,
    "mfa_enabled": False,
    "flags": 0,
    "public_flags": 0,
}


def user_payload(user_id: int, *, name: str | None = None, bot: bool = False) -> dict[str, Any]:
    """A Discord user object for a test member."""
    name = name or f"user{user_id % 100_000}"
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": name.title(),
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py parses a body as JSON only when the content type is exactly this;
    # aiohttp's json_response would add "; charset=utf-8".
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


@dataclass
class Post:
    """Something the bot posted: a channel message, an interaction callback, a follow-up or edit."""

    # "message", "callback", "followup", "edit" (of an /ask response) or "message_edit" (of a
    # channel message; `id` is the edited message's, `content` its new content)
    kind: str
    id: int
    channel_id: int
    content: str
    payload: dict[str, Any]
    at: float = field(default_factory=time.monotonic)

    @property
    def reference_id(self) -> int | None:
        """The message this post replies to, if any."""
        reference = self.payload.get("message_reference") or {}
        return int(reference["message_id"]) if "message_id" in reference else None

    @property
    def allowed_mentions(self) -> dict[str, Any] | None:
        """The `allowed_mentions` the bot sent; None means none, i.e. Discord's ping-all default."""
        data = self.payload.get("data", self.payload) if self.kind == "callback" else self.payload
        return data.get("allowed_mentions")

    @property
    def ephemeral(self) -> bool:
        data = self.payload.get("data", {}) if self.kind == "callback" else self.payload
        return bool((data.get("flags") or 0) & EPHEMERAL_FLAG)


@dataclass
class Interaction:
    """An /ask the test sent, and the message Discord keeps as its response."""

    id: int
    token: str
    channel_id: int
    original_id: int
    original: dict[str, Any] | None = None


class FakeDiscord:
    """The gateway and REST API of Discord, as far as a replying bot needs them."""

    def __init__(self, *, close_code_on_identify: int | None = None) -> None:
        self.close_code_on_identify = close_code_on_identify
        self.port = 0
        self.posts: list[Post] = []
        self.typing: list[tuple[int, float]] = []
        self.heartbeats: list[float] = []
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []  # the RESUME payloads of known sessions
        self.replayed: list[dict[str, Any]] = []  # events sent again on a RESUME
        self.presences: list[dict[str, Any]] = []
        self.synced_commands: dict[str, list[dict[str, Any]]] = {}
        self.problems: list[str] = []
        self.guild_sent = threading.Event()
        self._messages: dict[int, dict[str, Any]] = {}
        self._interactions: dict[str, Interaction] = {}
        self._changed = threading.Condition()
        self._ids = itertools.count()
        self._sequence = itertools.count(1)
        # Connections with a session (IDENTIFY or RESUME done): they get what is dispatched.
        self._sockets: set[web.WebSocketResponse] = set()
        self._sessions = itertools.count(1)
        self._known_sessions: set[str] = set()
        # Every event dispatched to all sessions, for a RESUME to send again what it missed.
        self._dispatched: list[dict[str, Any]] = []
        self._gateway_open: asyncio.Event | None = None
        self._send_lock: asyncio.Lock | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None

    # --- life cycle --------------------------------------------------------------------------

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}{GATEWAY_PATH}"

    def start(self) -> FakeDiscord:
        """Serve on a free port of 127.0.0.1 from a background thread; returns once listening."""
        started = threading.Event()
        self._loop = asyncio.new_event_loop()

        def serve() -> None:
            assert self._loop is not None
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(self._serve())
            started.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=serve, name="fake-discord", daemon=True)
        self._thread.start()
        if not started.wait(10):
            raise RuntimeError("the fake Discord did not start")
        return self

    def stop(self) -> None:
        if self._loop is None or self._thread is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    async def _serve(self) -> None:
        self._send_lock = asyncio.Lock()
        self._gateway_open = asyncio.Event()
        self._gateway_open.set()
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_get(GATEWAY_PATH, self._gateway)
        api = API_PREFIX
        app.router.add_get(f"{api}/users/@me", self._get_me)
        app.router.add_get(f"{api}/oauth2/applications/@me", self._get_application)
        app.router.add_get(f"{api}/gateway/bot", self._get_gateway_bot)
        app.router.add_get(f"{api}/gateway", self._get_gateway_bot)
        app.router.add_put(f"{api}/applications/{{app}}/commands", self._put_commands)
        app.router.add_put(
            f"{api}/applications/{{app}}/guilds/{{guild}}/commands", self._put_commands
        )
        app.router.add_post(f"{api}/channels/{{channel}}/messages", self._post_message)
        app.router.add_patch(
            f"{api}/channels/{{channel}}/messages/{{message}}", self._patch_message
        )
        app.router.add_post(f"{api}/channels/{{channel}}/typing", self._post_typing)
        app.router.add_post(f"{api}/interactions/{{id}}/{{token}}/callback", self._post_callback)
        app.router.add_post(f"{api}/webhooks/{{app}}/{{token}}", self._post_followup)
        app.router.add_patch(
            f"{api}/webhooks/{{app}}/{{token}}/messages/@original", self._patch_original
        )
        app.router.add_route("*", "/{tail:.*}", self._unknown)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def _shutdown(self) -> None:
        assert self._gateway_open is not None
        self._gateway_open.set()  # connections waiting for their HELLO end with the server
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what tests do -----------------------------------------------------------------------

    def send_message(
        self,
        content: str,
        *,
        author_id: int,
        channel_id: int = CHANNEL_ID,
        mention_bot: bool = True,
        reply_to: int | None = None,
        attachments: tuple[str, ...] = (),
        author_is_bot: bool = False,
    ) -> int:
        """Post a message as a member and dispatch its MESSAGE_CREATE; returns its id.

        `mention_bot` puts the bot in `mentions`, as Discord does for `<@bot>` in the content and
        for a reply that pings; it does not change the content.
        """
        message_id = self._next_id()
        in_guild = channel_id in GUILD_CHANNEL_IDS
        payload: dict[str, Any] = {
            "id": str(message_id),
            "channel_id": str(channel_id),
            "author": user_payload(author_id, bot=author_is_bot),
            "content": content,
            "timestamp": _now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": "@everyone" in content or "@here" in content,
            "mentions": [BOT_USER] if mention_bot else [],
            "mention_roles": [],
            "attachments": [self._attachment(name) for name in attachments],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
        }
        if in_guild:
            payload["guild_id"] = str(GUILD_ID)
            payload["member"] = {"roles": [], "joined_at": _now(), "deaf": False, "mute": False}
        if reply_to is not None:
            payload["type"] = 19  # REPLY
            payload["message_reference"] = {
                "type": 0,
                "message_id": str(reply_to),
                "channel_id": str(channel_id),
                **({"guild_id": str(GUILD_ID)} if in_guild else {}),
            }
            payload["referenced_message"] = self._messages.get(reply_to)
        self._messages[message_id] = payload
        self._call(self._dispatch("MESSAGE_CREATE", payload))
        return message_id

    def send_ask(
        self,
        question: str,
        *,
        author_id: int,
        channel_id: int = CHANNEL_ID,
        article: str | None = None,
    ) -> str:
        """Run `/ask question:` (and `article:` when given) as a member; returns the
        interaction token."""
        options = [{"name": "question", "type": STRING_OPTION, "value": question}]
        if article is not None:
            options.append({"name": "article", "type": STRING_OPTION, "value": article})
        return self._interact(APPLICATION_COMMAND, options, author_id, channel_id)

    def autocomplete_ask(
        self, typed: str, *, author_id: int, channel_id: int = CHANNEL_ID, timeout: float = 30.0
    ) -> list[dict[str, Any]]:
        """Type `typed` into /ask's `article` option as a member; returns the choices the bot
        suggests (Discord asks the bot on every keystroke, with the option marked focused)."""
        options = [
            {"name": "question", "type": STRING_OPTION, "value": "Who wrote this?"},
            {"name": "article", "type": STRING_OPTION, "value": typed, "focused": True},
        ]
        token = self._interact(APPLICATION_COMMAND_AUTOCOMPLETE, options, author_id, channel_id)
        self.wait_for(
            lambda posts: any(p.payload.get("_token") == token for p in posts), timeout=timeout
        )
        [callback] = self.interaction_posts(token)
        if callback.payload.get("type") != AUTOCOMPLETE_RESULT:
            self.problems.append(f"autocomplete answered with callback type {callback.payload}")
        return callback.payload["data"]["choices"]

    def _interact(
        self, kind: int, options: list[dict[str, Any]], author_id: int, channel_id: int
    ) -> str:
        """Dispatch an interaction with /ask as a member; returns its token."""
        interaction_id = self._next_id()
        token = f"interaction-token-{interaction_id}"
        self._interactions[token] = Interaction(
            interaction_id, token, channel_id, original_id=self._next_id()
        )
        payload = {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "data": {
                "id": str(ASK_COMMAND_ID),
                "name": "ask",
                "type": 1,
                "options": options,
            },
            "guild_id": str(GUILD_ID),
            "channel_id": str(channel_id),
            "channel": {
                "id": str(channel_id),
                "type": 0,
                "guild_id": str(GUILD_ID),
                "name": "general",
                "position": 0,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
            },
            "member": {
                "user": user_payload(author_id),
                "roles": [],
                "joined_at": _now(),
                "deaf": False,
                "mute": False,
                "permissions": ALL_PERMISSIONS,
                "flags": 0,
            },
            "token": token,
            "version": 1,
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": ALL_PERMISSIONS,
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        self._call(self._dispatch("INTERACTION_CREATE", payload))
        return token

    def drop_connections(self, *, hold: bool = False) -> None:
        """Close every gateway connection from Discord's side (1001, going away), as a gateway
        restart or a network fault does; the sessions stay resumable. With `hold`, new
        connections get no HELLO until `reopen_gateway`: events dispatched meanwhile reach no
        one until a RESUME asks for them."""
        self._call(self._drop_connections(hold))

    def reopen_gateway(self) -> None:
        """Answer the connections held since `drop_connections(hold=True)`, and new ones."""
        assert self._loop is not None and self._gateway_open is not None
        self._loop.call_soon_threadsafe(self._gateway_open.set)

    def request_reconnect(self) -> None:
        """Send op 7 RECONNECT on every connection, as Discord does before moving a session."""
        self._call(self._broadcast_op({"op": 7, "d": None}))

    @property
    def connected(self) -> int:
        """Gateway connections with a session."""
        return len(self._sockets)

    def wait_until(self, condition: Callable[[], bool], *, timeout: float = 30.0) -> None:
        """Block until `condition()` holds: checked whenever the fake records something."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"not done within {timeout} s")
                self._changed.wait(left)

    def wait_for(
        self, predicate: Callable[[list[Post]], bool], *, timeout: float = 30.0
    ) -> list[Post]:
        """Block until `predicate(posts)` holds; returns a snapshot of all posts."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate(list(self.posts)):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"the bot did not post as expected in {timeout} s")
                self._changed.wait(left)
            return list(self.posts)

    def replies_to(
        self, message_id: int, *, timeout: float = 30.0, quiet: float = 0.4
    ) -> list[Post]:
        """The bot's replies to a message, once they have stopped coming for `quiet` seconds."""
        self.wait_for(lambda posts: _replies(posts, message_id), timeout=timeout)
        count = -1
        while True:
            replies = _replies(self.posts, message_id)
            if len(replies) == count:
                return replies
            count = len(replies)
            time.sleep(quiet)

    def replies_to_each(
        self, message_ids: list[int], *, timeout: float = 60.0, quiet: float = 0.4
    ) -> list[list[Post]]:
        """The bot's replies to each of several messages, once all have some and no more come."""
        self.wait_for(
            lambda posts: all(_replies(posts, message_id) for message_id in message_ids),
            timeout=timeout,
        )
        time.sleep(quiet)
        return [_replies(self.posts, message_id) for message_id in message_ids]

    def current_content(self, message_id: int) -> str:
        """What a message reads now, after any edits."""
        with self._changed:
            return self._messages[message_id]["content"]

    def interaction_posts(self, token: str) -> list[Post]:
        with self._changed:
            return [post for post in self.posts if post.payload.get("_token") == token]

    def response_of(self, token: str, *, timeout: float = 30.0) -> list[Post]:
        """The /ask response once its deferred message holds text, and any follow-ups after."""

        def done(posts: list[Post]) -> bool:
            mine = [post for post in posts if post.payload.get("_token") == token]
            return any(post.kind in ("edit", "followup") for post in mine) or any(
                post.kind == "callback" and post.payload.get("type") == 4 for post in mine
            )

        self.wait_for(done, timeout=timeout)
        time.sleep(0.4)
        return self.interaction_posts(token)

    # --- gateway -----------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        socket = web.WebSocketResponse(max_msg_size=0)
        await socket.prepare(request)
        if request.query.get("encoding") != "json":
            self.problems.append(f"gateway asked for encoding={request.query.get('encoding')}")
        assert self._gateway_open is not None
        await self._gateway_open.wait()  # held by `drop_connections(hold=True)`
        await self._send(socket, {"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}})
        try:
            async for frame in socket:
                if frame.type != WSMsgType.TEXT:
                    continue
                await self._on_gateway_frame(socket, json.loads(frame.data))
        finally:
            self._sockets.discard(socket)
        return socket

    async def _on_gateway_frame(self, socket: web.WebSocketResponse, frame: dict[str, Any]) -> None:
        op = frame.get("op")
        if op == 1:  # HEARTBEAT
            self._note(lambda: self.heartbeats.append(time.monotonic()))
            await self._send(socket, {"op": 11})
        elif op == 2:  # IDENTIFY
            await self._on_identify(socket, frame["d"])
        elif op == 3:  # PRESENCE_UPDATE
            self.presences.append(frame["d"])
        elif op == 6:  # RESUME
            await self._on_resume(socket, frame["d"])
        elif op not in (4, 8):
            self.problems.append(f"unexpected gateway op {op}")

    async def _on_identify(self, socket: web.WebSocketResponse, data: dict[str, Any]) -> None:
        self.identifies.append(data)
        if data.get("token") != TOKEN:
            await socket.close(code=4004, message=b"Authentication failed.")
            return
        if self.close_code_on_identify is not None:
            await socket.close(code=self.close_code_on_identify, message=b"Disallowed intent(s).")
            return
        session_id = f"fake-session-{next(self._sessions)}"
        self._known_sessions.add(session_id)
        ready: dict[str, Any] = {
            "v": 10,
            "user": BOT_USER,
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "session_id": session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(APP_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        if "shard" in data:
            ready["shard"] = data["shard"]
        await self._dispatch("READY", ready, sockets=[socket])
        await self._dispatch("GUILD_CREATE", self._guild(), sockets=[socket])
        self._sockets.add(socket)
        self.guild_sent.set()

    async def _on_resume(self, socket: web.WebSocketResponse, data: dict[str, Any]) -> None:
        """Send the events the session missed (sequence after `seq`), then RESUMED; an unknown
        session or a wrong token gets op 9 (not resumable): the client must IDENTIFY."""
        is_known = data.get("session_id") in self._known_sessions
        if data.get("token") != TOKEN or not is_known:
            await self._send(socket, {"op": 9, "d": False})
            return
        seen = data.get("seq") or 0
        # No await from here to adding the socket: each event is either missed (and sent
        # below) or dispatched to this socket, never both.
        missed = [frame for frame in self._dispatched if frame["s"] > seen]
        self._sockets.add(socket)
        assert self._send_lock is not None
        async with self._send_lock:  # in order, before anything dispatched from now on
            for frame in missed:
                await self._send_now(socket, frame)
            resumed = {"op": 0, "t": "RESUMED", "s": next(self._sequence), "d": {}}
            await self._send_now(socket, resumed)

        def record() -> None:
            self.replayed.extend(missed)
            self.resumes.append(data)

        self._note(record)

    async def _drop_connections(self, hold: bool) -> None:
        assert self._gateway_open is not None
        if hold:
            self._gateway_open.clear()
        dropped, self._sockets = list(self._sockets), set()
        for socket in dropped:
            await socket.close(code=1001, message=b"Going away.")

    async def _broadcast_op(self, frame: dict[str, Any]) -> None:
        for socket in list(self._sockets):
            await self._send(socket, dict(frame))

    async def _dispatch(
        self,
        event: str,
        data: dict[str, Any],
        *,
        sockets: list[web.WebSocketResponse] | None = None,
    ) -> None:
        frame = {"op": 0, "t": event, "s": next(self._sequence), "d": data}
        if sockets is None:  # to every session: kept for those that are away to RESUME
            self._dispatched.append(frame)
            sockets = list(self._sockets)
        for socket in sockets:
            await self._send(socket, frame)

    async def _send(self, socket: web.WebSocketResponse, frame: dict[str, Any]) -> None:
        assert self._send_lock is not None
        async with self._send_lock:
            await self._send_now(socket, frame)

    async def _send_now(self, socket: web.WebSocketResponse, frame: dict[str, Any]) -> None:
        """Send a frame; the caller holds `_send_lock`."""
        frame.setdefault("s", None)
        frame.setdefault("t", None)
        if not socket.closed:
            await socket.send_str(json.dumps(frame))

    def _guild(self) -> dict[str, Any]:
        def channel(channel_id: int, name: str, position: int) -> dict[str, Any]:
            return {
                "id": str(channel_id),
                "type": 0,
                "guild_id": str(GUILD_ID),
                "name": name,
                "position": position,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
                "topic": None,
                "last_message_id": None,
                "rate_limit_per_user": 0,
            }

        bot_member = {
            "user": BOT_USER,
            "roles": [],
            "joined_at": _now(),
            "deaf": False,
            "mute": False,
            "flags": 0,
        }
        return {
            "id": str(GUILD_ID),
            "name": "Fake Newsroom",
            "icon": None,
            "owner_id": str(OWNER_ID),
            "region": "us-east",
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "features": [],
            "roles": [
                {
                    "id": str(GUILD_ID),
                    "name": "@everyone",
                    "permissions": ALL_PERMISSIONS,
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
            ],
            "emojis": [],
            "stickers": [],
            "channels": [
                channel(CHANNEL_ID, "general", 0),
                channel(QUIET_CHANNEL_ID, "off-topic", 1),
            ],
            "threads": [],
            "members": [bot_member],
            "member_count": 1,
            "large": False,
            "unavailable": False,
            "joined_at": _now(),
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    # --- REST ---------------------------------------------------------------------------------

    def _authorized(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bot {TOKEN}"

    async def _get_me(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        return _json(BOT_USER)

    async def _get_application(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        return _json(
            {
                "id": str(APP_ID),
                "name": "qabot",
                "description": "Answers questions about an article, with citations.",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": user_payload(OWNER_ID, name="owner"),
                "verify_key": "0" * 64,
                "flags": 0,
                "team": None,
                "interactions_endpoint_url": None,
            }
        )

    async def _get_gateway_bot(self, request: web.Request) -> web.Response:
        return _json(
            {
                "url": self.gateway_url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    async def _put_commands(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        commands = await request.json()
        guild = request.match_info.get("guild")
        self.synced_commands[guild or "global"] = commands
        answered = []
        for command in commands:
            answered.append(
                {
                    "id": str(ASK_COMMAND_ID if command["name"] == "ask" else self._next_id()),
                    "application_id": str(APP_ID),
                    "version": str(self._next_id()),
                    "default_member_permissions": None,
                    "type": 1,
                    "options": [],
                    **command,
                    **({"guild_id": guild} if guild else {}),
                }
            )
        return _json(answered)

    async def _post_typing(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        self.typing.append((int(request.match_info["channel"]), time.monotonic()))
        return web.Response(status=204)

    async def _post_message(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        channel_id = int(request.match_info["channel"])
        body = await request.json()
        refusal = self._check_content(body, where=f"channel {channel_id}")
        if refusal is not None:
            return refusal
        reference = body.get("message_reference")
        referenced = None
        if reference is not None:
            referenced = self._messages.get(int(reference["message_id"]))
            if referenced is None:
                self.problems.append(f"reply to unknown message {reference['message_id']}")
                return _form_error(
                    "message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message"
                )
        message = self._bot_message(channel_id, body)
        if referenced is not None:
            message["type"] = 19
            message["message_reference"] = reference
            message["referenced_message"] = referenced
        self._messages[int(message["id"])] = message
        self._record(Post("message", int(message["id"]), channel_id, body.get("content", ""), body))
        # Discord echoes every message to the gateway, the bot's own included.
        await self._dispatch("MESSAGE_CREATE", message)
        return _json(message)

    async def _patch_message(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        channel_id = int(request.match_info["channel"])
        raw_id = request.match_info["message"]
        message = self._messages.get(int(raw_id)) if raw_id.isdigit() else None
        if message is None or message["channel_id"] != str(channel_id):
            self.problems.append(f"edit of unknown message {raw_id} in channel {channel_id}")
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        if message["author"]["id"] != str(BOT_ID):
            self.problems.append(f"edit of another user's message {raw_id}")
            return _json(
                {"message": "Cannot edit a message authored by another user", "code": 50005}, 403
            )
        body = await request.json()
        refusal = self._check_content(body, where=f"channel {channel_id} edit")
        if refusal is not None:
            return refusal
        message.update({k: v for k, v in body.items() if k in ("content", "embeds", "flags")})
        message["edited_timestamp"] = _now()
        self._record(Post("message_edit", int(raw_id), channel_id, message["content"], body))
        # Discord tells the gateway of every edit, as it does of every new message.
        await self._dispatch("MESSAGE_UPDATE", message)
        return _json(message)

    async def _post_callback(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        interaction = self._interactions.get(token)
        if interaction is None or str(interaction.id) != request.match_info["id"]:
            self.problems.append(f"callback for unknown interaction {request.match_info['id']}")
            return _json({"message": "Unknown interaction", "code": 10062}, status=404)
        if request.query.get("with_response") not in ("1", "true", "True"):
            self.problems.append("interaction callback without with_response")
        body = await request.json()
        if interaction.original is not None:
            return _json(
                {"message": "Interaction has already been acknowledged.", "code": 40060}, 400
            )
        data = body.get("data") or {}
        if body.get("type") == AUTOCOMPLETE_RESULT:
            # Suggestions, not a message: Discord refuses more than 25 or names over 100.
            choices = data.get("choices") or []
            too_long = [c["name"] for c in choices if not 1 <= len(c["name"]) <= 100]
            if len(choices) > 25 or too_long:
                self.problems.append(f"autocomplete choices Discord refuses: {choices}")
                return _form_error("choices", "BASE_TYPE_BAD_LENGTH", "Invalid choices")
            self._record(
                Post("callback", interaction.original_id, interaction.channel_id, "",
                     {**body, "_token": token})
            )  # fmt: skip
            return web.Response(status=204)
        refusal = self._check_content(data, where=f"interaction {interaction.id}")
        if refusal is not None:
            return refusal
        message = self._bot_message(
            interaction.channel_id, data, message_id=interaction.original_id
        )
        interaction.original = message
        self._messages[interaction.original_id] = message
        self._record(
            Post("callback", interaction.original_id, interaction.channel_id,
                 data.get("content", ""), {**body, "_token": token})
        )  # fmt: skip
        loading = body.get("type") == 5
        return _json(
            {
                "interaction": {
                    "id": str(interaction.id),
                    "type": 2,
                    "response_message_id": str(interaction.original_id),
                    "response_message_loading": loading,
                    "response_message_ephemeral": bool((data.get("flags") or 0) & EPHEMERAL_FLAG),
                },
                "resource": {"type": body.get("type"), "message": message},
            }
        )

    async def _patch_original(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        interaction = self._interactions.get(token)
        if interaction is None or interaction.original is None:
            self.problems.append("edit of an unacknowledged interaction's response")
            return _json({"message": "Unknown Webhook", "code": 10015}, status=404)
        body = await request.json()
        refusal = self._check_content(body, where=f"interaction {interaction.id} edit")
        if refusal is not None:
            return refusal
        interaction.original.update({k: v for k, v in body.items() if k in ("content", "flags")})
        self._record(
            Post("edit", interaction.original_id, interaction.channel_id, body.get("content", ""),
                 {**body, "_token": token})
        )  # fmt: skip
        return _json(interaction.original)

    async def _post_followup(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        interaction = self._interactions.get(token)
        if interaction is None:
            self.problems.append("follow-up to an unknown interaction")
            return _json({"message": "Unknown Webhook", "code": 10015}, status=404)
        body = await request.json()
        refusal = self._check_content(body, where=f"interaction {interaction.id} follow-up")
        if refusal is not None:
            return refusal
        message = self._bot_message(interaction.channel_id, body)
        message["webhook_id"] = str(APP_ID)
        self._messages[int(message["id"])] = message
        self._record(
            Post("followup", int(message["id"]), interaction.channel_id, body.get("content", ""),
                 {**body, "_token": token})
        )  # fmt: skip
        return _json(message)

    async def _unknown(self, request: web.Request) -> web.Response:
        self.problems.append(f"unhandled route {request.method} {request.path}")
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    # --- helpers ------------------------------------------------------------------------------

    def _check_content(self, body: dict[str, Any], *, where: str) -> web.Response | None:
        """Discord's own refusals of a message body, recorded as problems of the bot."""
        content = body.get("content") or ""
        if len(content) > MESSAGE_LIMIT:
            self.problems.append(f"{len(content)}-character message to {where}")
            return _form_error(
                "content", "BASE_TYPE_MAX_LENGTH", f"Must be {MESSAGE_LIMIT} or fewer in length."
            )
        has_body = "content" in body or "embeds" in body
        is_empty = has_body and not content and not body.get("embeds")
        if is_empty:
            self.problems.append(f"empty message to {where}")
            return _json({"message": "Cannot send an empty message", "code": 50006}, 400)
        return None

    def _bot_message(
        self, channel_id: int, body: dict[str, Any], *, message_id: int | None = None
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "id": str(message_id or self._next_id()),
            "channel_id": str(channel_id),
            "author": BOT_USER,
            "content": body.get("content") or "",
            "timestamp": _now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags") or 0,
        }
        if channel_id in GUILD_CHANNEL_IDS:
            message["guild_id"] = str(GUILD_ID)
        return message

    def _attachment(self, name: str) -> dict[str, Any]:
        attachment_id = self._next_id()
        return {
            "id": str(attachment_id),
            "filename": name,
            "size": 1234,
            "url": f"http://127.0.0.1:{self.port}/attachments/{attachment_id}/{name}",
            "proxy_url": f"http://127.0.0.1:{self.port}/attachments/{attachment_id}/{name}",
            "content_type": "image/png",
        }

    def _record(self, post: Post) -> None:
        self._note(lambda: self.posts.append(post))

    def _note(self, change: Callable[[], None]) -> None:
        """Make a change that tests may be waiting on, and wake them."""
        with self._changed:
            change()
            self._changed.notify_all()

    def _next_id(self) -> int:
        """A snowflake: milliseconds since Discord's epoch, then a counter, so ids only grow."""
        millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (millis << 22) | (next(self._ids) & 0x3FFFFF)

    def _call(self, coroutine: Any) -> Any:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)


def _replies(posts: list[Post], message_id: int) -> list[Post]:
    return [post for post in posts if post.kind == "message" and post.reference_id == message_id]


def _form_error(field_name: str, code: str, text: str) -> web.Response:
    return _json(
        {
            "message": "Invalid Form Body",
            "code": 50035,
            "errors": {field_name: {"_errors": [{"code": code, "message": text}]}},
        },
        status=400,
    )
