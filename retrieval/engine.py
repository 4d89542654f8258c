"""The engine front ends talk to: ingest, and answer a question within a conversation."""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from retrieval.answer import Answer, Turn
from retrieval.constants import BUNDLED_ARTICLE, CHUNKS_COLLECTION, INDEX_LAYOUT
from retrieval.errors import (
    EmptyQuestion,
    IndexBusy,
    IndexCorrupt,
    IndexEmptied,
    IndexUnavailable,
    QabotError,
    SettingsError,
)
from retrieval.settings import Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

    from retrieval.index.articles import IndexedArticle
    from retrieval.index.chroma import IngestMark, Marks, Stores
    from retrieval.ingest.run import IngestReport
    from retrieval.pipeline import Pipeline

log = logging.getLogger(__name__)

# Longer questions are cut: nobody asks about an article in more words, and it bounds the work.
MAX_QUESTION_CHARS = 1000

# Times a question reads the index at once because it changed before or under it: an ingest
# moves the generation twice (before its first write and after its last), so a question meets
# at most two changes from one ingest.
MAX_READS_PER_QUESTION = 3
# A question still failing as an ingest writes reads again after a pause, doubling from the
# first to the longest, until this many seconds have passed; then it gives up with
# `IndexBusy`. Chroma rewrites its vector files while an ingest writes (after every 1,000
# changes), and on a loaded machine that outlasts three reads in a row.
READ_PATIENCE_S = 10.0
FIRST_PAUSE_S = 0.05
LONGEST_PAUSE_S = 1.0

Progress = Callable[[str], None]


class Gate:
    """Questions share the stores and pipeline; swapping them (or writing) takes them alone.

    A swap waits for the questions in flight to finish, and questions arriving meanwhile wait
    for the swap: a Chroma client cannot be closed under a question that is using it.
    """

    def __init__(self) -> None:
        self._turn = threading.Condition()
        self._readers = 0
        self._writer = False  # a swap holds the gate or waits for the readers to leave

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._turn:
            self._turn.wait_for(lambda: not self._writer)
            self._readers += 1
        try:
            yield
        finally:
            with self._turn:
                self._readers -= 1
                self._turn.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._turn:
            self._turn.wait_for(lambda: not self._writer)
            self._writer = True
            self._turn.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._turn:
                self._writer = False
                self._turn.notify_all()


@dataclass(frozen=True)
class View:
    """The pipeline built from the index as it was at `generation`."""

    generation: str
    pipeline: Pipeline


