"""Indexes built from data files, kept on disk between runs.

Some look-up tables take seconds to build from their data files (the
gazetteer's 150,000 place names, the town -> country table) and are the same
in every run. ``cached`` builds one once, writes it to the cache folder, and
later runs read it back (a pickle of plain data: a tenth of the build time):

    table = cached("city_countries", [data_file, __file__], build_table)

The file's name holds a hash of everything the table is built from: the
version of eventwire, the paths, sizes and modification times of the source
files (data and the code that builds), and any extra values passed (tuning
numbers), so an edited file or a new version builds afresh. The folder is
``$EVENTWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventwire``, else
``~/.cache/eventwire``; ``EVENTWIRE_CACHE_DIR=off`` turns the cache off. A
folder that cannot be written, or a file that cannot be read, only costs the
build: the table is the same either way.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
OFF = "off"


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    env = os.environ.get("EVENTWIRE_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in (OFF, "") else Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def key(name: str, sources: Iterable[str | Path], extra: Iterable[Any] = ()) -> str:
    """The cache key of a table: its name and a hash of its sources and values."""
    from eventwire import __version__

    h = hashlib.sha256(f"{name}\0{__version__}".encode())
    for src in sources:
        p = Path(src)
        try:
            st = p.stat()
            h.update(f"\0{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode())
        except OSError:
            h.update(f"\0{p}\0missing".encode())
    for value in extra:
        h.update(f"\0{value!r}".encode())
    return f"{name}-{h.hexdigest()[:20]}.pickle"


def resource_files(folder: str) -> list[Path]:
    """The data files under ``eventwire/resources/<folder>`` (sources of a table)."""
    root = Path(__file__).resolve().parent / "resources" / folder
    return sorted(p for p in root.iterdir() if p.is_file())


def package_version(name: str) -> str:
    """An installed package's version (a table built from its data names it)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "missing"


def settle() -> None:
    """Leave everything alive now out of the garbage collector's scans
    (``gc.freeze``). The model, the word tables and the gazetteer hold millions
    of objects that live as long as the process; Python's cycle collector
    otherwise walks them all again at each of its full collections while
    articles are coded (0.9 s of an 18 s run over 84 articles). Nothing is
    freed differently: objects still go when their last reference does, and
    only cycles made before this call are never looked for again."""
    import gc

    gc.freeze()


def cached(name: str, sources: Iterable[str | Path], build: Callable[[], T],
           extra: Iterable[Any] = ()) -> T:
    """``build()``, or the result of an earlier build of the same sources read
    back from the cache folder; either way kept out of the garbage collector's
    scans (``settle``)."""
    folder = cache_dir()
    if folder is None:
        value = build()
        settle()
        return value
    path = folder / key(name, sources, extra)
    try:
        with open(path, "rb") as fp:
            value = pickle.load(fp)
        settle()
        return value
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged or foreign file: build again
        log.debug("cache %s unreadable (%s); rebuilding", path, exc)
    value = build()
    _write(folder, path, value)
    settle()
    return value


def _write(folder: Path, path: Path, value: Any) -> None:
    """Write atomically (a temporary file renamed), so that two processes
    starting together never read half a file; old builds of the name go."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=path.stem, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fp:
                pickle.dump(value, fp, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for old in folder.glob(f"{prefix}*.pickle"):
            if old != path and old.name.rsplit("-", 1)[0] + "-" == prefix:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cache folder %s not writable (%s); the table is built each run",
                  folder, exc)
