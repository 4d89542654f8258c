"""The one factory for the Chroma client and the two collections qabot keeps in it."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import random
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.constants import (
    CHUNKS_COLLECTION,
    COLLECTION_METADATA,
    INDEX_LAYOUT,
    SENTENCE_VECTORS_METADATA,
    SENTENCES_COLLECTION,
    STATE_COLLECTION,
)
from retrieval.errors import IndexCorrupt, IndexUnavailable
from retrieval.settings import Settings, parse_headers

if TYPE_CHECKING:
    from chromadb.api import ClientAPI, Collection
    from langchain_chroma import Chroma

    from retrieval.index.embeddings import Embedder

# Chroma reads this before its settings object exists; telemetry stays off either way.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

log = logging.getLogger(__name__)

GENERATION_ID = "generation"
LAYOUT_ID = "layout"
# Present from an ingest's first write to its last: who is writing (see `IngestMark`).
INGEST_ID = "ingest"
# Records read per request, well below SQLite's limit on bound variables.
READ_PAGE = 5000
# Chroma's database inside the index folder; its vectors sit beside it, a folder per collection
# part named by a UUID (Chroma's layout, relied on only to move damaged vectors aside).
DATABASE_FILE = "chroma.sqlite3"
# Written into the index folder before the first ingest writes anything: this folder holds a
# qabot index. A folder without it (and without a generation) never held one, and only such a
# folder is given the bundled article; a damaged or emptied one is reported instead.
MARKER_FILE = "qabot.json"
# Vectors read back to check they exist: a few blocks at random places, a few ms in all
# (a whole 2,174-chunk collection takes 190 ms; the blocks 4-8 ms).
PROBE_BLOCKS = 4
PROBE_BLOCK_SIZE = 32
# Locked (flock) by the one process writing to the index folder; it holds that process's id.
LOCK_FILE = "qabot.lock"
# Bytes 18-19 of an SQLite file in WAL mode (its write and read format versions), and the first
# 16 of any SQLite file. Chroma (1.5.9) leaves its database in rollback-journal mode, where one
# process reading blocks another's write, and waits up to 1,000 s for a lock: every process
# opening the index writes a row, so a `qabot ask` opening it while an ingest read from it hung
# past 300 s. In WAL mode readers and the one writer never wait for each other.
WAL_FORMAT = b"\x02\x02"
SQLITE_MAGIC = b"SQLite format 3\x00"
# How long switching an index to WAL mode waits out another process's transaction; past it the
# switch is left to the next process that opens the index.
WAL_SWITCH_WAIT_S = 2.0
# How to recover an index that cannot be read, said by every such error.
REBUILD_HINT = (
    "`qabot ingest --repair` rebuilds its vectors from the stored texts; if that fails, "
    "`qabot ingest --rebuild PATHS` builds a new index from your files (the old folder is kept "
    "beside it)"
)


@dataclass(frozen=True)
class IngestMark:
    """An ingest that has begun writing to the index and not finished: which process, where."""

    pid: int
    host: str
    started: float

    @classmethod
    def parse(cls, text: str) -> IngestMark:
        try:
            value = json.loads(text)
            return cls(int(value["pid"]), str(value["host"]), float(value["started"]))
        except (ValueError, TypeError, KeyError):  # not ours: an ingest of unknown origin
            return cls(0, "", 0.0)

    def is_this_process(self) -> bool:
        return self.pid == os.getpid() and self.host == socket.gethostname()

    def describe(self) -> str:
        started = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.started))
        return f"process {self.pid} on {self.host}, started {started}"


@dataclass(frozen=True)
class Marks:
    """What the state collection says about the index: its generation and any ingest on it."""

    generation: str
    ingest: IngestMark | None


class Stores:
    """Chunks (what dense retrieval searches, with their sentences) and sentence vectors.

    `chunks` and `sentences` are Chroma's own collections, searched and read with vectors the
    caller computed by `embeddings`: LangChain's Chroma wrapper would cost a new process the
    import of langchain-core and langsmith (0.4-0.5 s) for two calls. A LangChain caller gets
    the chunks as a langchain-chroma vector store from `as_langchain()`.
    """

    def __init__(
        self,
        client: ClientAPI,
        chunks: Collection,
        sentences: Collection,
        embeddings: Embedder,
        folder: Path | None = None,
    ):
        self.client = client
        self.chunks = chunks
        self.sentences = sentences
        self.embeddings = embeddings
        # The local index folder; None for a Chroma server.
        self.folder = folder
        self._changing = False
        self._changed = False
        self._marking = threading.Lock()
        # The state collection once found: reading the generation before every question then
        # costs one small read (0.3 ms here) instead of two (1 ms).
        self._state_found: Collection | None = None

    def as_langchain(self) -> Chroma:
        """The chunks as a LangChain `VectorStore` (langchain-chroma). Imports LangChain."""
        from retrieval.index.langchain_store import chunk_store

        return chunk_store(self)

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Writes inside mark the index changed: before the first, and again when all are done.

        The first mark retires copies of the index (see retrieval/index/cache.py) before
        anything changes, even if the writes then fail, and says an ingest is writing
        (`IngestMark`); the last retires any copy made while they ran. The ingest mark is taken
        away only when the writes are all done: one left behind by a process that died (kill -9,
        a power cut) tells the next reader that the index is incomplete.

        A caller writing to a local folder holds its `writer_lock` (`Engine.ingest` does).
        """
        self._changing, self._changed = True, False
        try:
            yield
        except BaseException:
            self._changing = False
            if self._changed:
                self.new_generation()  # the ingest mark stays: this ingest did not finish
            raise
        self._changing = False
        if self._changed:
            self.new_generation()
        self._finish_ingest()

    def _before_write(self) -> None:
        with self._marking:
            if self._changing and not self._changed:
                self._mark_folder()
                mark = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
                self._write_states({GENERATION_ID: uuid.uuid4().hex, INGEST_ID: json.dumps(mark)})
                self._changed = True

    def _finish_ingest(self) -> None:
        """Take away the ingest mark: this process's, or one a dead ingest left behind (which
        this complete run has made good, as far as its files go)."""
        mark = self.marks().ingest
        if mark is None:
            return
        # Holding a folder's writer lock, no other process can be writing to it.
        left_behind = self.folder is not None or not writer_running(None, mark)
        if mark.is_this_process() or left_behind:
            self._state().delete(ids=[INGEST_ID])

    def _mark_folder(self) -> None:
        """Say, in the folder itself, that it holds a qabot index (see `MARKER_FILE`)."""
        if self.folder is None or (self.folder / MARKER_FILE).exists():
            return
        temporary = self.folder / f"{MARKER_FILE}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps({"index": "qabot", "since": time.time()}))
        os.replace(temporary, self.folder / MARKER_FILE)

    def held_articles(self) -> bool:
        """Whether an ingest ever wrote here: the folder's marker, or a generation in Chroma."""
        marked = self.folder is not None and (self.folder / MARKER_FILE).exists()
        return marked or bool(self.generation())

    def count(self, collection: str) -> int:
        return self.client.get_collection(collection).count()

    def add_embedded(
        self,
        collection: str,
        *,
        ids: list[str],
        metadatas: list[dict],
        vectors: list[list[float]],
        documents: list[str] | None = None,
        replace: bool = False,
    ) -> None:
        """Store `documents` verbatim with vectors computed by the caller (who may add context).

        With `replace`, records already stored get these vectors (and texts) instead.
        """
        if ids:
            self._before_write()
            stored = self.client.get_collection(collection)
            write = stored.upsert if replace else stored.add
            write(ids=ids, embeddings=vectors, documents=documents, metadatas=metadatas)

    def delete(
        self, collection: str, *, ids: list[str] | None = None, where: dict | None = None
    ) -> None:
        self._before_write()
        self.client.get_collection(collection).delete(ids=ids, where=where)

    def get(
        self,
        collection: str,
        *,
        include: list[str],
        ids: list[str] | None = None,
        where: dict | None = None,
    ) -> dict[str, list]:
        """Records of `collection`, fetched a page at a time: Chroma fails on one request that
        binds more SQL variables than SQLite allows (about 32,000 ids or records)."""
        found: dict[str, list] = {key: [] for key in ("ids", *include)}
        if ids is None:
            pages = self.pages(collection, include=include, where=where)
        else:
            stored = self.client.get_collection(collection)
            pages = (
                stored.get(ids=ids[first : first + READ_PAGE], where=where, include=include)
                for first in range(0, len(ids), READ_PAGE)
            )
        for page in pages:
            for key in found:
                found[key].extend(page[key])
        return found

    def pages(
        self, collection: str, *, include: list[str], where: dict | None = None
    ) -> Iterator[dict[str, list]]:
        """Records of `collection` a page at a time, for a caller that keeps little of each: a
        large index's metadata, read whole, is held whole (its sentence tables are most of it).

        Not for a caller that writes to the collection between pages: they are read by offset.
        """
        stored = self.client.get_collection(collection)
        offset = 0
        while True:
            page = stored.get(where=where, include=include, limit=READ_PAGE, offset=offset)
            if not page["ids"]:
                return
            yield {key: page[key] for key in ("ids", *include)}
            offset += READ_PAGE

    def generation(self) -> str:
        """Which state of the index this is; "" for an index no ingest has marked yet."""
        return self._read_state(GENERATION_ID)

    def new_generation(self) -> None:
        """Mark the index as changed, so copies of it made before are no longer used."""
        self._write_state(GENERATION_ID, uuid.uuid4().hex)

    def layout(self) -> str:
        """How the stored records are laid out (`INDEX_LAYOUT` when current); "" if unmarked."""
        return self._read_state(LAYOUT_ID)

    def mark_layout(self) -> None:
        self._before_write()
        self._write_state(LAYOUT_ID, INDEX_LAYOUT)

    def marks(self) -> Marks:
        """The generation and any ingest mark, in one small read (before every question)."""
        found = self._read_states([GENERATION_ID, INGEST_ID])
        ingest = found.get(INGEST_ID)
        return Marks(found.get(GENERATION_ID, ""), IngestMark.parse(ingest) if ingest else None)

    def _read_state(self, key: str) -> str:
        return self._read_states([key]).get(key, "")

    def _read_states(self, keys: list[str]) -> dict[str, str]:
        from chromadb.errors import NotFoundError

        try:  # not get_or_create: answering never writes to the index
            if self._state_found is None:
                self._state_found = self.client.get_collection(STATE_COLLECTION)
            got = self._state_found.get(ids=keys, include=["documents"])
        except NotFoundError:  # never written, or deleted since it was found
            self._state_found = None
            return {}
        return {key: str(text) for key, text in zip(got["ids"], got["documents"], strict=True)}

    def _write_state(self, key: str, value: str) -> None:
        self._write_states({key: value})

    def _write_states(self, values: dict[str, str]) -> None:
        # A record needs a vector; a constant one, since nothing ever searches these.
        self._state().upsert(
            ids=list(values), embeddings=[[1.0]] * len(values), documents=list(values.values())
        )

    def _state(self) -> Collection:
        return self.client.get_or_create_collection(STATE_COLLECTION, embedding_function=None)

    def update_metadata(self, collection: str, ids: list[str], metadatas: list[dict]) -> None:
        """New offsets or speakers for stored text: no embedding is recomputed."""
        if ids:
            self._before_write()
            self.client.get_collection(collection).update(ids=ids, metadatas=metadatas)


