"""`qabot ingest`'s progress on stderr: its messages as lines, and on a terminal a bar for the
steps that count (embedding a large file takes minutes)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from bot.terminal import one_line

Notify = Callable[[str], None]


class IngestBar:
    """A progress callback for the engine's ingest that also takes counts (see
    `retrieval.ingest.progress.CountingProgress`): each counted step gets a bar."""

    def __init__(self, console: Console) -> None:
        # stdout is left alone: the summary, or the --json object, is printed there afterwards.
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            redirect_stdout=False,
        )
        self._tasks: dict[str, int] = {}

    def __enter__(self) -> IngestBar:
        self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def __call__(self, message: str) -> None:
        # Above the bar; file names in it may hold anything, so it is text, never markup.
        self._progress.console.print(
            Text(f"qabot: {one_line(message)}"), highlight=False, soft_wrap=True
        )

    def count(self, step: str, done: int, total: int) -> None:
        if step not in self._tasks:
            self._tasks[step] = self._progress.add_task(one_line(step), total=total)
        self._progress.update(self._tasks[step], completed=done, total=total)


@contextmanager
def ingest_progress(notify: Notify) -> Iterator[Notify]:
    """`notify` itself when stderr is not a terminal (a log, a pipe, a test); else a bar."""
    if not sys.stderr.isatty():
        yield notify
        return
    with IngestBar(Console(stderr=True)) as bar:
        yield bar
