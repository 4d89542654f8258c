"""Chroma's vector-index files, checked before Chroma reads them.

Chroma (1.5.9) loads a collection's vectors with hnswlib, which trusts its files: a file of the
right size holding garbage (a disk error, a bad copy, a stray write) crashes the process with a
segmentation fault, no message, before any error could be caught (issue #14). Reading the files'
structure first, as hnswlib would, turns that into an error a user can act on.

The layout is hnswlib's as Chroma writes it (persistence version 1), in one folder per collection
part, named by a UUID: `header.bin`; `data_level0.bin`, a row per vector (its links on the bottom
level of the graph, the vector, its label); `length.bin`, a float per vector; `link_lists.bin`,
each vector's links on the levels above. What is checked is what the loader and a search follow
without checking: sizes and offsets, and every link pointing at a vector that exists. The vectors'
values are not read (garbage there makes wrong answers, not a crash).
"""

from __future__ import annotations

import struct
import uuid
from pathlib import Path

import numpy

# Chroma's id map, written beside the files once a collection's vectors are saved. Chroma loads
# a folder's files only when it is there; without it, it starts a new, empty index over them
# (garbage in such a folder was harmless when tried). It is a pickle: never opened here.
ID_MAP_FILE = "index_metadata.pickle"
# hnswlib's header after Chroma's version number: the fields, their order and sizes.
HEADER = struct.Struct("=i6QiI3QdQ")
PERSISTENCE_VERSION = 1
# Rows of `data_level0.bin` read at a time, at most this many bytes (1,676 bytes a row here).
READ_BYTES = 8 << 20
# hnswlib keeps a vector's link count in the low 16 bits of its row's first word.
DEGREE_MASK = 0xFFFF


def vector_file_damage(folder: Path) -> str | None:
    """What is wrong with the vector files in the index folder `folder`, or None.

    A folder whose files cannot be read (permissions) is left to Chroma to report.
    """
    try:
        parts = sorted(entry for entry in folder.iterdir() if _is_part(entry))
    except OSError:
        return None
    for part in parts:
        try:
            problem = _part_damage(part)
        except FileNotFoundError as error:
            problem = f"{Path(error.filename or '').name or 'a file'} is missing"
        except OSError:
            continue
        if problem:
            return f"{part.name}: {problem}"
    return None


def _is_part(entry: Path) -> bool:
    try:
        is_uuid = str(uuid.UUID(entry.name)) == entry.name
    except ValueError:
        return False
    return is_uuid and (entry / ID_MAP_FILE).is_file()


def _part_damage(part: Path) -> str | None:
    with (part / "header.bin").open("rb") as file:
        raw = file.read(HEADER.size)
    if len(raw) < HEADER.size:
        return f"header.bin is cut short ({len(raw)} bytes)"
    (
        version,
        level0_offset,
        capacity,
        count,
        row_bytes,
        label_offset,
        vector_offset,
        top_level,
        entry_point,
        most_links,
        most_links0,
        links_wanted,
        _,  # the level multiplier
        _,  # the search breadth used while building
    ) = HEADER.unpack(raw)
    vector_bytes = label_offset - vector_offset
    is_header_sound = (
        version == PERSISTENCE_VERSION
        and level0_offset == 0
        and capacity >= count
        and links_wanted > 0
        and 0 < most_links <= most_links0
        and vector_offset == 4 + 4 * most_links0
        and vector_bytes > 0
        and vector_bytes % 4 == 0
        and row_bytes == label_offset + 8
        and (count == 0 or (entry_point < count and top_level >= 0))
    )
    if not is_header_sound:
        return "header.bin does not hold a vector index's header"
    for name, least in (("data_level0.bin", count * row_bytes), ("length.bin", count * 4)):
        size = (part / name).stat().st_size
        if size < least:
            return f"{name} is cut short ({size} bytes of {least})"
    return _level0_damage(part, count, row_bytes, most_links0) or _upper_damage(
        part, count, top_level, most_links
    )


def _level0_damage(part: Path, count: int, row_bytes: int, most_links: int) -> str | None:
    """Each row's bottom-level links: how many (at most `most_links`), and to which vectors."""
    rows_at_once = max(1, READ_BYTES // row_bytes)
    link_bytes = 4 + 4 * most_links
    in_list = numpy.arange(most_links)
    buffer = bytearray(min(count, rows_at_once) * row_bytes)
    with (part / "data_level0.bin").open("rb") as file:
        done = 0
        while done < count:
            rows = min(rows_at_once, count - done)
            view = memoryview(buffer)[: rows * row_bytes]
            if file.readinto(view) != len(view):
                return "data_level0.bin is cut short"
            table = numpy.frombuffer(view, numpy.uint8).reshape(rows, row_bytes)
            words = numpy.ascontiguousarray(table[:, :link_bytes]).view("<u4")
            degrees = words[:, 0] & DEGREE_MASK
            if (degrees > most_links).any():
                return "data_level0.bin holds a vector with more links than the index allows"
            if (words[:, 1:][in_list < degrees[:, None]] >= count).any():
                return "data_level0.bin holds a link to a vector that does not exist"
            done += rows
    return None


def _upper_damage(part: Path, count: int, top_level: int, most_links: int) -> str | None:
    """Each vector's links above the bottom level: a byte count, then a block per level."""
    raw = (part / "link_lists.bin").read_bytes()
    if len(raw) % 4:
        return "link_lists.bin is cut short"
    words = numpy.frombuffer(raw, "<u4")
    block = 1 + most_links  # words per level: the link count, then room for the links
    listed = words.tolist()
    levels_at: list[tuple[int, int]] = []  # where a vector's blocks begin (in words), how many
    position = 0
    try:
        for _ in range(count):
            size = listed[position]
            position += 1
            if size:  # most vectors live on the bottom level alone
                levels, rest = divmod(size, 4 * block)
                if rest or levels > top_level:
                    return "link_lists.bin does not match the vectors' levels"
                levels_at.append((position, levels))
                position += levels * block
    except IndexError:
        return "link_lists.bin is cut short"
    if position > len(listed):
        return "link_lists.bin is cut short"
    if not levels_at:
        return None
    at, levels = numpy.array(levels_at).T
    # Each block's first word: a vector's first block, then one `block` further per level.
    first = numpy.repeat(at, levels) + block * (
        numpy.arange(levels.sum()) - numpy.repeat(numpy.cumsum(levels) - levels, levels)
    )
    degrees = words[first]
    if (degrees > most_links).any():
        return "link_lists.bin holds a vector with more links than the index allows"
    links = words[first[:, None] + 1 + numpy.arange(most_links)]
    if (links[numpy.arange(most_links) < degrees[:, None]] >= count).any():
        return "link_lists.bin holds a link to a vector that does not exist"
    return None
