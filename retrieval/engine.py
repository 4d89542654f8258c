"""The engine front ends talk to: ingest, and answer a question within a conversation."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.answer import Answer, Turn
from retrieval.constants import BUNDLED_ARTICLE, CHUNKS_COLLECTION, INDEX_LAYOUT
from retrieval.errors import EmptyQuestion, IndexCorrupt
from retrieval.settings import Settings

if TYPE_CHECKING:
    from retrieval.ingest.run import IngestReport
    from retrieval.pipeline import Pipeline

log = logging.getLogger(__name__)

# Longer questions are cut: nobody asks about an article in more words, and it bounds the work.
MAX_QUESTION_CHARS = 1000

Progress = Callable[[str], None]


class Engine:
    """Owns the model, the Chroma stores and the chain; safe to share between threads."""

    def __init__(self, settings: Settings):
        from retrieval.index.chroma import make_client, make_stores
        from retrieval.index.embeddings import make_embeddings

        self.settings = settings
        client = make_client(settings)  # a damaged index fails here, before the slow model load
        self.embeddings = make_embeddings(settings)
        self.stores = make_stores(settings, self.embeddings, client)
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    def count_chunks(self) -> int:
        try:
            return self.stores.count(CHUNKS_COLLECTION)
        except Exception as error:
            raise IndexCorrupt(
                f"cannot read the index at {self.settings.index_location} "
                f"({type(error).__name__}); "
                "move it aside and run `qabot ingest` to rebuild it"
            ) from error

    def ensure_index(self, progress: Progress | None = None) -> None:
        """Build the index from the bundled article when it is missing or empty, and store an
        older qabot's index again in this version's layout."""
        if self.count_chunks() == 0:
            if progress:
                progress(
                    f"building the index at {self.settings.index_location} from the bundled article"
                )
            self.ingest([BUNDLED_ARTICLE], progress=progress)
        elif self.stores.layout() != INDEX_LAYOUT:
            self.ingest([], progress=progress)  # an older qabot's index: stored again

    def ingest(
        self, paths: Sequence[Path], *, prune: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        from retrieval.ingest.run import ingest

        with self._lock:
            report = ingest(self.stores, paths, prune=prune, progress=progress)
            self._pipeline = None  # the next question sees the new index
        return report

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        on_token: Callable[[str], None] | None = None,
    ) -> Answer:
        """Answer one question; `history` holds the earlier turns of its conversation.

        With an LLM engine, `on_token` is given the model's reply as it streams, before it is
        checked; the returned `Answer` is the checked one.
        """
        return self.pipeline.ask(check_question(question), history, on_token)

    @property
    def pipeline(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._build_pipeline()
            return self._pipeline

    def _build_pipeline(self) -> Pipeline:
        from retrieval.index.cache import load_index
        from retrieval.pipeline import make_pipeline

        # A server's index may change under other machines' ingests: no local copy of it.
        local_folder = None if self.settings.chroma_host else self.settings.chroma_path
        index = load_index(self.stores, local_folder)
        return make_pipeline(self.settings, self.stores, index, self.embeddings)


def check_question(question: str) -> str:
    """The question tidied and bounded, or `EmptyQuestion` when it has no words."""
    question = " ".join(question.split())[:MAX_QUESTION_CHARS]
    if not any(character.isalnum() for character in question):
        raise EmptyQuestion("please ask a question with some words in it")
    return question


def make_engine(settings: Settings) -> Engine:
    return Engine(settings)
