"""Who may create a local index folder's database: one process at a time; and its journal mode,
where one process reading never keeps another from writing."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.index import chroma
from retrieval.index.chroma import (
    DATABASE_FILE,
    LOCK_FILE,
    creating_lock,
    use_write_ahead_log,
)
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


def journal_mode(database: Path) -> str:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        connection.close()


def database_of_an_older_qabot(database: Path) -> None:
    """A database in SQLite's default rollback-journal mode, as Chroma makes one, with a row."""
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.execute("INSERT INTO notes VALUES ('kept')")
    connection.commit()
    connection.close()


def rows(database: Path) -> list[tuple[str, ...]]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("SELECT text FROM notes").fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("prepare", "mode", "notes"),
    [
        pytest.param(lambda database: None, "wal", None, id="new database"),
        pytest.param(database_of_an_older_qabot, "wal", [("kept",)], id="older index"),
        pytest.param(
            lambda database: (
                database_of_an_older_qabot(database),
                use_write_ahead_log(database),
                chroma._journal_checked.clear(),
            ),
            "wal",
            [("kept",)],
            id="already in WAL mode",
        ),
    ],
)
def test_the_index_database_is_put_in_wal_mode_before_chroma_opens_it(
    tmp_path: Path, prepare: Callable[[Path], object], mode: str, notes: list | None
) -> None:
    database = tmp_path / DATABASE_FILE
    prepare(database)
    use_write_ahead_log(database)
    assert journal_mode(database) == mode
    if notes is not None:
        assert rows(database) == notes


def test_a_file_that_is_no_database_is_left_as_it_is(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_FILE
    garbage = b"not a database, whatever its name says" * 200
    database.write_bytes(garbage)
    use_write_ahead_log(database)  # Chroma says what is wrong with it, not this
    assert database.read_bytes() == garbage


def test_a_database_another_process_keeps_busy_is_switched_by_a_later_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chroma, "WAL_SWITCH_WAIT_S", 0.05)
    database = tmp_path / DATABASE_FILE
    database_of_an_older_qabot(database)
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # another connection's write under way
    try:
        use_write_ahead_log(database)  # waits a moment, then leaves it: no error
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert journal_mode(database) == "delete"
    use_write_ahead_log(database)
    assert journal_mode(database) == "delete", "once per process: Chroma may hold it open now"
    chroma._journal_checked.clear()  # as in the next process to open the index
    use_write_ahead_log(database)
    assert journal_mode(database) == "wal"
