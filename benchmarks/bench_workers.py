"""Local parallelism, in one run: ``eventwire code`` on one process against two
worker processes (``--workers 2``), and the workers' memory as the input grows.

Each measurement runs in its own child process:

- *one*: the pipeline in the process (what ``eventwire code`` does by default);
- *two*: ``--workers 2`` (``eventwire.scale.local.ProcessEngine``);
- *two, big*: two workers on the corpus repeated ``--times`` (10) times with
  new ids, so that a growth of memory is the run's length and not a longer
  article (``--big FILE`` takes another corpus instead).

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
    startup = time.perf_counter() - t0
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        report = code([corpus], fh, pipeline=pipeline, engine=engine,
                      on_error=lambda e: None)
    seconds = time.perf_counter() - t0
    res = {"startup": startup, "seconds": seconds, "documents": report.documents,
           "parent_mb": _peak_mb()}
    if engine is not None:
        res["workers"] = engine.stats.workers
        res["worker_mb"] = engine.stats.peak_mb
        engine.close()
    else:
        res["worker_mb"] = _peak_mb()
    with open(out, "rb") as fh:
        res["sha256"] = hashlib.sha256(fh.read()).hexdigest()
    return res


def run_child(mode: str, corpus: str, out: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", corpus,
                           "--out", out], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def repeat(corpus: str, times: int, path: Path) -> tuple[int, int]:
    """The corpus ``times`` over with new ids; (articles, words) of one copy."""
    records = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(times):
            for r in records:
                fh.write(json.dumps(dict(r, id=f"{r.get('id')}~{k}")) + "\n")
    return len(records), sum(len(r.get("text", "").split()) for r in records)


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True, help="JSONL articles (id, text)")
    ap.add_argument("--big", help="a corpus about 10x larger for the memory run (JSONL)")
    ap.add_argument("--times", type=int, default=10,
                    help="without --big: copies of the corpus for the memory run")
    ap.add_argument("--child", choices=("one", "two"))
    ap.add_argument("--out")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.out)))
        return 0
    if not Path(args.corpus).is_file():
        print(f"bench: corpus {args.corpus} not found", file=sys.stderr)
        return 2
    load_before = load()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n, words = repeat(args.corpus, 1, tmp / "x1.jsonl")
        if args.big:
            big_path = args.big
            big_n, big_words = repeat(args.big, 1, tmp / "big.jsonl")
        else:
            big_path = str(tmp / "big.jsonl")
            big_n, big_words = repeat(args.corpus, args.times, tmp / "big.jsonl")
            big_n, big_words = big_n * args.times, big_words * args.times
        one = run_child("one", str(tmp / "x1.jsonl"), str(tmp / "one.jsonl"))
        two = run_child("two", str(tmp / "x1.jsonl"), str(tmp / "two.jsonl"))
        big = run_child("two", big_path, str(tmp / "big-out.jsonl"))
    load_after = load()
    steady = one["seconds"] / two["seconds"]
    end_to_end = (one["startup"] + one["seconds"]) / (two["startup"] + two["seconds"])
    per_worker = sorted(two["workers"].values(), key=lambda w: -w["articles"])
    lines = [
        f"## Workers ({date.today().isoformat()})",
        "",
        f"Command: `make bench` (`python benchmarks/bench_workers.py --corpus {args.corpus}`)",
        f"Corpus: {n} articles, {words:,} words (whitespace tokens); the memory run: "
        f"{big_n} articles, {big_words:,} words ({args.big or 'the corpus repeated'}). "
        "Each run in its own child "
        "process; start-up (model loaded once per worker) timed apart from the coding. "
        f"Load average (1, 5, 15 min) before: {load_before}; after: {load_after} "
        "(2 cores, shared with other jobs).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| one process: start-up, coding | {one['startup']:.1f} s, {one['seconds']:.1f} s "
        f"({words / one['seconds']:,.0f} words/s) |",
        f"| `--workers 2`: start-up, coding | {two['startup']:.1f} s, {two['seconds']:.1f} s "
        f"({words / two['seconds']:,.0f} words/s) |",
        f"| **throughput ratio, 2 workers / 1** (coding) | **{steady:.2f}** (target >= 1.8) |",
        f"| throughput ratio, 2 workers / 1, start-up included | {end_to_end:.2f} |",
        f"| articles coded by each worker | "
        f"{', '.join(str(w['articles']) for w in per_worker)} |",
        f"| output of 2 workers = output of 1, byte for byte | "
        f"{'yes' if one['sha256'] == two['sha256'] else 'NO'} |",
        f"| memory per worker, {n} articles | {two['worker_mb']:.0f} MB peak "
        "(target <= 600 MB) |",
        f"| memory per worker, {big_n} articles | {big['worker_mb']:.0f} MB peak |",
        f"| **memory ratio, {big_words / words:.1f}x input / 1x** | "
        f"**{big['worker_mb'] / two['worker_mb']:.2f}** (target < 1.2) |",
        f"| parent process (reads, writes), {n} and {big_n} articles | "
        f"{two['parent_mb']:.0f} MB, {big['parent_mb']:.0f} MB peak |",
        f"| one process, peak memory | {one['worker_mb']:.0f} MB |",
        f"| 2 workers, {big_n} articles: coding | {big['seconds']:.1f} s "
        f"({big_words / big['seconds']:,.0f} words/s) |",
    ]
    publish("workers", "\n".join(lines), write=not args.no_write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
