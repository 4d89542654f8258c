"""Ingest: read the files, chunk them, and store what changed — re-runnable and idempotent."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.constants import CHUNKS_COLLECTION, INDEX_LAYOUT
from retrieval.errors import SourceUnreadable
from retrieval.index.chroma import Stores
from retrieval.ingest.chunking import (
    ChunkRecord,
    SentenceReading,
    iter_chunks,
    read_sentences,
)
from retrieval.ingest.loader import (
    HTML_SUFFIXES,
    SUPPORTED_SUFFIXES,
    Article,
    Paragraph,
    load_article,
)
from retrieval.ingest.progress import CountingProgress
from retrieval.ingest.relayout import prune_vanished, relay, repair_vectors
from retrieval.ingest.writer import WRITE_BATCH, delete_chunks, refresh_metadata, write_chunks
from retrieval.language.text import words

log = logging.getLogger(__name__)

# Sources whose stored chunks one query fetches.
SOURCE_BATCH = 200


@dataclass
class IngestReport:
    """What one ingest run did, counted in chunks."""

    added: int = 0
    unchanged: int = 0
    removed: int = 0
    embedded: int = 0
    # Chunks whose lost or damaged vectors were computed again from their stored text.
    repaired: int = 0
    sources: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, int]:
        counts = {
            "added": self.added,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "embedded": self.embedded,
        }
        return {**counts, "repaired": self.repaired} if self.repaired else counts


def expand_paths(paths: Iterable[Path], notify: Callable[[str], None] | None = None) -> list[Path]:
    """Files to ingest: the given files, and the supported files inside given folders.

    A file named is read wherever it is or links to: the user asked for it. A folder gives only
    what is its own: hidden files and folders (`.env`, `.git/`) are passed over, and a symlink is
    followed only to a file inside the folder; each symlink passed over is said through `notify`,
    one line each, the hidden entries in one line. A folder or file that cannot be read fails
    the whole ingest with one line, as ingest writes nothing unless it read everything.
    """
    say = notify or log.warning
    files: dict[Path, Path] = {}  # by resolved path: a file named twice, or linked to, is read once
    for path in paths:
        try:
            is_folder = stat.S_ISDIR(path.stat().st_mode)
        except FileNotFoundError:
            raise SourceUnreadable(f"{path}: no such file or folder") from None
        except (OSError, RuntimeError) as error:  # permission denied, a symlink loop
            raise SourceUnreadable(f"{path}: cannot be read ({_reason(error)})") from None
        if not is_folder and not path.is_file():  # a pipe or a device would block the read
            raise SourceUnreadable(f"{path}: not a regular file")
        for file in _walk(path, say) if is_folder else [path]:
            key = _resolved(file) or file
            if key not in files or files[key].is_symlink():  # the file itself over a link to it
                files[key] = file
    return list(files.values())


def _walk(folder: Path, say: Callable[[str], None]) -> list[Path]:
    """The supported files under `folder` that belong to it, in a stable order."""
    root = folder.resolve()
    found: list[Path] = []
    hidden = 0

    def unreadable(error: OSError) -> None:
        raise SourceUnreadable(
            f"{error.filename}: cannot be read ({_reason(error)}); "
            "make it readable, or name the files to ingest"
        )

    for top, folders, names in os.walk(folder, onerror=unreadable):
        here = Path(top)
        kept = []
        for name in sorted(folders):
            if name.startswith("."):
                hidden += 1
            elif page := _saved_page_of(here, name):
                # "Story_files/" beside "Story.html": the page's images, scripts and frames
                say(f"skipped {here / name}: the files of the saved page {page}")
            elif (here / name).is_symlink():
                # Never walked into: its files are read where they are, if under `folder`.
                target = _resolved(here / name)
                if target is None or not target.is_relative_to(root):
                    say(f"skipped {here / name}: a symlink to {target}, a folder outside {root}")
            else:
                kept.append(name)
        folders[:] = kept
        for name in sorted(names):
            entry = here / name
            if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if name.startswith("."):
                hidden += 1
                continue
            why_not = _why_not_followed(entry, root) if entry.is_symlink() else None
            if why_not:
                say(f"skipped {entry}: {why_not}")
            elif not entry.is_file():  # a pipe or a device would block the read
                say(f"skipped {entry}: not a regular file")
            else:
                found.append(entry)
    if hidden:
        say(f"passed over {hidden} hidden file(s) and folder(s) under {folder} (names with a '.')")
    return sorted(found)


def _saved_page_of(folder: Path, name: str) -> Path | None:
    """The page whose files a folder holds, as a browser saves a "web page, complete":
    `NAME_files` beside `NAME.html` (or `.htm`); None for any other folder."""
    stem = name.removesuffix("_files")
    pages = (folder / f"{stem}{suffix}" for suffix in HTML_SUFFIXES)
    return next((page for page in pages if page.is_file()), None) if stem != name else None


def _why_not_followed(link: Path, root: Path) -> str | None:
    """Why a symlink inside the folder `root` is not read; None when it leads to a file of it."""
    target = _resolved(link)
    if target is None:
        return "a symlink loop"
    if not target.exists():
        return f"a symlink to {target}, which does not exist"
    if not target.is_relative_to(root):
        return f"a symlink to {target}, outside {root}"
    if any(part.startswith(".") for part in target.relative_to(root).parts):
        return f"a symlink to {target}, which is hidden"
    return None


def _resolved(path: Path) -> Path | None:
    """Where `path` leads, or None for a symlink loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: Python before 3.13 on a symlink loop
        return None


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return "a symlink loop" if isinstance(error, RuntimeError) else str(error)


