"""Where the embedding model's ONNX export is kept: a folder named by the model's content."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from retrieval.index.onnx_encoder import (
    HASHED_FILES,
    EncoderUnavailable,
    content_hash,
    default_cache_root,
    ensure_exported,
)
from retrieval.settings import Settings


@pytest.fixture
def model(tmp_path: Path) -> Path:
    """A stand-in for the packaged model's folder: small files with its names."""
    folder = tmp_path / "model"
    for name in HASHED_FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"contents of {name}")
    return folder


def test_the_hash_follows_the_files_contents_not_where_they_are(
    model: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = content_hash(model, cache)
    assert content_hash(model, cache) == first
    assert content_hash(model, tmp_path / "another cache") == first  # computed, not remembered

    moved = tmp_path / "moved"
    model.rename(moved)
    assert content_hash(moved, cache) == first

    (moved / "tokenizer.json").write_text("another tokenizer")
    assert content_hash(moved, cache) != first


def test_a_remembered_hash_is_used_only_for_the_same_file_stamps(
    model: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = content_hash(model, cache)
    (stamp,) = (cache / "stamps").iterdir()
    assert stamp.read_text() == first

    weights = model / "model.safetensors"
    weights.write_text("contents of model.safetensorZ")  # the same size, other bytes
    os.utime(weights, ns=(1, 1))  # and another modification time: another stamp
    assert content_hash(model, cache) != first
    assert len(list((cache / "stamps").iterdir())) == 2


def test_an_unwritable_cache_says_which_setting_to_change(model: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(EncoderUnavailable, match="set QABOT_ONNX_CACHE to a folder you can write"):
        ensure_exported(model, blocker / "onnx")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"XDG_CACHE_HOME": "/var/cache/someone"}, Path("/var/cache/someone/qabot/onnx")),
        ({"XDG_CACHE_HOME": "", "HOME": "/home/someone"}, Path("/home/someone/.cache/qabot/onnx")),
    ],
)
def test_the_default_cache_is_the_users(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: Path
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert default_cache_root() == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("", None), ("/srv/qabot/onnx", Path("/srv/qabot/onnx"))]
)
def test_the_cache_setting(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: Path | None
) -> None:
    monkeypatch.setenv("QABOT_ONNX_CACHE", value)
    assert Settings().onnx_cache == expected
