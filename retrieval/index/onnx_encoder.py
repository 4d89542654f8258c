"""all-MiniLM-L6-v2 run by ONNX Runtime: the encoder of questions and ingest, without torch.

The ONNX graph is the model's bare transformer (word pieces in, one vector per piece out); the
mean over the real pieces and the L2 normalisation are done here in numpy, as
sentence-transformers' Pooling(mean) and Normalize modules do. The graph is exported once per
model, offline, by `retrieval/index/onnx_export.py` in a child process (so this process never
imports torch), and kept in a cache folder named by a hash of the model's files:

    $QABOT_ONNX_CACHE or ${XDG_CACHE_HOME:-~/.cache}/qabot/onnx/<hash>/{model.onnx,encoder.json}
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from retrieval.errors import QabotError

if TYPE_CHECKING:
    import onnxruntime

log = logging.getLogger(__name__)

# Bump when the export changes (opset, inputs, attention, checks): the cache key changes with it,
# so no process reads a graph made the old way.
EXPORT_RECIPE = "minilm-last-hidden-state/torchscript/opset17/eager/v1"
ONNX_FILE = "model.onnx"
# What the exporter read from sentence-transformers: window, pooling, dimension, input names.
SPEC_FILE = "encoder.json"
# The model files that decide the vectors: weights, architecture, tokenizer, window, pooling.
HASHED_FILES = (
    "model.safetensors",
    "config.json",
    "tokenizer.json",
    "sentence_bert_config.json",
    "modules.json",
    "1_Pooling/config.json",
)
# Texts per run of the graph, sorted by length first so a batch pads little. CPU seconds for 286
# news sentences (two cores, three runs): 2.2-2.5 in batches of 8 or 16, 2.5-2.7 of 32, 3.0-3.2
# of 64 (the attention's cost grows with the batch's longest text).
BATCH_SIZE = 16
# Seconds the child process may take to export (about 8 s here, on two cores).
EXPORT_TIMEOUT_S = 600


class EncoderUnavailable(QabotError):
    """The embedding model's ONNX file cannot be exported or loaded."""


