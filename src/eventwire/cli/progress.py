"""A progress bar on standard error for long ``code`` runs.

    with progress_bar("code", count) as bar:   # count() -> total or None
        bar.update(done, "12 events")

The bar shows articles done of the total, articles per second and the time
left, both over the whole run so far (documents come out of spaCy a batch at
a time, so the time between two of them says little); ``count`` runs first
(under a spinner) so that the total is known. Messages printed to standard
error while it runs appear above it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


class Bar:
    def __init__(self, progress, task, total: int | None) -> None:
        self.progress = progress
        self.task = task
        self.total = total
        self.t0 = time.monotonic()

    def update(self, done: int, info: str = "") -> None:
        elapsed = time.monotonic() - self.t0
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = "?"
        if self.total is not None and rate > 0:
            eta = _clock(max(0, self.total - done) / rate)
        self.progress.update(self.task, completed=done, rate=f"{rate:.1f} art/s",
                             eta=eta, info=info)


@contextmanager
def progress_bar(label: str, count: Callable[[], int | None]):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                               TextColumn, TimeElapsedColumn)

    console = Console(stderr=True)
    with console.status("counting the articles in the input (for the ETA)..."):
        total = count()
    columns = [SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(),
               MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
               TextColumn("ETA {task.fields[eta]}"), TextColumn("{task.fields[info]}")]
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(label, total=total, rate="", eta="?", info="")
        yield Bar(progress, task, total)