@contextmanager
def writer_lock(
    folder: Path | None, progress: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Be the one process writing to the index folder, waiting (and saying so) for another.

    Chroma's local folder is not made for several writing processes: each keeps the vector
    index in memory and writes it back whole, so two writers can lose each other's vectors.
    The lock is an flock on `LOCK_FILE`, which the system releases when its holder exits, even
    by kill -9. A Chroma server (`folder` None) orders its writers itself.
    """
    if folder is None:
        yield
        return
    while True:
        folder.mkdir(parents=True, exist_ok=True)
        handle = (folder / LOCK_FILE).open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if progress:
                handle.seek(0)
                holder = handle.read(20).strip()
                by = f" (process {holder})" if holder.isdigit() else ""
                progress(f"waiting for another qabot ingest into {folder}{by} to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        if _is_open_as(handle.fileno(), folder / LOCK_FILE):
            break
        handle.close()  # the folder was renamed aside meanwhile: lock the one there now
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()  # releases the lock


def creating_lock(settings: Settings) -> AbstractContextManager[None]:
    """One process at a time while a local index folder gets its database and collections.

    Two processes starting on a new folder at once would both create Chroma's tables and
    collections, and the one that loses the race fails with an `InternalError`. The lock is an
    flock on the folder itself, apart from the writer lock: a process that has created the
    index and gone on to ingest does not keep the next one from opening it.
    """
    path = settings.chroma_path
    if settings.chroma_host or (path / DATABASE_FILE).exists() or path.is_file():
        return nullcontext()
    return _folder_lock(path)


@contextmanager
def _folder_lock(path: Path) -> Iterator[None]:
    path.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def writer_running(folder: Path | None, mark: IngestMark) -> bool:
    """Whether the ingest that left `mark` may still be writing.

    In a local folder, whether anyone holds its writer lock (the system releases it when the
    holder dies). On a server, whether its process lives, when it ran on this machine; another
    machine's cannot be seen from here, so it counts as running.
    """
    if folder is not None:
        with writers_held_off(folder) as held_off:
            return not held_off
    if mark.host != socket.gethostname():
        return True
    try:
        os.kill(mark.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return mark.pid > 0


@contextmanager
def writers_held_off(
    folder: Path | None, *, wait: bool = False, progress: Callable[[str], None] | None = None
) -> Iterator[bool]:
    """Keep writers out of the index folder while the block runs (a shared flock on
    `LOCK_FILE`, which a writer holds exclusively). One writing now is waited for, and said so,
    when `wait`; else the block runs holding nothing and is given False. A Chroma server
    (`folder` None) orders its writers itself."""
    if folder is None:
        yield True
        return
    try:
        descriptor = os.open(folder / LOCK_FILE, os.O_RDONLY)
    except FileNotFoundError:  # no ingest ever wrote here
        yield True
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
            held_off = True
        except BlockingIOError:
            held_off = wait
            if wait:
                if progress:
                    progress(f"waiting for another qabot ingest into {folder} to finish")
                fcntl.flock(descriptor, fcntl.LOCK_SH)
        yield held_off
    finally:
        os.close(descriptor)  # and with it the shared lock, if it was taken


def damaged_vector_files(folder: Path) -> str | None:
    """What is wrong with the vector files of the local index in `folder`, or None.

    Called before Chroma reads them: some damage crashes Chroma's reader (see
    retrieval/index/vector_files.py). Files an ingest is writing may look damaged for a moment,
    so files found damaged are checked again with writers held off, and taken as sound while
    an ingest is writing (it checked them when it started, or it is repairing them).
    """
    from retrieval.index.vector_files import vector_file_damage

    if vector_file_damage(folder) is None:
        return None
    with writers_held_off(folder) as held_off:
        return vector_file_damage(folder) if held_off else None


def _is_open_as(descriptor: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), path.stat())
    except FileNotFoundError:
        return False


def is_store_error(error: BaseException) -> bool:
    """Whether `error` is Chroma's: a damaged index, or one changed under its reader."""
    from chromadb.errors import ChromaError

    return isinstance(error, ChromaError)


