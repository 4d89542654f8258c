"""Ingest's progress: messages for every caller, and counts for a caller that draws a bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

Notify = Callable[[str], None]


@runtime_checkable
class CountingProgress(Protocol):
    """A progress callback that also takes counts, as `count("embedding", 3000, 170000)`.

    It travels where any `Notify` does (the engine passes it on unchanged), so only the steps
    that know how far they are need to know about it.
    """

    def __call__(self, message: str) -> None: ...

    def count(self, step: str, done: int, total: int) -> None: ...
