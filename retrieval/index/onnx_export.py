"""Export the packaged all-MiniLM-L6-v2 to ONNX, offline, with sentence-transformers and torch.

Run as `python -m retrieval.index.onnx_export MODEL_DIR FOLDER` by `onnx_encoder.py`, in a child
process, the first time a model is needed: the only qabot code that imports torch to embed.
sentence-transformers loads the model as it always has and is the reference the exported graph
must match before it is kept.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.index.onnx_encoder import EXPORT_RECIPE, ONNX_FILE, SPEC_FILE, OnnxEncoder

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

OPSET = 17
INPUT_NAMES = ["input_ids", "attention_mask", "token_type_ids"]
OUTPUT_NAME = "last_hidden_state"
# The export is kept only if every check text's vector has at least this cosine with
# sentence-transformers' (float32 export: 0.9999998 or more on 286 news sentences).
MIN_COSINE = 0.9999
CHECK_TEXTS = (
    "What did the spokesperson say about the talks?",
    "Officials will meet again next month.",
    "",
    # Past the 256-piece window: both must cut it at the same place.
    "The council approved the harbour plan after a long debate. " * 40,
)


def export(model_path: Path, folder: Path) -> None:
    """Write `folder` (model.onnx, encoder.json) whole, or nothing; raises if the check fails."""
    import torch
    from sentence_transformers import SentenceTransformer

    # Eager attention is a plain MatMul/Softmax graph with the padding mask added; SDPA
    # special-cases an all-ones mask while tracing, which would not hold for padded batches.
    model = SentenceTransformer(
        str(model_path),
        device="cpu",
        local_files_only=True,
        model_kwargs={"attn_implementation": "eager"},
    ).eval()
    transformer, pooling, *rest = list(model)
    is_mean_pooled = pooling.get_config_dict().get("pooling_mode") == "mean"
    is_normalized = [type(module).__name__ for module in rest] == ["Normalize"]
    if not (is_mean_pooled and is_normalized):
        raise SystemExit(f"{model_path}: not a mean-pooled, normalised model; cannot export it")

    class LastHiddenState(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(
            self,
            input_ids: torch.Tensor,
            attention_mask: torch.Tensor,
            token_type_ids: torch.Tensor,
        ) -> torch.Tensor:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    # Two rows, the second padded, so that nothing is traced as "no padding".
    input_ids = torch.tensor([[101, 7592, 2088, 2003, 102], [101, 7592, 102, 0, 0]])
    example = (input_ids, (input_ids != 0).long(), torch.zeros_like(input_ids))
    dynamic = {0: "batch", 1: "sequence"}
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the legacy exporter's deprecation, tracer notes
            torch.onnx.export(
                LastHiddenState(transformer.auto_model).eval(),
                example,
                str(scratch / ONNX_FILE),
                dynamo=False,
                input_names=INPUT_NAMES,
                output_names=[OUTPUT_NAME],
                dynamic_axes={name: dynamic for name in [*INPUT_NAMES, OUTPUT_NAME]},
                opset_version=OPSET,
                do_constant_folding=True,
            )
        spec = {
            "recipe": EXPORT_RECIPE,
            "max_seq_length": model.max_seq_length,
            "dimension": pooling.get_config_dict()["embedding_dimension"],
            "input_names": INPUT_NAMES,
            "output_name": OUTPUT_NAME,
            "exported_with": _versions(),
        }
        (scratch / SPEC_FILE).write_text(json.dumps(spec, indent=1), encoding="utf-8")
        spec["min_cosine"] = check(model, OnnxEncoder(model_path, scratch))
        (scratch / SPEC_FILE).write_text(json.dumps(spec, indent=1), encoding="utf-8")
        if folder.exists():  # only by hand: an export appears whole, by this rename
            shutil.rmtree(folder)
        os.rename(scratch, folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def check(reference: SentenceTransformer, encoder: OnnxEncoder) -> float:
    """The lowest cosine between the two encoders' vectors of CHECK_TEXTS (in one padded batch);
    raises when it is below MIN_COSINE."""
    ours = encoder.encode(CHECK_TEXTS)
    theirs = reference.encode(list(CHECK_TEXTS), normalize_embeddings=True, convert_to_numpy=True)
    lowest = float((ours * theirs).sum(axis=1).min())
    if lowest < MIN_COSINE:
        raise SystemExit(f"the ONNX export differs from sentence-transformers (cosine {lowest})")
    return lowest


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    packages = ("torch", "transformers", "sentence-transformers", "onnx", "onnxruntime")
    return {package: version(package) for package in packages}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m retrieval.index.onnx_export MODEL_DIR FOLDER")
    export(Path(sys.argv[1]), Path(sys.argv[2]))
