"""Throughput of ``eventwire code`` against bare spaCy ``nlp.pipe``, in one run.

Each measurement runs in its own child process (so that peak memory is the
child's own): bare spaCy ``nlp.pipe`` of the same model over the same texts
(the model as its package loads it), the same with the model as eventwire
loads it (its tokenizer rule and paragraph component, the array attribute
ruler and lemmatizer, matrix products through numpy's BLAS), the
pipeline with per-stage timings, the full ``eventwire code`` command (with the
place tables in the cache, as in every run after the first), and ``eventwire
code`` again with an empty cache folder (a first run). Bare spaCy, the
configured model and ``eventwire code`` run in alternating rounds and the
fastest (CPU time) of each is kept, so that a shared machine's load hits them
alike. The figures are printed as ratios and written into docs/benchmarks.md
between the ``pipeline`` markers.

    python benchmarks/bench_pipeline.py --corpus ../shared/eval/attribution/polnear_dev.jsonl
"""

from __future__ import annotations

import argparse
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

ROUNDS = 2



def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_bare(corpus: str, configured: bool = False) -> dict:
    """Bare spaCy: the model as its package loads it (``configured``: as
    eventwire loads it, ``eventwire.nlp.load_model``)."""
    import spacy

    from eventwire.ingest import iter_articles
    from eventwire.nlp import DEFAULT_MODEL, load_model

    arts = list(iter_articles([corpus], lambda e: None))
    nlp = load_model() if configured else spacy.load(DEFAULT_MODEL)
    t0, c0 = time.perf_counter(), time.process_time()
    words = 0
    for doc in nlp.pipe((a.text for a in arts), batch_size=8):
        words += sum(1 for t in doc if not t.is_space)
    return {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
            "articles": len(arts), "words": words, "peak_mb": _peak_mb()}


def child_code(corpus: str) -> dict:
    from eventwire.cli import main

    t0 = time.perf_counter()
    rc = main(["code", corpus, "--output", os.devnull])
    # CPU time of the whole process: start-up (imports, model, resources) included
    return {"seconds": time.perf_counter() - t0, "cpu": time.process_time(), "rc": rc,
            "peak_mb": _peak_mb()}


def child_stages(corpus: str) -> dict:
    from eventwire.ingest import iter_articles
    from eventwire.pipeline import Pipeline

    from eventwire.model import Article

    arts = list(iter_articles([corpus], lambda e: None))
    t0 = time.perf_counter()
    pipe = Pipeline()
    # one short article loads what the stages load lazily (the gazetteer)
    pipe.process_batch([Article(id="warm", text="Troops shelled Aleppo on Sunday, "
                                "officials in Damascus said.", date="2024-01-08")])
    startup = time.perf_counter() - t0
    pipe.timings.clear()
    n_events = n_quotes = 0
    for doc in pipe.process(arts):
        n_events += len(doc.events)
        n_quotes += len(doc.quotes)
    return {"timings": pipe.timings, "events": n_events, "quotes": n_quotes,
            "startup": startup}


def run_child(mode: str, corpus: str, env: dict | None = None) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", corpus],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True, help="JSONL articles (id, text)")
    ap.add_argument("--child", choices=("bare", "nlp", "code", "stages"))
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args()
    if args.child:
        fn = {"bare": child_bare, "nlp": lambda c: child_bare(c, configured=True),
              "code": child_code, "stages": child_stages}[args.child]
        print(json.dumps(fn(args.corpus)))
        return 0
    if not Path(args.corpus).is_file():
        print(f"bench: corpus {args.corpus} not found", file=sys.stderr)
        return 2

    stages = run_child("stages", args.corpus)  # (builds the cache if it is missing)
    runs: dict[str, list[dict]] = {"bare": [], "nlp": [], "code": []}
    for _ in range(ROUNDS):  # alternating, so that the machine's load hits all alike
        for mode in runs:
            runs[mode].append(run_child(mode, args.corpus))
    bare, configured, code = (min(runs[m], key=lambda r: r["cpu"]) for m in runs)
    with tempfile.TemporaryDirectory() as empty:  # a first run: nothing cached yet
        cold = run_child("code", args.corpus, env={"EVENTWIRE_CACHE_DIR": empty})
    t = stages["timings"]
    spacy_s = t.get("spacy", 0.0) or 1e-9
    wps_bare = bare["words"] / bare["cpu"]
    wps_code = bare["words"] / code["cpu"]
    lines = [
        f"## Pipeline ({date.today().isoformat()})",
        "",
        f"Command: `make bench` (`python benchmarks/bench_pipeline.py --corpus {args.corpus}`)",
        f"Corpus: {bare['articles']} articles, {bare['words']:,} words; one process, batch 8; "
        f"{ROUNDS} alternating rounds of bare spaCy, the configured model and `eventwire "
        "code`, the fastest of each kept. Times are CPU seconds of the process (wall "
        "seconds in brackets): other jobs share the machine (1-minute load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end of the run), which "
        "stretches wall times unevenly; the ratios are measured in one run.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| bare spaCy: `spacy.load(model)`, `nlp.pipe` | {bare['cpu']:.1f} s "
        f"({bare['seconds']:.1f} s), {wps_bare:,.0f} words/s, peak {bare['peak_mb']:.0f} MB |",
        f"| the model as eventwire loads it (tokenizer rule, paragraphs, array ruler "
        f"and lemmatizer, numpy's BLAS), "
        f"`nlp.pipe` | {configured['cpu']:.1f} s ({configured['seconds']:.1f} s), "
        f"ratio to bare {configured['cpu'] / bare['cpu']:.2f} |",
        f"| `eventwire code` (start-up, read, code, write) | {code['cpu']:.1f} s "
        f"({code['seconds']:.1f} s), {wps_code:,.0f} words/s, peak {code['peak_mb']:.0f} MB |",
        f"| **throughput ratio code / bare** | **{bare['cpu'] / code['cpu']:.2f}** |",
        f"| time ratio code / bare | {code['cpu'] / bare['cpu']:.2f} |",
        f"| `eventwire code`, first run (builds the cache of place tables) | "
        f"{cold['cpu']:.1f} s ({cold['seconds']:.1f} s), ratio code / bare "
        f"{bare['cpu'] / cold['cpu']:.2f} |",
        f"| events, quotes found | {stages['events']}, {stages['quotes']} |",
        f"| start-up: model and stage resources, loaded once (wall) | {stages['startup']:.1f} s |",
        f"| steady state: (spaCy + all stages) / spaCy | "
        f"{sum(t.values()) / spacy_s:.2f} |",
        "",
        "Stage time as a share of spaCy's parse time in the same run (after start-up; "
        "wall time):",
        "",
        "| stage | seconds | % of spaCy |",
        "|---|---|---|",
    ]
    # every stage of the pipeline, in its order (the names of Pipeline.stage_names)
    for name in ["spacy"] + [k for k in t if k != "spacy"]:
        lines.append(f"| {name} | {t[name]:.2f} | {100 * t[name] / spacy_s:.1f}% |")
    publish("pipeline", "\n".join(lines), write=not args.no_write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