def is_unreachable(error: BaseException) -> bool:
    """Whether `error` is a Chroma server's connection failing (refused, reset, timed out):
    the server is down or restarting, and nothing is wrong with the index it serves."""
    import httpx  # the Chroma client's own HTTP library

    return isinstance(error, httpx.TransportError)


def vector_damage(stores: Stores) -> str | None:
    """What is wrong with the stored vectors, or None when a sample of them reads back.

    Chroma keeps texts and metadata in its database and vectors in a separate index per
    collection; when that index is deleted or damaged, texts still read but vectors fail. Read
    back a few blocks of vectors from each collection, at random places.
    """
    for collection in (CHUNKS_COLLECTION, SENTENCES_COLLECTION):
        try:
            stored = stores.client.get_collection(collection)
            count = stored.count()
            for _ in range(PROBE_BLOCKS if count else 0):
                offset = random.randrange(max(1, count - PROBE_BLOCK_SIZE + 1))
                stored.get(include=["embeddings"], limit=PROBE_BLOCK_SIZE, offset=offset)
        except Exception as error:  # chromadb raises InternalError, or others, for each kind
            return f"{collection}: {type(error).__name__}: {_first_line(error)}"
    return None


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:160] if lines else ""


def set_vectors_aside(folder: Path) -> Path | None:
    """Move every vector-index folder out of the index folder, into a new sibling folder.

    Called with no client open on `folder`. Chroma then reads the texts without their vectors,
    and a repair stores new ones; the old files are kept for whoever wants to look at them.
    """
    parts = [entry for entry in folder.iterdir() if entry.is_dir() and _is_uuid(entry.name)]
    if not parts:
        return None
    aside = _sibling(folder, "damaged-vectors")
    aside.mkdir()
    for part in parts:
        os.replace(part, aside / part.name)
    return aside


