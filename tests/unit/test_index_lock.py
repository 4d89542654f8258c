"""Who may create a local index folder's database: one process at a time."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from retrieval.index.chroma import DATABASE_FILE, LOCK_FILE, creating_lock
from retrieval.settings import Settings


def is_locked(folder: Path) -> bool:
    """Whether some open file holds a lock on the folder (flock is per open file)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def writer_lock_is_free(folder: Path) -> bool:
    with (folder / LOCK_FILE).open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


@pytest.mark.parametrize(
    ("prepare", "locks"),
    [
        pytest.param(lambda folder: None, True, id="folder not there yet"),
        pytest.param(lambda folder: folder.mkdir(), True, id="empty folder"),
        pytest.param(
            lambda folder: (folder.mkdir(), (folder / DATABASE_FILE).write_bytes(b"x")),
            False,
            id="database already there",
        ),
    ],
)
def test_a_new_local_index_is_created_under_the_writer_lock(
    tmp_path: Path, prepare, locks: bool
) -> None:
    folder = tmp_path / "chroma"
    prepare(folder)
    with creating_lock(Settings(QABOT_CHROMA_PATH=folder)):
        assert is_locked(folder) is locks
        # An ingest may hold the writer lock meanwhile: creating waits for creating only.
        assert writer_lock_is_free(folder)
    assert not is_locked(folder)


def test_a_chroma_server_is_never_locked_here(tmp_path: Path) -> None:
    folder = tmp_path / "chroma"
    with creating_lock(Settings(QABOT_CHROMA_PATH=folder, QABOT_CHROMA_HOST="localhost")):
        assert not folder.exists()
