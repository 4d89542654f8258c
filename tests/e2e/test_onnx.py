"""The embedding model on ONNX Runtime: the same vectors as sentence-transformers, and a question
path that never imports torch, even the first time, when the model is exported."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from conftest import COMMAND_TIMEOUT_S, qabot_env

from retrieval.constants import BUNDLED_ARTICLE
from retrieval.index.embeddings import make_embeddings, model_dir
from retrieval.ingest.loader import load_article
from retrieval.ingest.sentences import split_sentences
from retrieval.settings import Settings

# What the question path must never import: the stack of the exporter and the reference.
HEAVY = ("torch", "transformers", "sentence_transformers", "langchain_huggingface")
# What a command turning its input down must not load either.
ENCODER = ("onnxruntime", "chromadb", *HEAVY)


def test_onnx_vectors_equal_sentence_transformers_on_the_bundled_article() -> None:
    from sentence_transformers import SentenceTransformer

    article = load_article(BUNDLED_ARTICLE)
    sentences = [s.text for p in article.paragraphs for s in split_sentences(p.text)]
    assert len(sentences) > 15
    texts = [*sentences, article.text, "What did Peskov say?"]  # the whole article: cut at 256

    ours = np.array(make_embeddings(Settings()).embed_documents(texts))
    reference = SentenceTransformer(str(model_dir()), device="cpu", local_files_only=True)
    theirs = reference.encode(texts, normalize_embeddings=True, convert_to_numpy=True)

    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.9999, sorted(zip(cosines, texts, strict=True))[:3]
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    # A question embedded alone is the same vector as inside a padded batch.
    alone = make_embeddings(Settings()).embed_query("What did Peskov say?")
    assert np.allclose(alone, ours[-1], atol=1e-5)


def run_python(code: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`code` in a new interpreter; it prints one JSON line of findings last."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=COMMAND_TIMEOUT_S,
    )


# Runs `qabot ARGS` in this interpreter as the entry point does, then reports what it imported.
QABOT_IN_PROCESS = """
    import json, sys
    from bot.cli import main
    sys.argv = ["qabot", *{args!r}]
    try:
        main()
    except SystemExit as exit:
        status = exit.code or 0
    else:
        status = 0
    {after}
    loaded = sorted({{m.split(".")[0] for m in sys.modules}})
    print(json.dumps({{"status": status, "loaded": loaded}}))
"""


def qabot_in_process(
    args: list[str], env: dict[str, str], cwd: Path, after: str = ""
) -> tuple[list[str], dict]:
    result = run_python(QABOT_IN_PROCESS.format(args=args, after=after), env, cwd)
    assert result.returncode == 0, result.stderr
    *output, findings = result.stdout.splitlines()
    return output, json.loads(findings) | {"stderr": result.stderr}


def test_ask_repl_and_the_discord_bot_never_import_torch(
    tmp_path: Path, seeded_index: Path
) -> None:
    chroma = tmp_path / "chroma"
    shutil.copytree(seeded_index, chroma)
    env = qabot_env(chroma)

    output, found = qabot_in_process(
        ["ask", "--json", "What did Peskov say?"],
        env,
        tmp_path,
        # The Discord front end, loaded after the answer: it adds no model of its own.
        after="import bot.discord.bot, bot.repl",
    )
    assert found["status"] == 0, found["stderr"]
    answer = json.loads(output[0])
    assert "nothing is changing in the context of Ukraine" in answer["answer"]
    assert "onnxruntime" in found["loaded"]
    assert not set(HEAVY) & set(found["loaded"])


def test_the_first_question_exports_the_model_in_a_child_process(
    tmp_path: Path, seeded_index: Path
) -> None:
    chroma, cache = tmp_path / "chroma", tmp_path / "onnx cache"
    shutil.copytree(seeded_index, chroma)
    env = qabot_env(chroma, QABOT_ONNX_CACHE=str(cache))

    output, found = qabot_in_process(["ask", "--json", "What did Peskov say?"], env, tmp_path)
    assert found["status"] == 0, found["stderr"]
    assert "exporting the embedding model to ONNX, once" in found["stderr"]
    assert "Peskov" in json.loads(output[0])["answer"]
    assert not set(HEAVY) & set(found["loaded"])
    (folder,) = [p for p in cache.iterdir() if (p / "model.onnx").exists()]
    spec = json.loads((folder / "encoder.json").read_text())
    assert spec["min_cosine"] >= 0.9999  # checked against sentence-transformers before kept

    # Exported once: the next process finds it.
    _, found = qabot_in_process(["ask", "--json", "What did Peskov say?"], env, tmp_path)
    assert found["status"] == 0, found["stderr"]
    assert "exporting" not in found["stderr"]


def test_an_unwritable_cache_is_one_line_naming_the_setting(
    tmp_path: Path, seeded_index: Path
) -> None:
    chroma = tmp_path / "chroma"
    shutil.copytree(seeded_index, chroma)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    env = qabot_env(chroma, QABOT_ONNX_CACHE=str(blocker / "onnx"))

    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "What did Peskov say?"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=COMMAND_TIMEOUT_S,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("qabot: error: cannot write the embedding model's cache")
    assert "QABOT_ONNX_CACHE" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "missing.txt"], "missing.txt: no such file or folder"),
        (["ask", "  "], "please ask a question with some words in it"),
    ],
)
def test_bad_input_is_turned_down_before_the_index_or_the_model_loads(
    tmp_path: Path, args: list[str], message: str
) -> None:
    env = qabot_env(tmp_path / "chroma")
    _, found = qabot_in_process(args, env, tmp_path)
    assert found["status"] == 1
    assert message in found["stderr"]
    assert not set(ENCODER) & set(found["loaded"])
    assert not (tmp_path / "chroma").exists()
