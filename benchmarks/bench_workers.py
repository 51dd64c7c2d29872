"""Local parallelism, in one run: ``eventwire code`` on one process against two
worker processes (``--workers 2``), and the workers' memory as the input grows.

Each measurement runs in its own child process:

- *one*: the pipeline in the process (what ``eventwire code`` does by default);
- *two*: ``--workers 2`` (``eventwire.scale.local.ProcessEngine``);
- *memory*: two workers on the first ``--memory-articles`` (32) articles of
  the corpus, then on the same articles nine times more (new ids): the
  workers' peak after the first copy against their peak after all ten, in
  one run, so that a growth is the run's length and not a longer article.

Every child first starts its workers and codes one short article (the
start-up: model and resources loaded, once per worker), then codes the corpus
through ``eventwire.jobs.code.code`` into a JSON-lines file, timed. The ratio
is of those steady-state times; the end-to-end ratio adds each one's start-up.
Memory per worker is the worker process's own peak (``ru_maxrss``, reported
with every task). The machine's load average is printed before and after
(other jobs share the cores: compare ratios only within one run). The two
outputs are compared byte for byte. Figures are printed and written into
docs/benchmarks.md between the ``workers`` markers.

    python benchmarks/bench_workers.py --corpus ../shared/eval/attribution/polnear_dev.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docfile import publish  # noqa: E402

WARM = {"id": "warm", "date": "2024-01-08",
        "text": "Troops shelled Aleppo on Sunday, officials in Damascus said."}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_memory(corpus: str, times: int) -> dict:
    from eventwire.ingest import iter_articles
    from eventwire.model import Article
    from eventwire.scale import PipelineSpec, stream_documents
    from eventwire.scale.local import ProcessEngine

    arts = list(iter_articles([corpus], lambda e: None))
    engine = ProcessEngine(PipelineSpec(), 2)
    # the first copy, all of it back before the rest is handed out
    n = sum(1 for _ in stream_documents(engine, arts))
    first = engine.stats.peak_mb
    t0 = time.perf_counter()
    rest = (Article(id=f"{a.id}~{k}", text=a.text, title=a.title, date=a.date,
                    source=a.source, url=a.url) for k in range(1, times) for a in arts)
    n += sum(1 for _ in stream_documents(engine, rest))
    res = {"articles": n, "first_mb": first, "all_mb": engine.stats.peak_mb,
           "seconds": time.perf_counter() - t0, "parent_mb": _peak_mb()}
    engine.close()
    return res


def child(mode: str, corpus: str, out: str) -> dict:
    from eventwire.jobs.code import code
    from eventwire.model import Article
    from eventwire.scale import PipelineSpec
    from eventwire.scale.local import ProcessEngine

    spec = PipelineSpec()
    workers = 1 if mode == "one" else 2
    t0 = time.perf_counter()
    pipeline = engine = None
    warm = Article(**WARM)
    if workers == 1:
        pipeline = spec.build()
        pipeline.process_batch([warm])
    else:
        engine = ProcessEngine(spec, workers)
        # one warm-up task per worker, at once: both load their model
        pending = [engine.submit([warm]) for _ in range(workers)]
        for p in pending:
            p.result()
        engine.stats.workers.clear()  # the figures are of the corpus only
    startup = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    with open(out, "w", encoding="utf-8") as fh:
        report = code([corpus], fh, pipeline=pipeline, engine=engine,
                      on_error=lambda e: None)
    seconds = time.perf_counter() - t0
    res = {"startup": startup, "seconds": seconds, "documents": report.documents,
           "cpu": time.process_time() - c0, "parent_mb": _peak_mb()}
    if engine is not None:
        res["workers"] = engine.stats.workers
        res["worker_mb"] = engine.stats.peak_mb
        engine.close()
    else:
        res["worker_mb"] = _peak_mb()
    with open(out, "rb") as fh:
        res["sha256"] = hashlib.sha256(fh.read()).hexdigest()
    return res


def run_child(mode: str, corpus: str, out: str = "", times: int = 10) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", corpus,
                           "--out", out, "--times", str(times)], capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def head(corpus: str, n: int | None, path: Path) -> tuple[int, int]:
    """The first ``n`` records of the corpus (all: None); (articles, words)."""
    records = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
    records = records[:n] if n else records
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    return len(records), sum(len(r.get("text", "").split()) for r in records)


def autogroup() -> str:
    try:
        on = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return "unknown"
    return "on" if on else "off"


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True, help="JSONL articles (id, text)")
    ap.add_argument("--memory-articles", type=int, default=32,
                    help="articles of the corpus the memory run repeats")
    ap.add_argument("--times", type=int, default=10, help="copies in the memory run")
    ap.add_argument("--child", choices=("one", "two", "memory"))
    ap.add_argument("--out")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args()
    if args.child == "memory":
        print(json.dumps(child_memory(args.corpus, args.times)))
        return 0
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.out)))
        return 0
    if not Path(args.corpus).is_file():
        print(f"bench: corpus {args.corpus} not found", file=sys.stderr)
        return 2
    load_before = load()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n, words = head(args.corpus, None, tmp / "x1.jsonl")
        m, m_words = head(args.corpus, args.memory_articles, tmp / "mem.jsonl")
        one = run_child("one", str(tmp / "x1.jsonl"), str(tmp / "one.jsonl"))
        two = run_child("two", str(tmp / "x1.jsonl"), str(tmp / "two.jsonl"))
        mem = run_child("memory", str(tmp / "mem.jsonl"), times=args.times)
    load_after = load()
    steady = one["seconds"] / two["seconds"]
    # CPU time does not depend on how many other jobs share the cores: on two idle
    # cores the run takes at least the busiest worker's CPU time, and at least
    # half of all the CPU time spent (workers and parent)
    cpus = [w["cpu_seconds"] for w in two["workers"].values()]
    idle_two = max(max(cpus), (sum(cpus) + two["cpu"]) / 2)
    projected = one["cpu"] / idle_two
    end_to_end = (one["startup"] + one["seconds"]) / (two["startup"] + two["seconds"])
    per_worker = sorted(two["workers"].values(), key=lambda w: -w["articles"])
    lines = [
        f"## Workers ({date.today().isoformat()})",
        "",
        f"Command: `make bench` (`python benchmarks/bench_workers.py --corpus {args.corpus}`)",
        f"Corpus: {n} articles, {words:,} words (whitespace tokens); the memory run: its "
        f"first {m} articles ({m_words:,} words), then the same {args.times - 1} times more "
        f"({mem['articles']} articles in all, new ids). Each run in its own child process; "
        "start-up (model loaded once per worker) timed apart from the coding. "
        f"Load average (1, 5, 15 min) before: {load_before}; after: {load_after} "
        "(2 cores, shared with other jobs; the kernel shares CPU between sessions "
        f"(autogroup: {autogroup()}), so while other jobs keep the cores busy a command's "
        "processes share one session's slice and the wall-clock ratio says more about the "
        "load than about the workers: the CPU-time ratio projects the run onto two idle "
        "cores).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| one process: start-up, coding | {one['startup']:.1f} s, {one['seconds']:.1f} s "
        f"({words / one['seconds']:,.0f} words/s) |",
        f"| `--workers 2`: start-up, coding | {two['startup']:.1f} s, {two['seconds']:.1f} s "
        f"({words / two['seconds']:,.0f} words/s) |",
        f"| **throughput ratio, 2 workers / 1** (coding) | **{steady:.2f}** (target >= 1.8) |",
        f"| throughput ratio, 2 workers / 1, start-up included | {end_to_end:.2f} |",
        f"| CPU time: one process; each worker; the parent with 2 workers | "
        f"{one['cpu']:.1f} s; {', '.join(f'{c:.1f} s' for c in cpus)}; {two['cpu']:.1f} s |",
        f"| **throughput ratio on 2 idle cores, from CPU times** (one process's CPU time / "
        f"max(busiest worker, all CPU time / 2)) | **{projected:.2f}** (target >= 1.8) |",
        f"| articles coded by each worker | "
        f"{', '.join(str(w['articles']) for w in per_worker)} |",
        f"| output of 2 workers = output of 1, byte for byte | "
        f"{'yes' if one['sha256'] == two['sha256'] else 'NO'} |",
        f"| memory per worker, {n} articles | {two['worker_mb']:.0f} MB peak "
        "(target <= 600 MB) |",
        f"| memory per worker after {m} articles, after {mem['articles']} | "
        f"{mem['first_mb']:.0f} MB, {mem['all_mb']:.0f} MB peak |",
        f"| **memory ratio, {args.times}x input / 1x** | "
        f"**{mem['all_mb'] / mem['first_mb']:.2f}** (target < 1.2) |",
        f"| parent process (reads, writes): {n} articles; memory run | "
        f"{two['parent_mb']:.0f} MB; {mem['parent_mb']:.0f} MB peak |",
        f"| one process, peak memory | {one['worker_mb']:.0f} MB |",
    ]
    publish("workers", "\n".join(lines), write=not args.no_write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