def set_index_aside(folder: Path) -> Path | None:
    """Rename the index folder to a new sibling name (nothing deleted); None if it is absent."""
    if not folder.exists():
        return None
    aside = _sibling(folder, "old")
    os.replace(folder, aside)
    return aside


def _sibling(folder: Path, label: str) -> Path:
    """A new name beside `folder`: `NAME.LABEL-DATE-TIME`, numbered if that one is taken."""
    name = f"{folder.name}.{label}-{time.strftime('%Y%m%d-%H%M%S')}"
    aside, number = folder.with_name(name), 1
    while aside.exists():
        number += 1
        aside = folder.with_name(f"{name}-{number}")
    return aside


def _is_uuid(name: str) -> bool:
    try:
        return str(uuid.UUID(name)) == name
    except ValueError:
        return False


def _check_folder(path: Path) -> None:
    """Refuse a folder that held an index whose database is now gone or empty.

    Chroma would quietly start a new, empty database there (SQLite takes an empty file for an
    empty database), and the bundled article would take the user's articles' place.
    """
    database = path / DATABASE_FILE
    held_index = (path / MARKER_FILE).exists() or any(
        entry.is_dir() and _is_uuid(entry.name) for entry in path.iterdir()
    )
    if not held_index:
        return
    if not database.exists():
        what = f"its database {DATABASE_FILE} is missing"
    elif database.stat().st_size == 0:
        what = f"its database {DATABASE_FILE} is empty (0 bytes)"
    else:
        return
    raise IndexCorrupt(
        f"the index at {path} is damaged: {what}; nothing was changed. Build a new one from "
        "your files with `qabot ingest --rebuild PATHS` (the damaged folder is kept beside it), "
        "or restore the folder from a backup"
    )


