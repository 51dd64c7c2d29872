"""Memory and time of the readers on hostile files (issue 14).

Writes each hostile file to a temporary folder, reads it with
``eventwire.ingest.iter_articles`` in a fresh process, and prints that
process's peak resident memory and time, with the baseline of a small good
file read in the same way in the same run:

    python benchmarks/bench_hostile.py [--line-mb 500] [--only FILE...]

- ``bigline.jsonl.gz``: a good record, one record holding a LINE_MB line, a
  good record (half a megabyte compressed);
- ``nested50.html``: 50 MB of nested blocks; ``nested7.html``: 7 MB of them
  (420,000 elements);
- ``deep.jsonl``: a good record, one nested 100,000 levels, a good record.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

GOOD = {"id": "good", "text": "Egyptian police arrested dozens of protesters in Cairo."}
CHILD = """
import resource, sys, time
from eventwire.ingest import iter_articles
t = time.perf_counter()
errors = []
arts = list(iter_articles([sys.argv[1]], errors.append))
print(len(arts), len(errors), round(time.perf_counter() - t, 2),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
      getattr(errors[0], "reason", str(errors[0])[-60:]) if errors else "-", sep="|")
"""


def write_files(tmp: Path, line_mb: int) -> dict[str, Path]:
    files = {}
    files["good.jsonl"] = tmp / "good.jsonl"
    files["good.jsonl"].write_text(json.dumps(GOOD) + "\n")
    big = tmp / "bigline.jsonl.gz"
    with gzip.open(big, "wb", compresslevel=6) as g:
        g.write((json.dumps(GOOD) + "\n").encode())
        g.write(b'{"id": "big", "text": "')
        chunk = b"a" * (1 << 20)
        for _ in range(line_mb):
            g.write(chunk)
        g.write(b'"}\n')
        g.write((json.dumps(GOOD) + "\n").encode())
    files["bigline.jsonl.gz"] = big
    block = "<div><div><p>Rebels held the town.</p></div></div>"
    for name, n in (("nested50.html", 1_000_000), ("nested7.html", 140_000)):
        files[name] = tmp / name
        files[name].write_text("<html><body>" + block * n + "</body></html>")
    files["deep.jsonl"] = tmp / "deep.jsonl"
    files["deep.jsonl"].write_text(json.dumps(GOOD) + "\n" + '{"id": "d", "text": "x", "m": '
                                   + "[" * 100_000 + "]" * 100_000 + "}\n"
                                   + json.dumps(GOOD) + "\n")
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--line-mb", type=int, default=500)
    ap.add_argument("--only", nargs="+", metavar="FILE",
                    help="read only these of the files (good.jsonl is always read)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = write_files(Path(tmp), args.line_mb)
        print(f"{'file':20} {'size MB':>8} {'articles':>8} {'errors':>6} {'s':>6} "
              f"{'peak MB':>8}  reason")
        base = None
        for name, path in files.items():
            if args.only and name != "good.jsonl" and name not in args.only:
                continue
            out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                                 text=True)
            if out.returncode != 0:
                print(f"{name:20} failed: {out.stderr.strip().splitlines()[-1]}")
                continue
            n, errs, secs, peak, reason = out.stdout.strip().split("|")
            base = base or int(peak)
            print(f"{name:20} {path.stat().st_size / 1e6:8.1f} {n:>8} {errs:>6} {secs:>6} "
                  f"{peak:>8}  {reason} (x{int(peak) / base:.1f} the good file's peak)")


if __name__ == "__main__":
    main()
