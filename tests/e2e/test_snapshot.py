"""How the index is laid out and read back: one vector per sentence, the saved copy
of the in-memory index (used while it matches the index, never after), older layouts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from retrieval.constants import (
    BUNDLED_ARTICLE,
    CHUNKS_COLLECTION,
    INDEX_LAYOUT,
    SENTENCES_COLLECTION,
)
from retrieval.engine import make_engine
from retrieval.errors import IndexOutdated
from retrieval.index import chroma as store_module
from retrieval.index.cache import STAMP_FILE, load_index
from retrieval.index.chroma import Stores, make_stores
from retrieval.index.corpus import CorpusIndex
from retrieval.index.embeddings import make_embeddings
from retrieval.ingest.run import ingest
from retrieval.settings import Settings


@pytest.fixture(scope="module")
def embeddings() -> object:
    return make_embeddings()


def open_stores(folder: Path, embeddings: object) -> Stores:
    return make_stores(Settings(QABOT_CHROMA_PATH=folder), embeddings)  # type: ignore[arg-type]


def never_read_from_chroma(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(stores: Stores) -> CorpusIndex:
        raise AssertionError("the index was read from Chroma instead of its saved copy")

    monkeypatch.setattr(CorpusIndex, "load", refuse)


def texts(index: CorpusIndex) -> list[str]:
    return [sentence.text for sentence in index.sentences]


def test_a_new_process_reads_the_saved_copy_not_the_corpus(
    tmp_path: Path, embeddings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    stores = open_stores(tmp_path, embeddings)
    ingest(stores, [BUNDLED_ARTICLE])
    built = load_index(stores, tmp_path)
    assert (tmp_path / STAMP_FILE).exists()

    never_read_from_chroma(monkeypatch)
    copy = load_index(open_stores(tmp_path, embeddings), tmp_path)
    assert texts(copy) == texts(built)
    assert copy.keyword_chunks("Peskov truce talks", 3) == built.keyword_chunks(
        "Peskov truce talks", 3
    )
    assert copy.verify(built.sentences[0].id, built.sentences[0].text)


def test_only_an_ingest_that_changes_the_index_retires_the_copy(
    tmp_path: Path, embeddings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(
        "The harbour reopened on Monday.\n\nThe mayor said ships would return.\n", "utf-8"
    )
    stores = open_stores(tmp_path / "index", embeddings)
    ingest(stores, [article])
    load_index(stores, tmp_path / "index")

    with monkeypatch.context() as patched:
        never_read_from_chroma(patched)
        ingest(stores, [article])  # unchanged: the copy still stands
        load_index(stores, tmp_path / "index")

    # The same sentences, moved: no new text to embed, but new paragraph numbers to show.
    article.write_text(
        "The mayor said ships would return.\n\nThe harbour reopened on Monday.\n", "utf-8"
    )
    assert ingest(stores, [article]).embedded == 0
    moved = load_index(stores, tmp_path / "index")
    paragraphs = {sentence.text: sentence.paragraph for sentence in moved.sentences}
    assert paragraphs == {
        "The mayor said ships would return.": 1,
        "The harbour reopened on Monday.": 2,
    }

    article.write_text("The harbour closed again on Friday.\n", "utf-8")
    ingest(stores, [article])
    assert texts(load_index(stores, tmp_path / "index")) == ["The harbour closed again on Friday."]


def test_a_damaged_copy_is_ignored_and_replaced(
    tmp_path: Path, embeddings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    stores = open_stores(tmp_path, embeddings)
    ingest(stores, [BUNDLED_ARTICLE])
    built = load_index(stores, tmp_path)
    damaged = tmp_path / json.loads((tmp_path / STAMP_FILE).read_text())["copy"]
    for file in filter(Path.is_file, damaged.rglob("*")):
        file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])
    index = load_index(stores, tmp_path)
    assert texts(index) == texts(built)

    # The copy was saved again, whole: the next process reads it, not the corpus.
    assert json.loads((tmp_path / STAMP_FILE).read_text())["copy"] != damaged.name
    never_read_from_chroma(monkeypatch)
    assert texts(load_index(stores, tmp_path)) == texts(built)


def test_the_index_is_read_in_pages(
    tmp_path: Path, embeddings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chroma fails on one read of more than about 32,000 records ("too many SQL variables"),
    # so every read of a whole collection goes a page at a time; small pages show it here.
    stores = open_stores(tmp_path, embeddings)
    ingest(stores, [BUNDLED_ARTICLE])
    whole = CorpusIndex.load(stores)
    monkeypatch.setattr(store_module, "READ_PAGE", 4)
    paged = CorpusIndex.load(stores)
    assert len(whole) > 3 * 4
    assert texts(paged) == texts(whole)
    assert paged.chunk_ids == whole.chunk_ids
    got = stores.get(CHUNKS_COLLECTION, ids=whole.chunk_ids, include=["documents"])
    assert sorted(got["ids"]) == sorted(whole.chunk_ids)


def test_each_sentence_has_a_vector_of_its_own(tmp_path: Path, embeddings: object) -> None:
    # Pooled per sentence from one pass over the whole chunk ("late chunking"), MiniLM's
    # vectors of this chunk's later sentences resembled its first sentence more than themselves
    # (0.80 against 0.65): each sentence of a longer chunk is encoded alone.
    stores = open_stores(tmp_path, embeddings)
    ingest(stores, [BUNDLED_ARTICLE])
    index = CorpusIndex.load(stores)
    bucha = next(c for c in index.chunk_ids if len(index.by_chunk[c]) == 3)
    sentences = [index.sentences[i] for i in index.by_chunk[bucha]]
    got = stores.get(SENTENCES_COLLECTION, ids=[s.id for s in sentences], include=["embeddings"])
    stored = np.array(got["embeddings"])
    alone = np.array(stores.embeddings.embed_documents([s.text for s in sentences]))
    similarity = stored @ alone.T
    assert list(similarity.argmax(axis=1)) == [0, 1, 2], similarity.round(2)
    assert np.allclose(stored, alone, atol=1e-5)
    # The chunk's vector is their normalised mean: no second pass reads the chunk whole.
    got = stores.get(CHUNKS_COLLECTION, ids=[bucha], include=["embeddings"])
    mean = alone.mean(axis=0)
    assert np.allclose(got["embeddings"][0], mean / np.linalg.norm(mean), atol=1e-5)
    # A chunk of one sentence stores no second vector: the chunk's is exactly the sentence's.
    single = next(c for c in index.chunk_ids if len(index.by_chunk[c]) == 1)
    text = index.sentences[index.by_chunk[single][0]].text
    assert stores.get(SENTENCES_COLLECTION, ids=[f"{single}:0"], include=[])["ids"] == []
    vector = stores.get(CHUNKS_COLLECTION, ids=[single], include=["embeddings"])["embeddings"][0]
    assert np.allclose(vector, stores.embeddings.embed_documents([text])[0], atol=1e-5)


def test_an_older_qabots_index_is_stored_again_in_this_layout(
    tmp_path: Path, embeddings: object
) -> None:
    # Before INDEX_LAYOUT 2, every sentence was its own record with its text and metadata.
    article = tmp_path / "harbour.txt"
    article.write_text("Harbour\n\nThe council approved the harbour plan on Tuesday.\n")
    stores = open_stores(tmp_path / "chroma", embeddings)
    vector = stores.embeddings.embed_documents(["old"])[0]
    for source in (str(article.resolve()), str(tmp_path / "gone.txt")):
        chunk_id = f"old-{len(source)}"
        meta = {"source": source, "title": "Old", "paragraph": 1, "start": 0, "end": 3}
        stores.add_embedded(
            CHUNKS_COLLECTION, ids=[chunk_id], documents=["Old"], metadatas=[meta], vectors=[vector]
        )
        stores.add_embedded(
            SENTENCES_COLLECTION,
            ids=[f"{chunk_id}:0"],
            documents=["Old"],
            metadatas=[{**meta, "chunk_id": chunk_id}],
            vectors=[vector],
        )
    with pytest.raises(IndexOutdated):
        CorpusIndex.load(stores)

    engine = make_engine(Settings(QABOT_CHROMA_PATH=tmp_path / "chroma"))
    engine.ensure_index()
    index = CorpusIndex.load(engine.stores)
    sentence = "The council approved the harbour plan on Tuesday."
    # The headline (paragraph 0), then the story.
    assert [s.text for s in index.sentences] == ["Harbour", sentence]
    assert engine.stores.count(SENTENCES_COLLECTION) == 0  # the old records are gone
    assert engine.stores.layout() == INDEX_LAYOUT
    assert "Tuesday" in engine.ask("When was the harbour plan approved?").text
