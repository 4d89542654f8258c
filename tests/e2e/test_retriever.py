"""The hybrid retriever at LangChain's edge: the same evidence as `Document`s, a `Runnable`."""

from __future__ import annotations

from pathlib import Path

from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda

from retrieval.constants import BUNDLED_ARTICLE
from retrieval.index.cache import load_index
from retrieval.index.chroma import make_stores
from retrieval.index.embeddings import make_embeddings
from retrieval.ingest.run import ingest
from retrieval.language.question import analyze
from retrieval.pipeline import make_retriever
from retrieval.settings import Settings


def test_langchain_callers_get_the_engines_evidence_as_documents(tmp_path: Path) -> None:
    settings = Settings(QABOT_CHROMA_PATH=tmp_path)
    stores = make_stores(settings, make_embeddings(settings))
    ingest(stores, [BUNDLED_ARTICLE])
    index = load_index(stores, tmp_path)
    retriever = make_retriever(stores, index, stores.embeddings)
    question = "What did Peskov say?"

    documents = retriever.as_langchain().invoke(question)
    evidence = retriever.search(analyze(question, index))

    assert isinstance(retriever.as_langchain(), BaseRetriever)
    assert [d.page_content for d in documents] == [e.text for e in evidence]
    assert [d.metadata["score"] for d in documents] == [e.score for e in evidence]
    best = documents[0]
    assert "nothing is changing in the context of Ukraine" in best.page_content
    assert best.id == evidence[0].id
    assert best.metadata["paragraph"] == 2
    assert best.metadata["source"] == evidence[0].sentence.source
    # A Runnable: it composes with the rest of a LangChain chain.
    first_quote = retriever.as_langchain() | RunnableLambda(lambda docs: docs[0].page_content)
    assert first_quote.invoke(question) == best.page_content


def test_langchain_callers_get_the_chunks_as_a_chroma_vector_store(tmp_path: Path) -> None:
    from langchain_chroma import Chroma

    settings = Settings(QABOT_CHROMA_PATH=tmp_path)
    stores = make_stores(settings, make_embeddings(settings))
    ingest(stores, [BUNDLED_ARTICLE])

    store = stores.as_langchain()
    found = store.similarity_search("What did Peskov say?", k=3)

    assert isinstance(store, Chroma)
    # The same collection and vectors qabot searches: the same nearest chunks, in order.
    vector = stores.embeddings.embed_query("What did Peskov say?")
    nearest = stores.chunks.query(query_embeddings=[vector], n_results=3, include=[])
    assert [d.id for d in found] == nearest["ids"][0]
    assert any("Peskov" in d.page_content for d in found)