class Engine:
    """Owns the model, the Chroma stores and the chain; safe to share between threads.

    Before each question it reads the index's generation (one small Chroma read) and, when an
    ingest (in this process or any other) has changed the index since the pipeline was built,
    reads the index again, so a long-running REPL or bot answers from the current articles.
    """

    # Opened again (a new object) when another process has written to a local index.
    stores: Stores

    def __init__(self, settings: Settings, *, check_vector_files: bool = True):
        """`check_vector_files` False opens an index whose vector files are to be set aside
        and computed again (`ingest(repair=True)`) without checking them first."""
        from retrieval.index.chroma import creating_lock, make_client
        from retrieval.index.embeddings import make_embeddings

        if check_vector_files and not settings.chroma_host:
            _refuse_damaged_vector_files(settings)
        self.settings = settings
        self._gate = Gate()
        self._view: View | None = None
        # Where warnings about the index go: the `progress` given to `ensure_index`, else the log.
        self._notify: Progress = log.warning
        self._noted: set[tuple[IngestMark, bool]] = set()
        with creating_lock(settings):
            client = make_client(settings)  # a damaged index fails here, before the model loads
            self.embeddings = make_embeddings(settings)
            self._open(client)

    def _open(self, client: ClientAPI | None = None) -> None:
        """Open the stores, noting the index's generation as this client first saw it."""
        from retrieval.index.chroma import make_client, make_stores

        self.stores = make_stores(
            self.settings, self.embeddings, client or make_client(self.settings)
        )
        self._opened_at = self._generation()

    def _generation(self) -> str | None:
        try:
            return self.stores.generation()
        except Exception:  # an unreadable index: reported by whatever reads it next
            log.debug("cannot read the index generation", exc_info=True)
            return None

    def _reopen_if_written(self) -> None:
        """Open the local index afresh if another process wrote to it since it was opened.

        A Chroma client keeps a collection's vector index in memory once read, and never reads
        back what other processes write: writing through it would put back its stale copy over
        theirs. Every write by qabot moves the generation, so comparing it tells.
        """
        if self.stores.folder is None:  # a server holds the one copy
            return
        generation = self._generation()
        if generation is None or generation != self._opened_at:
            self.stores.client.close()
            self._open()

    def count_chunks(self) -> int:
        from retrieval.index.chroma import REBUILD_HINT

        try:
            return self.stores.count(CHUNKS_COLLECTION)
        except Exception as error:
            raise IndexCorrupt(
                f"cannot read the index at {self.settings.index_location} "
                f"({type(error).__name__}); nothing was changed. {REBUILD_HINT}"
            ) from error

    def ensure_index(self, progress: Progress | None = None) -> None:
        """Make the index ready to answer from, or say why it cannot be.

        A folder (or server) that never held a qabot index gets the bundled article; an older
        qabot's index is stored again in this version's layout. An index that held articles and
        holds none now, or whose vectors no longer read back, is reported, never refilled. An
        ingest that stopped half-way is warned about, here and before any later question. What
        fails to read while another process's ingest writes is read again once it is done.
        """
        from retrieval.index.chroma import writers_held_off

        if progress:
            self._notify = progress
        try:
            self._check_index(progress)
        except IndexCorrupt:
            if self.stores.folder is None:
                raise
            # A process that reads while another one's ingest writes may catch Chroma's files
            # half-written: once that ingest is done, read the index afresh and look again.
            waited = writers_held_off(self.stores.folder, wait=True, progress=progress)
            with waited, self._gate.exclusive():
                self._reopen_if_written()
            self._check_index(progress)

    def _check_index(self, progress: Progress | None) -> None:
        from retrieval.index.chroma import vector_damage, writer_lock

        self._note_ingest(self._current_marks().ingest)
        if self.count_chunks() == 0:
            # An ingest in another process may be filling it: wait for it, then look again.
            with writer_lock(self.stores.folder, progress), self._gate.exclusive():
                self._reopen_if_written()
                if self.count_chunks() == 0:
                    if self.stores.held_articles():
                        raise IndexEmptied(self._emptied())
                    if progress:
                        where = self.settings.index_location
                        progress(f"building the index at {where} from the bundled article")
                    self._ingest([BUNDLED_ARTICLE], progress=progress)
            return
        if self.stores.layout() != INDEX_LAYOUT:
            self.ingest([], progress=progress)  # an older qabot's index: stored again
        damage = vector_damage(self.stores)
        if damage:
            raise IndexCorrupt(
                f"the vectors of the index at {self.settings.index_location} are damaged "
                f"({damage}); nothing was changed. Run `qabot ingest --repair` to compute "
                "them again from the stored texts"
            )

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        repair: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Bring the index in line with `paths`; vectors found damaged are computed again first
        (as `repair` asks for all of them).

        One process at a time writes to a local index folder: another one's ingest is waited
        for, and the index read afresh after it.
        """
        from retrieval.index.chroma import writer_lock

        with writer_lock(self.stores.folder, progress), self._gate.exclusive():
            self._reopen_if_written()
            return self._ingest(paths, prune=prune, repair=repair, progress=progress)

    def _ingest(
        self,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        repair: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        """`ingest`, its caller holding the writer lock and the gate."""
        from retrieval.index.chroma import vector_damage
        from retrieval.ingest.run import ingest

        left = self._current_marks().ingest  # holding the lock, no one else is writing
        if left and progress:
            progress(
                f"the last ingest into {self.settings.index_location} ({left.describe()}) "
                "stopped before it finished; this one completes the index as far as its files "
                "go (ingest that one's files again if they were others)"
            )
        if repair:
            # Every vector is computed again, so the old files are never read, damaged or not
            # (some damage crashes Chroma's reader: see `_refuse_damaged_vector_files`).
            damage = None
            self._set_vectors_aside(progress)
        else:
            damage = vector_damage(self.stores)
            if damage:
                if progress:
                    progress(f"the index's vectors are damaged ({damage}); repairing them")
                self._set_vectors_aside(progress)
        if not damage and self.count_chunks() == 0 and self.stores.held_articles() and progress:
            progress(
                f"warning: the index at {self.settings.index_location} held articles and "
                "holds none now (emptied or damaged?); adding only the files given"
            )
        report = ingest(
            self.stores, paths, prune=prune, repair=repair or bool(damage), progress=progress
        )
        self._view = None  # the next question sees the new index
        return report

    def _set_vectors_aside(self, progress: Progress | None) -> None:
        """Move a local index's vector files aside (kept), so its texts read without them."""
        from retrieval.index.chroma import set_vectors_aside

        folder = self.stores.folder
        if folder is None:  # a server's files are out of reach; new vectors replace the old
            return
        self.stores.client.close()
        try:
            aside = set_vectors_aside(folder)
        except OSError as error:
            raise IndexCorrupt(
                f"cannot move the damaged vectors of the index at {folder} aside: {error}"
            ) from error
        finally:
            self._open()
        if aside and progress:
            progress(f"the old vector files are kept in {aside}; delete them when done")

    def _emptied(self) -> str:
        where = self.settings.index_location
        rebuild = (
            "or restore the server's data from a backup"
            if self.settings.chroma_host
            else "build a new index with `qabot ingest --rebuild PATHS` (the old folder is kept "
            "beside it), or restore the folder from a backup"
        )
        return (
            f"the index at {where} holds no articles, though it held some (emptied or "
            f"damaged); nothing was changed. Ingest your files again with `qabot ingest PATHS`, "
            f"{rebuild}"
        )

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        on_token: Callable[[str], None] | None = None,
        *,
        article: str | None = None,
    ) -> Answer:
        """Answer one question; `history` holds the earlier turns of its conversation.

        `article`, the source of one of `articles()` (see `choose_article`), answers from that
        article alone; None, from all of them.

        With an LLM engine, `on_token` is given the model's reply as it streams, before it is
        checked; the returned `Answer` is the checked one.

        A question that fails because the index changed under it (another process's ingest
        deleted what it was reading) is asked again over the index read afresh.
        """
        from retrieval.index.chroma import is_store_error

        asked = check_question(question)
        failure: Exception | None = None
        for _ in tries():
            with self._gate.shared():
                view = self._view
                if self._is_current(view):
                    try:
                        return view.pipeline.ask(asked, history, on_token, article)
                    except QabotError:
                        raise
                    except Exception as error:
                        if not self._changing_under(view):
                            if is_store_error(error):
                                raise IndexCorrupt(self._damaged(error)) from error
                            raise
                        log.info("the index changed during a question; reading it again")
                        failure = error
            self._read_again(view)
        raise IndexBusy(self._busy("the question")) from failure

    def articles(self) -> list[IndexedArticle]:
        """The index's articles, numbered as front ends list them and as `choose_article`
        reads a number."""
        for _ in tries():
            with self._gate.shared():
                view = self._view
                if self._is_current(view):
                    return view.pipeline.articles()
            self._read_again(view)
        raise IndexBusy(self._busy("the list of articles"))

    def choose_article(self, choice: str) -> IndexedArticle:
        """The article a reader's `choice` names: its number in `articles()`, or a part of its
        title or file name; `ArticleChoiceError` says why when it names none or several."""
        from retrieval.index.articles import choose_article

        return choose_article(self.articles(), choice)

    def _is_current(self, view: View | None) -> TypeGuard[View]:
        """Whether `view` was built from the index as it is now (an ingest since is noted)."""
        marks = self._current_marks()
        self._note_ingest(marks.ingest)
        return view is not None and view.generation == marks.generation

    def _busy(self, what: str) -> str:
        return (
            f"the index at {self.settings.index_location} kept changing under {what} "
            "(another process is ingesting into it); ask again when it has finished"
        )

    def _current_marks(self) -> Marks:
        """The index's generation and ingest mark now: one small read, before every question
        (0.3 ms here)."""
        from retrieval.index.chroma import is_unreachable

        try:
            return self.stores.marks()
        except Exception as error:
            if is_unreachable(error):  # a server gone away: said, and the next question retries
                raise IndexUnavailable(
                    f"cannot reach {self.settings.index_location} ({type(error).__name__}); "
                    "is `chroma run` still going? Nothing was changed; ask again when it is back"
                ) from error
            raise IndexCorrupt(self._damaged(error)) from error

    def _changing_under(self, view: View) -> bool:
        """Whether an ingest has changed the index since `view`, or is writing to it now
        (between its first and last write the generation stays put)."""
        from retrieval.index.chroma import writer_running

        marks = self._current_marks()
        return marks.generation != view.generation or (
            marks.ingest is not None and writer_running(self.stores.folder, marks.ingest)
        )

    def _note_ingest(self, mark: IngestMark | None) -> None:
        """Say, once, that an ingest is writing to the index, or stopped half-way through."""
        from retrieval.index.chroma import writer_running

        if mark is None or mark.is_this_process():
            return
        running = writer_running(self.stores.folder, mark)
        if (mark, running) in self._noted:
            return
        self._noted.add((mark, running))
        where = self.settings.index_location
        if running:
            self._notify(
                f"note: an ingest ({mark.describe()}) is writing to the index at {where}; "
                "answers may miss what it has not stored yet"
            )
        else:
            self._notify(
                f"warning: the index at {where} is incomplete: an ingest ({mark.describe()}) "
                "stopped before it finished, and answers may miss its articles; run that "
                "`qabot ingest` again to complete it"
            )

    def _damaged(self, error: Exception) -> str:
        from retrieval.index.chroma import REBUILD_HINT

        return (
            f"cannot read the index at {self.settings.index_location} "
            f"({type(error).__name__}: {error}); nothing was changed. {REBUILD_HINT}"
        )

    def _read_again(self, seen: View | None) -> None:
        """Build the pipeline from the index as it is now, unless another thread just did."""
        from retrieval.index.cache import load_index
        from retrieval.index.chroma import writers_held_off
        from retrieval.pipeline import make_pipeline

        def read() -> View:
            self._reopen_if_written()  # the old client's vector index is stale
            generation = self._current_marks().generation  # first: a change meanwhile is seen
            # A server's index may change under other machines' ingests: no local copy of it.
            local_folder = None if self.settings.chroma_host else self.settings.chroma_path
            index = load_index(self.stores, local_folder)
            pipeline = make_pipeline(self.settings, self.stores, index, self.embeddings)
            return View(generation, pipeline)

        with self._gate.exclusive():
            if self._view is not seen:
                return
            try:
                self._view = read()
            except Exception:
                if self.stores.folder is None:
                    raise
                # Read while another process's ingest wrote: once it is done, read afresh.
                log.info("reading the index failed; trying again once any ingest is done")
                with writers_held_off(self.stores.folder, wait=True, progress=self._notify):
                    self._view = read()


