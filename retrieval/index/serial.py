"""The in-memory index as plain data and back: JSON files and NumPy arrays.

Nothing here can run code when read: JSON holds only strings, numbers, lists and objects, and
the arrays are read with `allow_pickle=False`. A file that is damaged or not qabot's makes
reading fail (any exception), which the caller answers by rebuilding; it can never execute.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import fields
from pathlib import Path

import numpy as np

from retrieval.index.corpus import CorpusIndex
from retrieval.index.keywords import Bm25Scores, KeywordIndex
from retrieval.index.names import NameGazetteer
from retrieval.index.sentences import Sentence, SentenceTable

SENTENCES_FILE = "sentences.json"
KEYWORDS_FILE = "keywords.json"
NAMES_FILE = "names.json"
# BM25's score matrix: its vocabulary as JSON, its three arrays as .npy files (see `Bm25Scores`).
BM25_FOLDER = "bm25"
BM25_VOCAB_FILE = "vocab.json"
BM25_ARRAYS = ("data", "indices", "indptr")

# Sentence fields that JSON keeps as lists, read back as tuples. (Stems are kept joined by
# spaces: `Sentence` splits them when first read.)
TUPLE_FIELDS = ("speakers", "mentions", "voices")


def write_index(index: CorpusIndex, folder: Path) -> None:
    """Save `index` into the empty, existing `folder`."""
    table, keywords, names = index.table, index.keywords, index.names
    columns = {field: [getattr(s, field) for s in table.sentences] for field in _fields()}
    columns["stems"] = [" ".join(sorted(stems)) for stems in columns["stems"]]
    _dump(
        folder / SENTENCES_FILE,
        {
            "chunk_ids": table.chunk_ids,
            "chunk_starts": table.chunk_starts,
            "chunk_texts": table.chunk_texts,
            "sentences": columns,
        },
    )
    _dump(folder / KEYWORDS_FILE, {"idf": keywords.idf, "unknown_idf": keywords.unknown_idf})
    _dump(
        folder / NAMES_FILE,
        {
            "vocab": sorted(names.vocab),
            "lowercase_vocab": sorted(names.lowercase_vocab),
            # In the order they were first met, each word's sentences ascending, as when built.
            "name_words": {word: sorted(found) for word, found in names.name_words.items()},
            "full_names": names.full_names,
            "acronyms": names.acronyms,
        },
    )
    bm25 = keywords.bm25
    (folder / BM25_FOLDER).mkdir()
    _dump(folder / BM25_FOLDER / BM25_VOCAB_FILE, {"vocab": bm25.vocab, "chunks": bm25.chunks})
    for name in BM25_ARRAYS:
        np.save(folder / BM25_FOLDER / f"{name}.npy", getattr(bm25, name), allow_pickle=False)


def read_index(folder: Path) -> CorpusIndex:
    """The index saved in `folder`; raises (anything) when a file is missing or not as written."""
    saved = _load(folder / SENTENCES_FILE)
    chunk_ids, chunk_texts = list(saved["chunk_ids"]), list(saved["chunk_texts"])
    columns = saved["sentences"]
    for field in TUPLE_FIELDS:
        columns[field] = [tuple(value) for value in columns[field]]
    rows = zip(*(columns[field] for field in _fields()), strict=True)
    sentences = [Sentence(*row) for row in rows]
    table = SentenceTable(sentences, chunk_ids, chunk_texts, list(saved["chunk_starts"]))

    saved = _load(folder / KEYWORDS_FILE)
    bm25 = _read_bm25(folder / BM25_FOLDER)
    if bm25.chunks != len(chunk_ids):
        raise ValueError("the keyword index and the sentence table disagree")
    keywords = KeywordIndex(
        chunk_ids, chunk_texts, dict(saved["idf"]), float(saved["unknown_idf"]), bm25
    )

    saved = _load(folder / NAMES_FILE)
    name_words: dict[str, set[int]] = defaultdict(set)
    for word, found in saved["name_words"].items():
        name_words[word] = set(found)
    names = NameGazetteer(
        set(saved["vocab"]),
        set(saved["lowercase_vocab"]),
        name_words,
        dict(saved["full_names"]),
        dict(saved["acronyms"]),
        sentences=sentences,  # how each article calls its people is read from them on demand
    )
    return CorpusIndex(table, keywords, names)


def _read_bm25(folder: Path) -> Bm25Scores:
    saved = _load(folder / BM25_VOCAB_FILE)
    arrays = [np.load(folder / f"{name}.npy", allow_pickle=False) for name in BM25_ARRAYS]
    data, indices, indptr = arrays
    vocab = dict(saved["vocab"])
    columns = len(indptr) - 1
    fits = len(data) == len(indices) == indptr[-1] and all(c < columns for c in vocab.values())
    if not fits:
        raise ValueError("the keyword index's arrays do not fit together")
    return Bm25Scores(vocab, data, indices, indptr, int(saved["chunks"]))


def _fields() -> list[str]:
    return [field.name for field in fields(Sentence)]


def _dump(path: Path, value: object) -> None:
    with path.open("w", encoding="utf-8") as file:
        file.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _load(path: Path) -> dict:
    value = json.loads(path.read_bytes())
    if not isinstance(value, dict):
        raise ValueError(f"{path.name} holds no object")
    return value