def make_client(settings: Settings) -> ClientAPI:
    """A Chroma server client when `QABOT_CHROMA_HOST` is set, else a persistent folder.

    Telemetry is off either way.
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        return _server_client(settings, chroma_settings)
    path = settings.chroma_path
    if path.exists() and not path.is_dir():
        raise IndexCorrupt(f"index folder {path} is a file; remove it or set QABOT_CHROMA_PATH")
    if path.is_dir():
        _check_folder(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        use_write_ahead_log(path / DATABASE_FILE)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as error:  # chromadb raises many types for a damaged folder
        raise IndexCorrupt(
            f"cannot open the index at {path} ({type(error).__name__}); nothing was changed. "
            f"{REBUILD_HINT}"
        ) from error


# Databases this process has looked at: Chroma may hold them open since, and any other handle on
# the file, closed, would drop the locks this process holds on it (POSIX locks are per process).
_journal_checked: set[Path] = set()


def use_write_ahead_log(database: Path) -> None:
    """Put the index's database in WAL mode (a new one is made so), once per process and before
    Chroma opens it here; the mode is kept in the file. A file that is no database, or one that
    another process keeps busy or cannot be written, is left as it is (Chroma reports the first;
    the next process to open the others switches them)."""
    key = database.resolve()
    if key in _journal_checked:
        return
    _journal_checked.add(key)
    try:
        with database.open("rb") as file:
            header = file.read(len(SQLITE_MAGIC) + 4)
    except FileNotFoundError:
        header = b""
    except OSError:
        return
    is_new = not header
    if not is_new and (not header.startswith(SQLITE_MAGIC) or header[18:20] == WAL_FORMAT):
        return
    try:
        connection = sqlite3.connect(database, timeout=WAL_SWITCH_WAIT_S)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
        finally:
            connection.close()
    except sqlite3.Error as error:
        log.debug("left %s in its journal mode: %s", database, error)


def _server_client(settings: Settings, chroma_settings: object) -> ClientAPI:
    import chromadb

    where = f"{settings.chroma_host}:{settings.chroma_port}"
    try:
        client = chromadb.HttpClient(
            host=settings.chroma_host,
            port=settings.chroma_port,
            ssl=settings.chroma_ssl,
            headers=parse_headers(settings.chroma_headers),
            settings=chroma_settings,
        )
        client.heartbeat()
    except Exception as error:  # connection refused, TLS, auth: all mean "not usable"
        raise IndexUnavailable(
            f"cannot reach the Chroma server at {where} ({type(error).__name__}); "
            "is `chroma run` going, and are QABOT_CHROMA_HOST/PORT right?"
        ) from error
    return client


def make_stores(
    settings: Settings, embeddings: Embedder, client: ClientAPI | None = None
) -> Stores:
    """Both collections over one client, always with our embeddings, never Chroma's default
    (no embedding function is given to Chroma: every vector comes from `embeddings`)."""
    client = client or make_client(settings)
    try:
        chunks, sentences = (
            client.get_or_create_collection(name, metadata=metadata, embedding_function=None)
            for name, metadata in (
                (CHUNKS_COLLECTION, COLLECTION_METADATA),
                (SENTENCES_COLLECTION, SENTENCE_VECTORS_METADATA),
            )
        )
    except Exception as error:
        raise IndexCorrupt(
            f"cannot open the index at {settings.index_location} ({type(error).__name__}); "
            f"nothing was changed. {REBUILD_HINT}"
        ) from error
    folder = None if settings.chroma_host else settings.chroma_path
    return Stores(client, chunks, sentences, embeddings, folder)
