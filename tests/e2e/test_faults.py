"""Faults a long-running qabot meets, end to end: the Chroma server going away in the middle of a
conversation and coming back (for the REPL and the Discord bot) or down when the bot starts,
and the Discord gateway dropping the bot's connection.

Every test here carries the `fault` mark (`pytest -m fault` runs them, with the other tests of
faults: the LLM provider failing, secrets kept out of logs, threads sharing one engine).
"""

from __future__ import annotations

import json
import queue
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from conftest import COMMAND_TIMEOUT_S, QABOT, qabot_env
from fake_discord import FakeDiscord, Post
from test_chroma_server import CHROMA, SERVER_START_TIMEOUT_S, free_port
from test_discord import (
    MENTION,
    TOKEN,
    BotProcess,
    assert_cited_answer,
    new_member,
    start_bot,
    text_of,
)

pytestmark = pytest.mark.fault

# Seconds to wait for one answer from a running REPL (its first loads the model).
ANSWER_TIMEOUT_S = 120.0
# Seconds for a killed server's port to stop taking connections.
SERVER_STOP_TIMEOUT_S = 30.0
# Seconds for the bot to reconnect after its gateway connection dropped (at once, in fact).
RECONNECT_TIMEOUT_S = 60.0
# Sent to the Chroma server with every request; like any secret, never to be logged.
CHROMA_SECRET = "chroma-token-SECRET-5f0c2b"


