"""A saved copy of the in-memory index, so a new process need not read the whole corpus back.

Reading every sentence and chunk out of Chroma, stemming them and building BM25 takes seconds
per thousand documents; unpickling the result takes a tenth of that. The copy lives next to the
Chroma files and is used only while it matches the index: ingest changes the index's generation
(a marker kept in Chroma), and the copy records the generation, the collection sizes and the
code it was made by.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy

from retrieval.constants import CHUNKS_COLLECTION, SENTENCES_COLLECTION
from retrieval.index import corpus, keywords, names, sentences
from retrieval.index.chroma import Stores
from retrieval.index.corpus import CorpusIndex
from retrieval.language import text as text_module

log = logging.getLogger(__name__)

SNAPSHOT_FILE = "qabot-index.pickle"


@dataclass(frozen=True)
class Stamp:
    """What an index copy must agree on with the live index to stand in for it."""

    generation: str
    chunks: int
    sentences: int
    code: str


def load_index(stores: Stores, folder: Path | None) -> CorpusIndex:
    """The index of `stores`: from the copy in `folder` when it is current, else read and saved.

    `folder` is None for a Chroma server, whose index other machines may change: read afresh.
    """
    if folder is None:
        return _built(stores)
    path = folder / SNAPSHOT_FILE
    stamp = _stamp(stores)
    saved = _read(path)
    if saved is not None and saved[0] == stamp:
        return saved[1]
    index = _built(stores)
    # The index may have changed while it was read: save it only under the stamp it was read at.
    if _stamp(stores) == stamp:
        _write(path, stamp, index)
    return index


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the index's objects are made.

    They are many and long-lived, and every few hundred allocations start a collection that
    walks them again: in a new process, unpickling the copy of a 10,000-document index took
    1.2-1.6 s with the collector running and 0.5-0.8 s with it paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _built(stores: Stores) -> CorpusIndex:
    with _collector_paused():
        index = CorpusIndex.load(stores)
        index.prepare()
    return index


def _stamp(stores: Stores) -> Stamp:
    return Stamp(
        generation=stores.generation(),
        chunks=stores.count(CHUNKS_COLLECTION),
        sentences=stores.count(SENTENCES_COLLECTION),
        code=_code_version(),
    )


def _code_version() -> str:
    """Changes whenever the code that builds the index or the libraries it pickles change."""
    digest = hashlib.sha256()
    for module in (corpus, sentences, keywords, names, text_module):
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(f"{bm25s.__version__} {numpy.__version__}".encode())
    return digest.hexdigest()[:16]


def _read(path: Path) -> tuple[Stamp, CorpusIndex] | None:
    try:
        # Unpickling runs code: this file is trusted as the Chroma files beside it are, being
        # written by qabot in the user's own index folder.
        with path.open("rb") as file, _collector_paused():
            stamp, index = pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or foreign file: rebuild it, never fail on it
        log.info("ignoring the unreadable index copy %s (%s)", path, type(error).__name__)
        return None
    if not isinstance(stamp, Stamp) or not isinstance(index, CorpusIndex):
        return None
    return stamp, index


def _write(path: Path, stamp: Stamp, index: CorpusIndex) -> None:
    """Replace the copy atomically, so a process starting meanwhile reads the old or the new."""
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as file:
            temporary = Path(file.name)
            pickle.dump((stamp, index), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as error:  # a read-only index folder still answers, just starts slower
        log.info("cannot save the index copy at %s: %s", path, error)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
