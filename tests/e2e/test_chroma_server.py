"""Several qabot processes sharing one index through a real Chroma server (`chroma run`)."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import COMMAND_TIMEOUT_S, QABOT, qabot_env

CHROMA = str(Path(sys.executable).parent / "chroma")
SERVER_START_TIMEOUT_S = 60.0


# Ports handed to `chroma run` lie below the kernel's ephemeral range (32768-60999 on Linux),
# where the fake servers' port-0 binds land, in a band of their own for each test worker: a
# port probed free and then bound by `chroma run` can be taken by no other test meanwhile.
PORT_BAND_START = 20000
PORT_BAND_SIZE = 1000


def free_port() -> int:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    start = PORT_BAND_START + PORT_BAND_SIZE * (int(worker) if worker.isdigit() else 0)
    for port in random.sample(range(start, start + PORT_BAND_SIZE), PORT_BAND_SIZE):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {start}-{start + PORT_BAND_SIZE - 1}")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A Chroma server on 127.0.0.1 with its data in a temporary folder; yields its port."""
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    server = subprocess.Popen(
        [CHROMA, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("chroma run did not start")
            time.sleep(0.2)
    yield port
    server.terminate()
    server.wait(timeout=30)


def start(args: list[str], cwd: Path, port: int) -> subprocess.Popen[str]:
    env = qabot_env(
        cwd / "unused-folder", QABOT_CHROMA_HOST="127.0.0.1", QABOT_CHROMA_PORT=str(port)
    )
    return subprocess.Popen(
        [QABOT, *args], cwd=cwd, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def finish(process: subprocess.Popen[str]) -> str:
    stdout, stderr = process.communicate(timeout=COMMAND_TIMEOUT_S)
    assert process.returncode == 0, stderr
    return stdout


def test_ingest_and_two_answering_processes_share_the_server_index(
    chroma_server: int, tmp_path: Path
) -> None:
    first = json.loads(finish(start(["ingest", "--json"], tmp_path, chroma_server)))
    assert first["added"] > 0

    peskov = start(["ask", "What did Peskov say?", "--json"], tmp_path, chroma_server)
    bucha = start(["ask", "What happened in Bucha?", "--json"], tmp_path, chroma_server)
    peskov_answer, bucha_answer = json.loads(finish(peskov)), json.loads(finish(bucha))
    assert "nothing is changing in the context of Ukraine" in peskov_answer["answer"]
    assert "alleged war crimes" in bucha_answer["answer"]

    again = json.loads(finish(start(["ingest", "--json"], tmp_path, chroma_server)))
    assert again == {"added": 0, "unchanged": first["added"], "removed": 0, "embedded": 0}
    assert not (tmp_path / "unused-folder").exists(), "server mode never writes a local index"


def test_an_unreachable_server_is_one_plain_line(tmp_path: Path) -> None:
    port = free_port()
    process = start(["ask", "What did Peskov say?"], tmp_path, port)
    stdout, stderr = process.communicate(timeout=COMMAND_TIMEOUT_S)
    assert process.returncode != 0
    [line] = stderr.splitlines()
    assert line.startswith(f"qabot: error: cannot reach the Chroma server at 127.0.0.1:{port}")
    assert "QABOT_CHROMA_HOST/PORT" in line, "it says what to check"
    assert stdout == ""
