"""A progress bar on standard error for long ``code`` and ``ingest`` runs.

    with progress_bar("code", count) as bar:   # count() -> total or None
        bar.update(done, "+12 events")

The bar shows articles done of the total, articles per second and the time
left; ``count`` runs first (under a spinner) so that the ETA is known.
Messages printed to standard error while it runs appear above it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager


class Bar:
    def __init__(self, progress, task) -> None:
        self.progress = progress
        self.task = task

    def update(self, done: int, info: str = "") -> None:
        t = self.progress.tasks[0]
        rate = f"{t.speed:.1f} art/s" if t.speed else ""
        self.progress.update(self.task, completed=done, rate=rate, info=info)


@contextmanager
def progress_bar(label: str, count: Callable[[], int | None]):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)

    console = Console(stderr=True)
    with console.status("counting the articles in the input (for the ETA)..."):
        total = count()
    columns = [SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(),
               MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
               TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[info]}")]
    with Progress(*columns, console=console, transient=False) as progress:
        yield Bar(progress, progress.add_task(label, total=total, rate="", info=""))
