"""The engine front ends talk to: ingest, and answer a question within a conversation."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.answer import Answer, Turn
from retrieval.constants import BUNDLED_ARTICLE, CHUNKS_COLLECTION, INDEX_LAYOUT
from retrieval.errors import EmptyQuestion, IndexCorrupt
from retrieval.settings import Settings

if TYPE_CHECKING:
    from langchain_core.runnables import Runnable

    from retrieval.index.corpus import CorpusIndex
    from retrieval.ingest.run import IngestReport

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
        self.embeddings = make_embeddings()
        self.stores = make_stores(settings, self.embeddings, client)
        self._lock = threading.Lock()
        self._chain: Runnable | None = None
        self._index: CorpusIndex | None = None

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
            self._chain = None  # the next question sees the new index
            self._index = None
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
        question = check_question(question)
        started = time.perf_counter()
        timings: dict[str, float] = {}
        inputs = {"question": question, "history": list(history), "timings": timings}
        if on_token is not None:
            inputs["on_token"] = on_token
        answer = self.chain.invoke(inputs)
        timings["total"] = (time.perf_counter() - started) * 1000
        answer.timings_ms = {
            "retrieve": timings.get("retrieve", 0.0),
            "answer": timings.get("answer", 0.0),
            "total": timings["total"],
        }
        return answer

    @property
    def chain(self) -> Runnable:
        with self._lock:
            if self._chain is None:
                self._chain = self._build_chain()
            return self._chain

    def _build_chain(self) -> Runnable:
        from retrieval.index.cache import load_index
        from retrieval.pipeline import make_answerer, make_chain, make_condenser, make_retriever

        # A server's index may change under other machines' ingests: no local copy of it.
        local_folder = None if self.settings.chroma_host else self.settings.chroma_path
        index = load_index(self.stores, local_folder)
        self._index = index
        model = None
        if self.settings.uses_llm:
            from retrieval.llm.models import make_chat_model

            # One model both condenses follow-ups and answers.
            model = make_chat_model(self.settings)
        return make_chain(
            make_condenser(index, model, self.settings),
            make_retriever(self.stores, index, self.embeddings),
            make_answerer(self.settings, index, model),
        )


def check_question(question: str) -> str:
    """The question tidied and bounded, or `EmptyQuestion` when it has no words."""
    question = " ".join(question.split())[:MAX_QUESTION_CHARS]
    if not any(character.isalnum() for character in question):
        raise EmptyQuestion("please ask a question with some words in it")
    return question


def make_engine(settings: Settings) -> Engine:
    return Engine(settings)
