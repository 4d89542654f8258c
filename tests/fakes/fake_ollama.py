"""A fake Ollama server on 127.0.0.1: `POST /api/chat`, streaming (NDJSON lines) or not,
answering from a queue of scripted replies that may cite sources as `{{phrase}}` (see
`fake_openai`, whose server, queue and `Reply` it shares)."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar

from fake_openai import FakeOpenAI

MODEL = "test-model"
# What Ollama reports with its last line: durations in nanoseconds, counts in tokens.
COUNTERS = {
    "total_duration": 1_000_000,
    "load_duration": 100_000,
    "prompt_eval_count": 10,
    "prompt_eval_duration": 200_000,
    "eval_count": 10,
    "eval_duration": 700_000,
}


class FakeOllama(FakeOpenAI):
    PATH: ClassVar[str] = "/api/chat"

    @property
    def base_url(self) -> str:
        """The server as OLLAMA_HOST names it."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def streams(self, body: dict[str, Any]) -> bool:
        return bool(body.get("stream", True))  # Ollama streams unless told not to

    def error(self, message: str) -> dict[str, Any]:
        return {"error": message}

    def completion(self, text: str) -> dict[str, Any]:
        return _line(text, done=True)

    def stream(self, handler: BaseHTTPRequestHandler, text: str, word_delay_s: float) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/x-ndjson")
        handler.end_headers()
        for word in re.findall(r"\S+\s*", text):
            time.sleep(word_delay_s)
            handler.wfile.write(json.dumps(_line(word, done=False)).encode() + b"\n")
            handler.wfile.flush()
        handler.wfile.write(json.dumps(_line("", done=True)).encode() + b"\n")
        handler.wfile.flush()
        handler.close_connection = True


def _line(content: str, *, done: bool) -> dict[str, Any]:
    line = {
        "model": MODEL,
        "created_at": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "message": {"role": "assistant", "content": content},
        "done": done,
    }
    return {**line, "done_reason": "stop", **COUNTERS} if done else line