class ChromaServer:
    """`chroma run` on 127.0.0.1, which a test can kill and start again on its port and data."""

    def __init__(self, data: Path, port: int) -> None:
        self.data = data
        self.port = port
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        where = ["--path", str(self.data), "--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(
            [CHROMA, "run", *where],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                pytest.fail("chroma run did not start")
            time.sleep(0.2)

    def kill(self) -> None:
        """Gone at once, as a crashed or unplugged server is: no goodbye to its clients."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(SERVER_STOP_TIMEOUT_S)
        deadline = time.monotonic() + SERVER_STOP_TIMEOUT_S
        while self._takes_connections():
            assert time.monotonic() < deadline, f"port {self.port} still open after the kill"
            time.sleep(0.1)

    def _answers(self) -> bool:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1)
        except OSError:
            return False
        return True

    def _takes_connections(self) -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path / "chroma-data", free_port())
    server.start()
    yield server
    server.kill()


class Repl:
    """A running `qabot repl --json`: one line in, one JSON object out, with a deadline."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.stderr_path = cwd / "repl-stderr.log"
        self._stderr = self.stderr_path.open("wb")
        self.process = subprocess.Popen(
            [QABOT, *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        self._lines: queue.Queue[bytes] = queue.Queue()
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stdout: IO[bytes]) -> None:
        for line in stdout:
            self._lines.put(line)
        self._lines.put(b"")  # the end of its output

    def ask(self, line: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()
        try:
            out = self._lines.get(timeout=ANSWER_TIMEOUT_S)
        except queue.Empty:
            pytest.fail(f"no answer to {line!r} in {ANSWER_TIMEOUT_S} s:\n{self.stderr[-3000:]}")
        assert out, f"the REPL ended instead of answering {line!r}:\n{self.stderr[-3000:]}"
        return json.loads(out)

    def finish(self) -> int:
        assert self.process.stdin is not None
        self.process.stdin.close()
        code = self.process.wait(COMMAND_TIMEOUT_S)
        self._stderr.close()
        return code

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")


def test_the_chroma_server_going_away_mid_conversation_is_said_and_survived(
    chroma_server: ChromaServer, tmp_path: Path
) -> None:
    env = qabot_env(
        tmp_path / "unused-folder",
        QABOT_CHROMA_HOST="127.0.0.1",
        QABOT_CHROMA_PORT=str(chroma_server.port),
        QABOT_CHROMA_HEADERS=f"X-Chroma-Token={CHROMA_SECRET}",
        QABOT_LOG_LEVEL="DEBUG",  # the most qabot ever logs, failures included
    )
    ingest = subprocess.run(
        [QABOT, "ingest", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_S,
    )
    assert ingest.returncode == 0, ingest.stderr
    repl = Repl(["repl", "--json"], tmp_path, env)

    before = repl.ask("What did Peskov say?")
    assert "nothing is changing in the context of Ukraine" in before["answer"]

    chroma_server.kill()
    down = repl.ask("What did Lukashenko propose?")
    assert down["abstained"] is True and down["citations"] == []
    assert "cannot reach the Chroma server" in down["error"]
    assert f"127.0.0.1:{chroma_server.port}" in down["error"]
    assert "\n" not in down["error"]
    follow_up_while_down = repl.ask("What did he say next?")
    assert "cannot reach the Chroma server" in follow_up_while_down["error"]
    assert repl.ask("/sources")["command"] == "/sources", "commands still answer"

    chroma_server.start()  # the same port and data folder
    after = repl.ask("What did Lukashenko propose?")
    assert "error" not in after, after
    assert "truce" in after["answer"].lower()
    assert after["citations"]

    assert repl.finish() == 0
    assert "Traceback" not in repl.stderr
    assert CHROMA_SECRET not in ingest.stdout + ingest.stderr + repl.stderr
    assert CHROMA_SECRET not in json.dumps([before, down, follow_up_while_down, after])


def test_the_bot_answers_one_line_while_the_chroma_server_is_down_and_again_after(
    chroma_server: ChromaServer, tmp_path: Path
) -> None:
    on_server = {
        "QABOT_CHROMA_HOST": "127.0.0.1",
        "QABOT_CHROMA_PORT": str(chroma_server.port),
        "QABOT_CHROMA_HEADERS": f"X-Chroma-Token={CHROMA_SECRET}",
    }
    ingest = subprocess.run(
        [QABOT, "ingest", "--json"],
        cwd=tmp_path,
        env=qabot_env(tmp_path / "unused-folder", **on_server),
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_S,
    )
    assert ingest.returncode == 0, ingest.stderr
    fake = FakeDiscord().start()
    bot = start_bot(fake, tmp_path, **on_server)
    try:

        def reply_to(question: str) -> str:
            asked = fake.send_message(f"{MENTION} {question}", author_id=new_member())
            return text_of(fake.replies_to(asked, timeout=ANSWER_TIMEOUT_S))

        assert "nothing is changing" in reply_to("What did Peskov say?")

        chroma_server.kill()
        down = reply_to("What did Lukashenko propose?")
        assert down.startswith(f"cannot reach the Chroma server at 127.0.0.1:{chroma_server.port}")
        assert "\n" not in down and "Traceback" not in down
        assert "something went wrong" not in down, "the cause, not an apology"

        chroma_server.start()  # the same port and data folder
        after = reply_to("What did Lukashenko propose?")
        assert_cited_answer(after)
        assert "truce" in after.lower()
        assert bot.process.poll() is None, f"the bot died:\n{bot.log[-4000:]}"
    finally:
        code = bot.stop()
        fake.stop()
    assert code == 0, bot.log[-4000:]
    assert "Traceback" not in bot.log
    assert TOKEN not in bot.log and CHROMA_SECRET not in bot.log + down


def test_a_bot_whose_chroma_server_is_down_at_start_exits_with_one_line(tmp_path: Path) -> None:
    # Nothing listens on the port: the engine cannot open the index, so the bot never comes
    # online (members see it offline) and its operator reads why, in one line.
    closed_port = free_port()
    fake = FakeDiscord().start()
    bot = BotProcess(
        fake,
        tmp_path,
        QABOT_CHROMA_HOST="127.0.0.1",
        QABOT_CHROMA_PORT=str(closed_port),
        QABOT_CHROMA_HEADERS=f"X-Chroma-Token={CHROMA_SECRET}",
    )
    try:
        code = bot.process.wait(COMMAND_TIMEOUT_S)
    finally:
        bot.stop()
        fake.stop()
    log = bot.log
    *_, last = log.splitlines()
    assert code == 1, log[-4000:]
    assert last.startswith(
        f"qabot: error: cannot reach the Chroma server at 127.0.0.1:{closed_port}"
    )
    assert "QABOT_CHROMA_HOST/PORT" in last, "it says what to check"
    assert "Traceback" not in log
    assert TOKEN not in log and CHROMA_SECRET not in log
    assert fake.identifies == [] and fake.posts == [], "it never went online or said anything"


def test_the_bot_resumes_after_the_gateway_drops_it_and_answers_what_it_missed(
    tmp_path: Path, seeded_index: Path
) -> None:
    fake = FakeDiscord().start()
    shutil.copytree(seeded_index, tmp_path / "chroma")  # no ingest: the bot starts in seconds
    bot = start_bot(fake, tmp_path)
    try:
        identified = len(fake.identifies)

        def answered(message_id: int) -> list[Post]:
            return fake.replies_to(message_id, timeout=ANSWER_TIMEOUT_S)

        before = fake.send_message(f"{MENTION} what did Peskov say?", author_id=new_member())
        assert "nothing is changing" in text_of(answered(before))

        # The gateway drops the bot and answers no one for a while: a question asked then
        # reaches no connection; Discord keeps it for the session.
        fake.drop_connections(hold=True)
        assert fake.connected == 0
        missed = fake.send_message(
            f"{MENTION} What did Lukashenko propose?", author_id=new_member()
        )
        fake.reopen_gateway()
        fake.wait_until(lambda: len(fake.resumes) == 1, timeout=RECONNECT_TIMEOUT_S)
        assert str(missed) in {frame["d"].get("id") for frame in fake.replayed}
        assert_cited_answer(text_of(answered(missed)))
        assert "truce" in text_of(answered(missed)).lower()

        after = fake.send_message(f"{MENTION} What did Zelensky promise?", author_id=new_member())
        assert_cited_answer(text_of(answered(after)))

        # Discord asks the bot to reconnect (op 7), as before it moves a session.
        fake.request_reconnect()
        fake.wait_until(lambda: len(fake.resumes) == 2, timeout=RECONNECT_TIMEOUT_S)
        last = fake.send_message(f"{MENTION} Who is Dmitry Peskov?", author_id=new_member())
        assert "spokes" in text_of(answered(last)).lower()

        resumed_at = time.monotonic()
        fake.wait_until(lambda: fake.heartbeats[-1] > resumed_at, timeout=RECONNECT_TIMEOUT_S)
        assert len(fake.identifies) == identified, "resumed, not logged in again"
        assert {resume["session_id"] for resume in fake.resumes} == {"fake-session-1"}
        assert fake.problems == []
        assert bot.process.poll() is None, f"the bot died:\n{bot.log[-4000:]}"
    finally:
        code = bot.stop()
        fake.stop()
    log = bot.log
    assert code == 0, log[-4000:]
    assert log.count("lost the connection to Discord; reconnecting") == 2
    assert log.count("reconnected to Discord; the session was resumed") == 2
    assert "Traceback" not in log
    assert TOKEN not in log
