"""The one factory for the Chroma client and the two collections qabot keeps in it."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

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
    from langchain_core.embeddings import Embeddings

# Chroma reads this before its settings object exists; telemetry stays off either way.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

GENERATION_ID = "generation"
LAYOUT_ID = "layout"
# Records read per request, well below SQLite's limit on bound variables.
READ_PAGE = 5000


class Stores:
    """Chunks (what dense retrieval searches, with their sentences) and sentence vectors."""

    # A plain class, not a dataclass: pydantic (inside LangChain) would try to validate its fields.
    def __init__(self, client: ClientAPI, chunks: Chroma, sentences: Chroma):
        self.client = client
        self.chunks = chunks
        self.sentences = sentences
        self._changing = False
        self._changed = False
        self._marking = threading.Lock()

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Writes inside mark the index changed: before the first, and again when all are done.

        The first mark retires copies of the index (see retrieval/snapshot.py) before anything
        changes, even if the writes then fail; the last retires any copy made while they ran.
        """
        self._changing, self._changed = True, False
        try:
            yield
        finally:
            self._changing = False
            if self._changed:
                self.new_generation()

    def _before_write(self) -> None:
        with self._marking:
            if self._changing and not self._changed:
                self.new_generation()
                self._changed = True

    def count(self, collection: str) -> int:
        return self.client.get_collection(collection).count()

    @property
    def embeddings(self) -> Embeddings:
        """The one embedding model both collections use."""
        return self.chunks.embeddings

    def add_embedded(
        self,
        collection: str,
        *,
        ids: list[str],
        metadatas: list[dict],
        vectors: list[list[float]],
        documents: list[str] | None = None,
    ) -> None:
        """Store `documents` verbatim with vectors computed by the caller (who may add context)."""
        if ids:
            self._before_write()
            self.client.get_collection(collection).add(
                ids=ids, embeddings=vectors, documents=documents, metadatas=metadatas
            )

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
        stored = self.client.get_collection(collection)
        found: dict[str, list] = {key: [] for key in ("ids", *include)}

        def take(page: Any) -> int:
            for key in found:
                found[key].extend(page[key])
            return len(page["ids"])

        if ids is not None:
            for first in range(0, len(ids), READ_PAGE):
                take(stored.get(ids=ids[first : first + READ_PAGE], where=where, include=include))
            return found
        offset = 0
        while take(stored.get(where=where, include=include, limit=READ_PAGE, offset=offset)):
            offset += READ_PAGE
        return found

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
        self._write_state(LAYOUT_ID, INDEX_LAYOUT)

    def _read_state(self, key: str) -> str:
        got = self._state().get(ids=[key], include=["documents"])
        return str(got["documents"][0]) if got["ids"] else ""

    def _write_state(self, key: str, value: str) -> None:
        # The record needs a vector; a constant one, since nothing ever searches it.
        self._state().upsert(ids=[key], embeddings=[[1.0]], documents=[value])

    def _state(self) -> Collection:
        return self.client.get_or_create_collection(STATE_COLLECTION, embedding_function=None)

    def update_metadata(self, collection: str, ids: list[str], metadatas: list[dict]) -> None:
        """New offsets or speakers for stored text: no embedding is recomputed."""
        if ids:
            self._before_write()
            self.client.get_collection(collection).update(ids=ids, metadatas=metadatas)


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
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as error:  # chromadb raises many types for a damaged folder
        raise IndexCorrupt(
            f"cannot open the index at {path} ({type(error).__name__}); "
            "move it aside and run `qabot ingest` to rebuild it"
        ) from error


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
    settings: Settings, embeddings: Embeddings, client: ClientAPI | None = None
) -> Stores:
    """Both collections over one client, always with our embeddings, never Chroma's default."""
    from langchain_chroma import Chroma

    client = client or make_client(settings)
    try:
        chunks, sentences = (
            Chroma(
                client=client,
                collection_name=name,
                embedding_function=embeddings,
                collection_metadata=metadata,
            )
            for name, metadata in (
                (CHUNKS_COLLECTION, COLLECTION_METADATA),
                (SENTENCES_COLLECTION, SENTENCE_VECTORS_METADATA),
            )
        )
    except Exception as error:
        raise IndexCorrupt(
            f"cannot open the index at {settings.index_location} ({type(error).__name__}); "
            "move it aside and run `qabot ingest` to rebuild it"
        ) from error
    return Stores(client, chunks, sentences)
