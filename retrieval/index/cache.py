"""A saved copy of the in-memory index, so a new process need not read the whole corpus back.

Reading every sentence and chunk out of Chroma, stemming them and building BM25 takes one to
two seconds per thousand documents; reading the copy back takes a tenth of that or less. The
copy lives next to the Chroma files and is used only while it matches the index: ingest changes
the index's generation (a marker kept in Chroma), and the copy records the generation, the
collection sizes and the code it was made by.

The copy is data only (JSON and NumPy arrays, see `serial.py`), never a pickle: the index folder
sits by default under the working directory, and a planted pickle would run its code on the next
`qabot ask` (issue #14). An older qabot's `qabot-index.pickle` is never opened, and is removed
when a new copy is saved. The copy is two parts:

- `qabot-index.json`, the stamp: what the copy must agree on with the index, and the name of
  the folder holding the copy. It is small and is read, and compared, before anything else.
- `qabot-index-<random hex>/`, that folder, written whole under a temporary name and renamed,
  and only then named by a new stamp (itself written to a temporary file and renamed). A process
  starting meanwhile reads the old copy or the new one; older copies are removed on saving.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import json
import logging
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy

from retrieval.constants import CHUNKS_COLLECTION, SENTENCES_COLLECTION
from retrieval.index import corpus, keywords, names, sentences, serial
from retrieval.index.chroma import Stores
from retrieval.index.corpus import CorpusIndex
from retrieval.language import lexicon as lexicon_module
from retrieval.language import text as text_module

log = logging.getLogger(__name__)

STAMP_FILE = "qabot-index.json"
COPY_PREFIX = "qabot-index-"
COPY_FOLDER = re.compile(re.escape(COPY_PREFIX) + r"[0-9a-f]{32}")
# A stamp is about 200 bytes: a bigger file is not one, and is not read further.
STAMP_MAX_BYTES = 4096
# Written by qabot before issue #14. Unpickling runs code: never opened, only removed.
LEGACY_PICKLE = "qabot-index.pickle"
# A temporary copy folder this old was left by a process that died while writing it.
ABANDONED_AFTER_S = 3600


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
    stamp = _stamp(stores)
    saved = _read(folder, stamp)
    if saved is not None:
        return saved
    index = _built(stores)
    # The index may have changed while it was read: save it only under the stamp it was read at.
    if _stamp(stores) == stamp:
        _write(folder, stamp, index)
    return index


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the index's objects are made.

    They are many and long-lived, and every few hundred allocations start a collection that
    walks them again: in a new process, unpickling the former copy of a 10,000-document index
    took 1.2-1.6 s with the collector running and 0.5-0.8 s with it paused; reading today's copy
    of a 1,000-document index, 86 ms against 73 ms (best of 20 each).
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
    """Changes whenever the code that builds or saves the index, or the libraries it uses, do."""
    digest = hashlib.sha256()
    modules = (corpus, sentences, keywords, names, serial, text_module, lexicon_module)
    for source in [*(Path(module.__file__ or "") for module in modules), Path(__file__)]:
        digest.update(source.read_bytes())
    # bm25s by its installed version: importing it (and SciPy with it) would cost 0.1 s.
    digest.update(f"{importlib.metadata.version('bm25s')} {numpy.__version__}".encode())
    return digest.hexdigest()[:16]


def _read(folder: Path, stamp: Stamp) -> CorpusIndex | None:
    """The saved copy if its stamp is `stamp`; None when it is missing, stale or unreadable."""
    saved = _read_stamp(folder / STAMP_FILE)
    if saved is None or saved[0] != stamp:
        return None
    try:
        with _collector_paused():
            index = serial.read_index(folder / saved[1])
    except Exception as error:  # a damaged, partial or foreign copy: rebuild it, never fail on it
        log.info("ignoring the unreadable index copy in %s (%s)", folder, type(error).__name__)
        return None
    if len(index.chunk_ids) != stamp.chunks:
        log.info("ignoring the index copy in %s: it holds another index", folder)
        return None
    return index


def _read_stamp(path: Path) -> tuple[Stamp, str] | None:
    """The stamp and copy folder named in `path`, or None unless it is a stamp qabot wrote."""
    try:
        with path.open("rb") as file:
            raw = file.read(STAMP_MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        log.info("cannot read the index stamp %s: %s", path, error)
        return None
    try:
        value = json.loads(raw) if len(raw) <= STAMP_MAX_BYTES else None
        is_stamp = (
            isinstance(value, dict)
            and isinstance(value.get("generation"), str)
            and isinstance(value.get("code"), str)
            and all(type(value.get(count)) is int for count in ("chunks", "sentences"))
            and isinstance(value.get("copy"), str)
            and COPY_FOLDER.fullmatch(value["copy"]) is not None
        )
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested past all reason
        is_stamp = False
    if not is_stamp:
        log.info("ignoring the index stamp %s: not one qabot wrote", path)
        return None
    stamp = Stamp(value["generation"], value["chunks"], value["sentences"], value["code"])
    return stamp, value["copy"]


def _write(folder: Path, stamp: Stamp, index: CorpusIndex) -> None:
    """Save the copy and then its stamp, each atomically; a read-only folder only logs."""
    copy = folder / f"{COPY_PREFIX}{uuid.uuid4().hex}"
    previous = _read_stamp(folder / STAMP_FILE)
    temporary: Path | None = None
    try:
        temporary = Path(tempfile.mkdtemp(dir=folder, prefix=COPY_PREFIX, suffix=".tmp"))
        serial.write_index(index, temporary)
        os.replace(temporary, copy)
        temporary = None
        _write_stamp(folder / STAMP_FILE, stamp, copy.name)
    except OSError as error:  # a read-only index folder still answers, just starts slower
        log.info("cannot save the index copy in %s: %s", folder, error)
        for leftover in (temporary, copy):
            if leftover is not None:
                shutil.rmtree(leftover, ignore_errors=True)
        return
    # A process that read the previous stamp just before this one replaced it may still be
    # reading the previous copy: keep it until the next save.
    _remove_old_copies(folder, keep={copy.name} | ({previous[1]} if previous else set()))


def _write_stamp(path: Path, stamp: Stamp, copy: str) -> None:
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", dir=path.parent, prefix=COPY_PREFIX, suffix=".json.tmp", delete=False
        ) as file:
            temporary = Path(file.name)
            json.dump({**asdict(stamp), "copy": copy}, file)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise


def _remove_old_copies(folder: Path, keep: set[str]) -> None:
    """Remove copies no stamp names any more, abandoned temporary files, and the old pickle."""
    try:
        (folder / LEGACY_PICKLE).unlink(missing_ok=True)
        entries = list(folder.iterdir())
    except OSError as error:
        log.info("cannot tidy the index copies in %s: %s", folder, error)
        return
    for entry in entries:
        is_old_copy = COPY_FOLDER.fullmatch(entry.name) is not None and entry.name not in keep
        is_abandoned = (
            entry.name.startswith(COPY_PREFIX)
            and entry.name.endswith(".tmp")
            and _age_s(entry) > ABANDONED_AFTER_S
        )
        if not (is_old_copy or is_abandoned):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with suppress(OSError):
                entry.unlink()


def _age_s(path: Path) -> float:
    try:
        return time.time() - path.lstat().st_mtime
    except OSError:
        return 0.0
