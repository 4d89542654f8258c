"""The in-memory index as plain data and back: JSON files and bm25s's NumPy arrays.

Nothing here can run code when read: JSON holds only strings, numbers, lists and objects, and
the arrays are read with `allow_pickle=False`. A file that is damaged or not qabot's makes
reading fail (any exception), which the caller answers by rebuilding; it can never execute.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import fields
from pathlib import Path

import bm25s

from retrieval.index.corpus import CorpusIndex
from retrieval.index.keywords import KeywordIndex
from retrieval.index.names import NameGazetteer
from retrieval.index.sentences import Sentence, SentenceTable

SENTENCES_FILE = "sentences.json"
KEYWORDS_FILE = "keywords.json"
NAMES_FILE = "names.json"
# bm25s.BM25.save writes its score matrix as .npy arrays and its vocabulary and parameters as
# JSON into this folder (and a corpus file only when given a corpus, which it is not).
BM25_FOLDER = "bm25"

# Sentence fields that JSON keeps as lists, read back as tuples. (Stems are kept joined by
# spaces: `Sentence` splits them when first read.)
TUPLE_FIELDS = ("speakers", "mentions")


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
    keywords.bm25.save(folder / BM25_FOLDER, show_progress=False)


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
    bm25 = bm25s.BM25.load(folder / BM25_FOLDER, mmap=False, allow_pickle=False)
    if bm25.scores["num_docs"] != len(chunk_ids):
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
    )
    return CorpusIndex(table, keywords, names)


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