def _has_words(article: Article) -> bool:
    return bool(words(article.text))


def ingest(
    stores: Stores,
    paths: Sequence[Path],
    *,
    prune: bool = False,
    repair: bool = False,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Bring the index in line with `paths`; every file is read before anything is written.

    With `repair`, every stored chunk's vectors are first computed again from its text.
    """
    articles = []
    for path in expand_paths(paths, progress):
        article = load_article(path)
        if _has_words(article):
            articles.append(article)
        else:  # a file of punctuation or blank lines: no sentence to quote, no word to search
            (progress or log.warning)(f"skipped {path}: no words to answer from")
    report = IngestReport(sources=[a.source for a in articles])
    with stores.changing():
        if repair:
            report.repaired = repair_vectors(stores, progress)
        unmarked = stores.layout() != INDEX_LAYOUT
        relaid = unmarked and stores.count(CHUNKS_COLLECTION) > 0
        if relaid:
            relaid_articles, removed = relay(
                stores, {article.source for article in articles}, progress
            )
            articles += relaid_articles
            report.removed += removed
        stored = _stored_ids(stores, [article.source for article in articles])
        # Every file's sentences are read first, the slow part before embedding; what is held
        # of them is their offsets and names (see `SentenceReading`).
        paragraph_read = _reading_counter(articles, progress)
        readings = [read_sentences(article, paragraph_read) for article in articles]
        # A first pass over the chunks makes the cheap changes and counts the new chunks;
        # a second makes them again, batch by batch, to embed and store the new ones.
        adding, report.unchanged, stale = _refresh_stored(stores, articles, readings, stored)
        delete_chunks(stores, stale)
        report.removed += len(stale)
        report.added = sum(adding)
        if prune:
            report.removed += prune_vanished(stores)
        if report.added and progress:
            progress(f"embedding {report.added} chunks")
        if unmarked and not relaid and report.added:
            # A new index takes this layout before its first chunk: one cut short (kill -9) is
            # then not taken for an older qabot's and stored again by the next question.
            stores.mark_layout()
        new_chunks = (
            chunk
            for article, reading, added in zip(articles, readings, adding, strict=True)
            if added
            for chunk in iter_chunks(article, reading)
            if chunk.id not in stored
        )
        write_chunks(stores, new_chunks, total=report.added, progress=progress)
        if relaid:
            stores.mark_layout()
    report.embedded = report.added + report.repaired
    return report


def _reading_counter(
    articles: Sequence[Article], progress: Callable[[str], None] | None
) -> Callable[[Paragraph], None] | None:
    """For a counting `progress` (a terminal's bar), a callback that counts the characters
    of the paragraphs whose sentences are read: a 20 MB file takes minutes."""
    if not isinstance(progress, CountingProgress):
        return None
    total = sum(p.end - p.start for article in articles for p in article.paragraphs)
    read = 0

    def paragraph_read(paragraph: Paragraph) -> None:
        nonlocal read
        read += paragraph.end - paragraph.start
        progress.count("reading sentences", read, total)

    return paragraph_read


def _refresh_stored(
    stores: Stores,
    articles: Sequence[Article],
    readings: Sequence[SentenceReading],
    stored: set[str],
) -> tuple[list[int], int, list[str]]:
    """Go through every file's chunks once: give those already stored their new metadata (a
    batch at a time, across files), and count the rest.

    Returns each file's new chunks, how many chunks were already stored, and the stored chunks
    that no file made (to remove).
    """
    adding: list[int] = []
    unchanged = 0
    unseen = set(stored)
    kept: list[ChunkRecord] = []
    for article, reading in zip(articles, readings, strict=True):
        added = 0
        for chunk in iter_chunks(article, reading):
            if chunk.id not in stored:
                added += 1
                continue
            unchanged += 1
            unseen.discard(chunk.id)
            kept.append(chunk)
            if len(kept) == WRITE_BATCH:
                refresh_metadata(stores, kept)
                kept = []
        adding.append(added)
    refresh_metadata(stores, kept)
    return adding, unchanged, sorted(unseen)


def _stored_ids(stores: Stores, sources: Sequence[str]) -> set[str]:
    """The ids of every chunk already stored for these sources (their metadata is read only
    where a chunk is found again, by `refresh_metadata`)."""
    found: set[str] = set()
    for first in range(0, len(sources), SOURCE_BATCH):
        batch = list(sources[first : first + SOURCE_BATCH])
        got = stores.get(CHUNKS_COLLECTION, where={"source": {"$in": batch}}, include=[])
        found.update(got["ids"])
    return found
