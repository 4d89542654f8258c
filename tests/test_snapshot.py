"""The saved copy of the in-memory index: used while it matches the index, never after."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from retrieval import store as store_module
from retrieval.constants import BUNDLED_ARTICLE, SENTENCES_COLLECTION
from retrieval.embeddings import make_embeddings
from retrieval.index import CorpusIndex
from retrieval.ingest import ingest
from retrieval.settings import Settings
from retrieval.snapshot import SNAPSHOT_FILE, load_index
from retrieval.store import Stores, make_stores


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
    assert (tmp_path / SNAPSHOT_FILE).exists()

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


def test_a_damaged_copy_is_ignored_and_replaced(tmp_path: Path, embeddings: object) -> None:
    stores = open_stores(tmp_path, embeddings)
    ingest(stores, [BUNDLED_ARTICLE])
    (tmp_path / SNAPSHOT_FILE).write_bytes(b"\x80\x05not a pickle")
    index = load_index(stores, tmp_path)
    assert len(index) > 10
    _, saved = pickle.loads((tmp_path / SNAPSHOT_FILE).read_bytes())
    assert texts(saved) == texts(index)


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
    ids = [sentence.id for sentence in whole.sentences]
    got = stores.get(SENTENCES_COLLECTION, ids=ids, include=["documents"])
    assert sorted(got["ids"]) == sorted(ids)
