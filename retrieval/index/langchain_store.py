"""The chunk collection at LangChain's edge: a langchain-chroma vector store over it.

Kept apart from `chroma.py` so that answering a question never imports LangChain (langchain-core
pulls in langsmith, 0.4-0.5 s in a new process); imported only by a LangChain caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from retrieval.constants import CHUNKS_COLLECTION, COLLECTION_METADATA

if TYPE_CHECKING:
    from retrieval.index.chroma import Stores
    from retrieval.index.embeddings import Embedder


class LangChainEmbeddings(Embeddings):
    """qabot's encoder as LangChain `Embeddings`: the same vectors, never Chroma's default."""

    def __init__(self, embedder: Embedder):
        self.embedder = embedder

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self.embedder.embed_documents(list(texts))

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)


def chunk_store(stores: Stores) -> Chroma:
    """The index's chunks as a LangChain `VectorStore` (`similarity_search`, `as_retriever`),
    over the same client and collection, with qabot's own embeddings."""
    return Chroma(
        client=stores.client,
        collection_name=CHUNKS_COLLECTION,
        embedding_function=LangChainEmbeddings(stores.embeddings),
        collection_metadata=COLLECTION_METADATA,
    )
