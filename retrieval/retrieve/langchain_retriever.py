"""The hybrid retriever as a LangChain `BaseRetriever`, for callers that compose Runnables.

Kept apart from `hybrid.py` so that answering a question never imports LangChain: langchain-core
and the langsmith it pulls in take 0.4-0.5 s of a new process, which is most of what `qabot ask`
spent beyond its floor (issue #13).
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from retrieval.language.question import analyze
from retrieval.retrieve.hybrid import HybridRetriever
from retrieval.retrieve.scoring import Evidence


class LangChainRetriever(BaseRetriever):
    """`invoke(question)` gives the hybrid retriever's evidence as `Document`s, best first, each
    with its sentence's place in the article and its scores in `metadata`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        question = analyze(query, self.retriever.index)
        return [to_document(evidence) for evidence in self.retriever.search(question)]


def to_document(evidence: Evidence) -> Document:
    """One piece of evidence as a LangChain `Document`."""
    sentence = evidence.sentence
    return Document(
        id=sentence.id,
        page_content=sentence.text,
        metadata={
            "source": sentence.source,
            "title": sentence.title,
            "paragraph": sentence.paragraph,
            "start": sentence.start,
            "end": sentence.end,
            "position": sentence.position,
            "section": sentence.section,
            "speakers": list(sentence.speakers),
            "mentions": list(sentence.mentions),
            "chunk_id": sentence.chunk_id,
            "score": evidence.score,
            "dense": evidence.dense,
            "lexical": evidence.lexical,
            "named": evidence.named,
            "kind": evidence.kind,
        },
    )
