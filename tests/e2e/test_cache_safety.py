"""The saved index copy is data, never code (issue #14): files planted in an index folder, under
the old pickle's name or the copy's own names, run nothing, and a damaged copy is rebuilt."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest
from conftest import Run

from retrieval.index.cache import LEGACY_PICKLE, STAMP_FILE
from retrieval.index.serial import read_index

pytestmark = pytest.mark.fault

QUESTION = "What did Peskov say?"


class Trap:
    """Pickled, it is a call to open(marker, "w"): unpickling it creates the marker file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (open, (str(self.marker), "w"))


def trap_pickle(marker: Path) -> bytes:
    return pickle.dumps(Trap(marker))


def plant_trap_array(path: Path, marker: Path) -> None:
    """A NumPy array file whose loading with allow_pickle=True creates the marker."""
    with path.open("wb") as file:
        np.save(file, np.array([Trap(marker)], dtype=object), allow_pickle=True)


def ask_peskov(qabot: Run) -> dict:
    result = qabot("ask", QUESTION, "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert "nothing is changing in the context of Ukraine" in answer["answer"]
    assert "The special military operation is continuing" in answer["answer"]
    return answer


def saved_copy(chroma: Path) -> Path:
    return chroma / json.loads((chroma / STAMP_FILE).read_text(encoding="utf-8"))["copy"]


def copy_files(copy: Path) -> list[Path]:
    return sorted(filter(Path.is_file, copy.rglob("*")))


def test_the_traps_are_armed(tmp_path: Path) -> None:
    # What the tests below plant does run code when unpickled: here, in this process.
    pickle.loads(trap_pickle(tmp_path / "by-pickle"))
    plant_trap_array(tmp_path / "trap.npy", tmp_path / "by-numpy")
    np.load(tmp_path / "trap.npy", allow_pickle=True)
    assert (tmp_path / "by-pickle").exists() and (tmp_path / "by-numpy").exists()


def test_planted_pickles_in_the_index_folder_never_run(qabot: Run, tmp_path: Path) -> None:
    chroma, marker = tmp_path / "chroma", tmp_path / "planted-code-ran"

    # An older qabot's copy, or one planted under its name: never opened.
    (chroma / LEGACY_PICKLE).write_bytes(trap_pickle(marker))
    ask_peskov(qabot)
    assert not marker.exists()
    assert not (chroma / LEGACY_PICKLE).exists()  # removed once a new copy was saved

    # The copy's own files replaced by traps under a stamp that matches the index, so that
    # they are read: first its arrays (the JSON left whole, so reading reaches them), then
    # its JSON files.
    for kind in (".npy", ".json"):
        copy = saved_copy(chroma)
        planted = [path for path in copy_files(copy) if path.suffix == kind]
        assert planted
        for path in planted:
            if kind == ".npy":
                plant_trap_array(path, marker)
            else:
                path.write_bytes(trap_pickle(marker))
        (chroma / LEGACY_PICKLE).write_bytes(trap_pickle(marker))
        ask_peskov(qabot)
        assert not marker.exists()
        assert saved_copy(chroma) != copy  # the trapped copy was replaced by a good one

    # A pickle in place of the stamp itself.
    (chroma / STAMP_FILE).write_bytes(trap_pickle(marker))
    ask_peskov(qabot)
    assert not marker.exists()
    assert len(read_index(saved_copy(chroma))) > 10


def test_a_truncated_or_garbage_copy_is_ignored_and_rebuilt(qabot: Run, tmp_path: Path) -> None:
    chroma = tmp_path / "chroma"
    ask_peskov(qabot)
    good = read_index(saved_copy(chroma))

    truncated = saved_copy(chroma)
    for path in copy_files(truncated):
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    ask_peskov(qabot)
    assert saved_copy(chroma) != truncated
    assert read_index(saved_copy(chroma)).sentences == good.sentences

    (chroma / STAMP_FILE).write_bytes(b"\x00garbage\xff" * 100)
    ask_peskov(qabot)
    assert read_index(saved_copy(chroma)).sentences == good.sentences
