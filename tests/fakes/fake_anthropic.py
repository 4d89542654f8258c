"""A fake Anthropic Messages API on 127.0.0.1: `POST /v1/messages`, streaming (SSE events) or not,
answering from a queue of scripted replies that may cite sources as `{{phrase}}` (see
`fake_openai`, whose server, queue and `Reply` it shares)."""

from __future__ import annotations

import json
import re
import time
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar

from fake_openai import FakeOpenAI

MODEL = "claude-test"
USAGE = {"input_tokens": 10, "output_tokens": 10}


class FakeAnthropic(FakeOpenAI):
    PATH: ClassVar[str] = "/v1/messages"

    @property
    def base_url(self) -> str:
        """The server's root, as ANTHROPIC_BASE_URL takes it: the SDK adds `/v1/messages`."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def prompt(self, body: dict[str, Any]) -> str:
        """The system prompt (a field of its own here), then every message's text."""
        parts = [body.get("system", ""), *(m.get("content", "") for m in body.get("messages", []))]
        return "\n".join(_text(part) for part in parts)

    def error(self, message: str) -> dict[str, Any]:
        return {"type": "error", "error": {"type": "api_error", "message": message}}

    def completion(self, text: str) -> dict[str, Any]:
        return _message([{"type": "text", "text": text}], stop_reason="end_turn", usage=USAGE)

    def stream(self, handler: BaseHTTPRequestHandler, text: str, word_delay_s: float) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Cache-Control", "no-cache")
        handler.end_headers()
        start_usage = {"input_tokens": 10, "output_tokens": 1}
        handler.wfile.write(_event("message_start", message=_message([], None, start_usage)))
        block = {"type": "text", "text": ""}
        handler.wfile.write(_event("content_block_start", index=0, content_block=block))
        handler.wfile.write(_event("ping"))
        for word in re.findall(r"\S+\s*", text):
            time.sleep(word_delay_s)
            delta = {"type": "text_delta", "text": word}
            handler.wfile.write(_event("content_block_delta", index=0, delta=delta))
            handler.wfile.flush()
        handler.wfile.write(_event("content_block_stop", index=0))
        stop = {"stop_reason": "end_turn", "stop_sequence": None}
        handler.wfile.write(_event("message_delta", delta=stop, usage={"output_tokens": 10}))
        handler.wfile.write(_event("message_stop"))
        handler.wfile.flush()
        handler.close_connection = True


def _text(content: str | list[dict[str, Any]]) -> str:
    """A system prompt or message content: a string, or a list of content blocks."""
    if isinstance(content, str):
        return content
    return "\n".join(block.get("text", "") for block in content)


def _message(
    content: list[dict[str, Any]], stop_reason: str | None, usage: dict[str, int]
) -> dict[str, Any]:
    return {
        "id": "msg_fake",
        "type": "message",
        "role": "assistant",
        "model": MODEL,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": usage,
    }


def _event(kind: str, **data: Any) -> bytes:
    return f"event: {kind}\ndata: {json.dumps({'type': kind, **data})}\n\n".encode()
