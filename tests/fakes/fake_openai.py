"""A fake OpenAI-compatible server on 127.0.0.1: `/v1/chat/completions`, streaming (SSE) or not,
answering from a queue of scripted replies.

A reply may cite sources by what they say: `{{nothing is changing}}` becomes `[n]`, n being the
number of the source line of the prompt that contains the phrase, so tests need not know how
the retriever ranked the evidence.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import urlsplit

SOURCE_LINE = re.compile(r"^\[(\d+)\] (.*)$", re.MULTILINE)
PLACEHOLDER = re.compile(r"\{\{(.+?)\}\}")


@dataclass
class Reply:
    """One scripted answer: text, or a way of failing."""

    text: str = ""
    hang_s: float = 0.0  # hold the request this long before answering
    status: int = 200  # an HTTP error when not 200
    broken: bool = False  # a 200 whose body is not JSON
    word_delay_s: float = 0.0  # when streaming, the pause before each word


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class FakeOpenAI:
    PATH: ClassVar[str] = "/v1/chat/completions"

    replies: list[Reply] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def enqueue(self, *replies: Reply | str) -> None:
        with self._lock:
            self.replies.extend(r if isinstance(r, Reply) else Reply(r) for r in replies)

    def start(self) -> FakeOpenAI:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def _next(self) -> Reply:
        with self._lock:
            return self.replies.pop(0) if self.replies else Reply("The article doesn't say.")

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = json.loads(handler.rfile.read(length) or b"{}")
        with self._lock:
            self.requests.append(
                Request(handler.path, {k.lower(): v for k, v in handler.headers.items()}, body)
            )
        if urlsplit(handler.path).path.rstrip("/") != self.PATH:
            send_json(handler, 404, self.error("not found"))
            return
        reply = self._next()
        if reply.hang_s:
            time.sleep(reply.hang_s)
        if reply.status != 200:
            send_json(handler, reply.status, self.error("scripted failure"))
            return
        if reply.broken:
            raw = b"<html>502 Bad Gateway</html>"
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(raw)))
            handler.end_headers()
            handler.wfile.write(raw)
            return
        text = cite(reply.text, [{"content": self.prompt(body)}])
        if self.streams(body):
            self.stream(handler, text, reply.word_delay_s)
        else:
            send_json(handler, 200, self.completion(text))

    # What another provider's fake overrides: its path, and how its requests and replies look.
    def prompt(self, body: dict[str, Any]) -> str:
        """The text of every message of a request, one after the other."""
        return "\n".join(str(m.get("content", "")) for m in body.get("messages", []))

    def streams(self, body: dict[str, Any]) -> bool:
        return bool(body.get("stream"))

    def error(self, message: str) -> dict[str, Any]:
        return {"error": {"message": message, "type": "x"}}

    def completion(self, text: str) -> dict[str, Any]:
        return _completion(text)

    def stream(self, handler: BaseHTTPRequestHandler, text: str, word_delay_s: float) -> None:
        _stream(handler, text, word_delay_s)


def cite(text: str, messages: list[dict[str, Any]]) -> str:
    """Replace each `{{phrase}}` by the `[n]` of the prompt's source containing the phrase."""
    prompt = "\n".join(str(m.get("content", "")) for m in messages)
    sources = {int(n): line for n, line in SOURCE_LINE.findall(prompt)}

    def number(match: re.Match[str]) -> str:
        phrase = match.group(1)
        found = [n for n, line in sources.items() if phrase in line]
        return f"[{found[0]}]" if found else "[99]"

    return PLACEHOLDER.sub(number, text)


def _completion(text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "fake-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def _chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
    data = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": "fake-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(data)}\n\n".encode()


def _stream(handler: BaseHTTPRequestHandler, text: str, word_delay_s: float) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/event-stream")
    handler.send_header("Cache-Control", "no-cache")
    handler.end_headers()
    handler.wfile.write(_chunk({"role": "assistant", "content": ""}))
    for word in re.findall(r"\S+\s*", text):
        time.sleep(word_delay_s)
        handler.wfile.write(_chunk({"content": word}))
        handler.wfile.flush()
    handler.wfile.write(_chunk({}, "stop"))
    handler.wfile.write(b"data: [DONE]\n\n")
    handler.wfile.flush()
    handler.close_connection = True


def send_json(handler: BaseHTTPRequestHandler, status: int, payload: dict[str, Any]) -> None:
    raw = json.dumps(payload).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(raw)))
    handler.end_headers()
    handler.wfile.write(raw)