def tries() -> Iterator[int]:
    """The reads of the index one question may make: `MAX_READS_PER_QUESTION` at once, then
    more after pauses until `READ_PATIENCE_S` has passed since the first."""
    deadline = time.monotonic() + READ_PATIENCE_S
    pause = FIRST_PAUSE_S
    for count in itertools.count():
        if count >= MAX_READS_PER_QUESTION:
            if time.monotonic() + pause > deadline:
                return
            time.sleep(pause)
            pause = min(2 * pause, LONGEST_PAUSE_S)
        yield count


def check_question(question: str) -> str:
    """The question tidied and bounded, or `EmptyQuestion` when it has no words."""
    question = " ".join(question.split())[:MAX_QUESTION_CHARS]
    if not any(character.isalnum() for character in question):
        raise EmptyQuestion("please ask a question with some words in it")
    return question


def make_engine(settings: Settings, *, check_vector_files: bool = True) -> Engine:
    return Engine(settings, check_vector_files=check_vector_files)


def _refuse_damaged_vector_files(settings: Settings) -> None:
    """Stop before Chroma reads vector files that would crash it: a segmentation fault, with no
    word said, in every command and the Discord bot (issue #14). A server's files are its own."""
    from retrieval.index.chroma import damaged_vector_files

    damage = damaged_vector_files(settings.chroma_path)
    if damage:
        raise IndexCorrupt(
            f"the vector files of the index at {settings.chroma_path} are damaged ({damage}); "
            "nothing was changed. Run `qabot ingest --repair` to rebuild them from the stored "
            "texts"
        )


def move_index_aside(settings: Settings) -> Path | None:
    """Rename the local index folder out of the way (nothing deleted), for a new index to be
    built in its place; None when there is no folder yet."""
    from retrieval.index.chroma import set_index_aside, writer_lock

    if settings.chroma_host:
        raise SettingsError(
            "--rebuild moves a local index folder aside; with a Chroma server, ingest your files "
            "again, or restore the server's data from a backup"
        )
    if not settings.chroma_path.exists():
        return None
    try:
        with writer_lock(settings.chroma_path):  # not while another process writes to it
            return set_index_aside(settings.chroma_path)
    except OSError as error:
        raise IndexCorrupt(
            f"cannot move the index at {settings.chroma_path} aside: {error}"
        ) from error