def default_cache_root() -> Path:
    """Where a user expects a program's caches: $XDG_CACHE_HOME, or ~/.cache."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "qabot" / "onnx"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def content_hash(model_path: Path, cache_root: Path) -> str:
    """A hash of the model files and the export recipe: the name of the model's cache folder.

    Reading the 87 MB of weights takes about 0.1 s, so the hash is remembered under
    `stamps/`, keyed by each file's path, size and modification time: a later process pays
    one `stat` per file.
    """
    files = [model_path / name for name in HASHED_FILES if (model_path / name).exists()]
    seen = [EXPORT_RECIPE] + [[str(f), f.stat().st_size, f.stat().st_mtime_ns] for f in files]
    stamp = cache_root / "stamps" / hashlib.sha256(json.dumps(seen).encode()).hexdigest()[:32]
    try:
        return stamp.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        pass
    digest = hashlib.sha256(EXPORT_RECIPE.encode())
    for file in files:
        digest.update(f"\0{file.relative_to(model_path).as_posix()}\0{_sha256(file)}".encode())
    value = digest.hexdigest()[:32]
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        temporary = stamp.with_name(f".{stamp.name}.{os.getpid()}")
        temporary.write_text(value, encoding="ascii")
        os.replace(temporary, stamp)
    except OSError:
        pass  # an unwritable cache only means hashing again next time
    return value


def ensure_exported(model_path: Path, cache_root: Path) -> Path:
    """The model's cache folder, exported first (in a child process) if it is not there yet.

    A lock file keeps two processes starting at once from exporting twice; the child writes
    into a temporary folder and renames it, so a reader never sees half an export.
    """
    import fcntl

    folder = cache_root / content_hash(model_path, cache_root)
    if (folder / SPEC_FILE).exists():
        return folder
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        lock = (cache_root / f".{folder.name}.lock").open("a")
    except OSError as error:
        raise EncoderUnavailable(
            f"cannot write the embedding model's cache at {cache_root} ({error.strerror}); "
            "set QABOT_ONNX_CACHE to a folder you can write"
        ) from None
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / SPEC_FILE).exists():  # another process may have exported meanwhile
            _export_in_child(model_path, folder)
    return folder


def _export_in_child(model_path: Path, folder: Path) -> None:
    log.warning("exporting the embedding model to ONNX, once, into %s", folder)
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "TRANSFORMERS_VERBOSITY": "error",
    }
    command = [sys.executable, "-m", "retrieval.index.onnx_export", str(model_path), str(folder)]
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=EXPORT_TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        raise EncoderUnavailable(
            f"exporting the embedding model to ONNX took over {EXPORT_TIMEOUT_S} s"
        ) from None
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or ["no message"]
        raise EncoderUnavailable(f"exporting the embedding model to ONNX failed: {lines[-1]}")


class OnnxEncoder:
    """Texts to L2-normalised float32 vectors, as sentence-transformers makes them.

    Shared by threads without a lock, and read-only once made: the tokenizer's settings are
    fixed here, before anyone encodes (a Hugging Face tokenizer fails with "Already borrowed"
    only when its settings change while another thread encodes, as transformers' tokenizers do
    on every call), and ONNX Runtime lets several threads run one session at once.
    """

    def __init__(self, model_path: Path, folder: Path) -> None:
        from tokenizers import Tokenizer

        spec = json.loads((folder / SPEC_FILE).read_text(encoding="utf-8"))
        self.dimension = int(spec["dimension"])
        self.input_names: list[str] = spec["input_names"]
        self.output_name: str = spec["output_name"]
        tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        # The file pads and cuts at 128 pieces; sentence-transformers cuts at the model's window
        # (256, [CLS] and [SEP] included) and pads each batch to its longest text, as done here.
        tokenizer.enable_truncation(max_length=int(spec["max_seq_length"]))
        tokenizer.no_padding()
        self.tokenizer = tokenizer
        self.session = _open_session(folder / ONNX_FILE)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An array (len(texts), dimension) of unit vectors, in the order of `texts`."""
        vectors = np.empty((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return vectors
        pieces = [encoding.ids for encoding in self.tokenizer.encode_batch(list(texts))]
        # Longest first, in batches of similar length: little padding, and the largest batch
        # (the most memory) comes first.
        order = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]))
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            vectors[batch] = self._run([pieces[i] for i in batch])
        return vectors

    def encode_pieces(self, text: str) -> tuple[list[tuple[int, int]], np.ndarray]:
        """Each word piece of `text` in context: its characters' (start, end) in `text` and
        its vector from the model's last layer, unpooled and unnormalised ([CLS] and [SEP]
        left out)."""
        encoding = self.tokenizer.encode(text)
        hidden, _ = self._hidden([encoding.ids])
        real = [k for k, word in enumerate(encoding.word_ids) if word is not None]
        return [encoding.offsets[k] for k in real], hidden[0, real]

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        hidden, attention_mask = self._hidden(batch)
        mask = attention_mask[:, :, None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)

    def _hidden(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """The last layer's vector of every piece, and the mask of the real (unpadded) ones."""
        width = max(len(ids) for ids in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)  # 0 is [PAD]
        attention_mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = ids
            attention_mask[row, : len(ids)] = 1
        feed = {
            "input_ids": input_ids,
            "attention_mask": attention_mask,
            "token_type_ids": np.zeros_like(input_ids),
        }
        (hidden,) = self.session.run(
            [self.output_name], {name: feed[name] for name in self.input_names}
        )
        return hidden, attention_mask


def _open_session(path: Path) -> onnxruntime.InferenceSession:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # errors only: its warnings mean nothing to a user
    # Idle worker threads sleep instead of spinning: after a question's embedding, the same
    # cores run the Chroma query and the keyword search. On two busy cores (load 6-7), warm
    # answers took 8-25 ms (p50) with sleeping threads and 38-50 ms with spinning ones.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return onnxruntime.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )
    except Exception as error:
        raise EncoderUnavailable(
            f"cannot load the embedding model's ONNX file {path} ({error}); "
            f"delete the folder {path.parent} and it will be exported again"
        ) from error
