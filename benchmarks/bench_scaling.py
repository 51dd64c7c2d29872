"""Cost against article length, in one run: time per 1,000 words at 5k, 50k and
500k characters.

The long texts are made by joining articles of the corpus (PolNeAR dev; the
bundled samples when no corpus is given) with blank lines, cut at a paragraph
end at the size: one pipeline, loaded once and warmed up (one text of 5k and
one of 50k, so that what the stages load on first use is loaded), then codes
10 texts of 5k characters, 2 of 50k and 1 of 500k (so that each size codes at
least 50k characters), in two rounds, the faster (CPU time) of each size kept.
A cost linear in length gives the same time per 1,000 words at every size:
the ratios to the 5k figure are printed, per stage too. Figures are printed and written into docs/benchmarks.md between
the ``scaling`` markers.

    python benchmarks/bench_scaling.py --corpus ../shared/eval/attribution/polnear_dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docfile import publish  # noqa: E402

SIZES = ((5_000, 10), (50_000, 2), (500_000, 1))
ROUNDS = 2


def source_texts(corpus: str | None) -> list[str]:
    """The articles the long texts are made of."""
    if corpus:
        with open(corpus, encoding="utf-8") as fp:
            return [json.loads(line)["text"] for line in fp if line.strip()]
    from eventwire.samples import load_samples

    return [a.text for a in load_samples()]


def build(texts: list[str], size: int, offset: int) -> str:
    """Articles from ``offset`` on, joined by blank lines, cut at the last
    paragraph end before ``size`` characters."""
    parts, n, i = [], 0, offset
    while n < size:
        t = texts[i % len(texts)].strip() + "\n\n"
        parts.append(t)
        n += len(t)
        i += 1
    text = "".join(parts)
    return text[:text.rfind("\n\n", 0, size)].strip()


def measure(corpus: str | None) -> dict:
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    texts = source_texts(corpus)
    pipe = Pipeline()
    for size, _ in SIZES[:2]:  # what the stages load on first use
        pipe.run(Article(id="warm", text=build(texts, size, offset=3), date="2016-10-01"))
    best: dict[int, dict] = {}
    for _ in range(ROUNDS):
        for size, reps in SIZES:
            pipe.timings.clear()
            words = chars = 0
            t0, c0 = time.perf_counter(), time.process_time()
            for r in range(reps):
                text = build(texts, size, offset=r * 7)
                ctx = pipe.run(Article(id=f"t{size}-{r}", text=text, date="2016-10-01"))
                words += sum(1 for t in ctx.doc if not t.is_space)
                chars += len(text)
            row = {"size": size, "texts": reps, "chars": chars, "words": words,
                   "seconds": time.process_time() - c0, "wall": time.perf_counter() - t0,
                   "stages": dict(pipe.timings)}
            if size not in best or row["seconds"] < best[size]["seconds"]:
                best[size] = row
    return {"rows": [best[size] for size, _ in SIZES], "corpus": corpus or "the bundled samples"}


def report(res: dict, command: str) -> str:
    rows = res["rows"]
    base = rows[0]

    def per_k(row: dict, secs: float | None = None) -> float:
        return 1000 * (row["seconds"] if secs is None else secs) / row["words"]

    lines = [
        f"## Cost against length ({date.today().isoformat()})",
        "",
        f"Command: `make bench` (`{command}`)",
        f"Texts: articles of {Path(res['corpus']).name} joined with blank lines, cut at a "
        "paragraph end; one process, the pipeline loaded once and warmed up.",
        f"Times are CPU seconds, the faster of {ROUNDS} rounds (wall seconds in brackets; "
        f"1-minute load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the "
        "end of the run: other jobs share the machine).",
        "",
        "| text size | texts | words | seconds | s per 1,000 words | ratio to 5k |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(f"| {row['size']:,} chars | {row['texts']} | {row['words']:,} | "
                     f"{row['seconds']:.1f} ({row['wall']:.1f}) | {per_k(row):.3f} | "
                     f"**{per_k(row) / per_k(base):.2f}** |")
    names = [k for k in base["stages"] if any(r["stages"].get(k, 0) > 0.005 for r in rows)]
    names += [k for r in rows for k in r["stages"]
              if k not in names and r["stages"][k] > 0.005]
    names = list(dict.fromkeys(names))
    lines += ["", "Per stage, wall seconds per 1,000 words in the same rounds (ratio to 5k "
              "in brackets):", "",
              "| stage | " + " | ".join(f"{r['size'] // 1000}k" for r in rows) + " |",
              "|---|" + "---|" * len(rows)]
    for name in names:
        b = per_k(base, base["stages"].get(name, 0.0))
        cells = []
        for r in rows:
            v = per_k(r, r["stages"].get(name, 0.0))
            cells.append(f"{v:.3f}" + (f" ({v / b:.2f})" if b > 0.0005 and r is not base else ""))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", help="JSONL articles (id, text); default: the bundled samples")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args()
    if args.corpus and not Path(args.corpus).is_file():
        print(f"bench: corpus {args.corpus} not found", file=sys.stderr)
        return 2
    command = "python benchmarks/bench_scaling.py" + (f" --corpus {args.corpus}"
                                                      if args.corpus else "")
    publish("scaling", report(measure(args.corpus), command), write=not args.no_write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
