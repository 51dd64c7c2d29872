"""The service at scale: latency of filtered event pages and of dyad series over
a synthetic store of 1,000,000 events, and requests per second on loopback.

    python benchmarks/bench_service.py                  # what `make bench` runs
    python benchmarks/bench_service.py --events 200000 --no-write

The store is made once by benchmarks/make_service_store.py and kept in
.eventwire-bench/ (remade when its event count differs). The server is the real
command (`eventwire serve --read-only`) in its own process; the client sends
each kind of request in turn (one connection, sequential) and times it end to
end, then a bounded load generator (a few threads, at most --load-requests
requests or --load-seconds) measures the sustained rate. The machine's cores
are shared, so client and server compete: the figures are upper bounds on
latency. Targets: p95 <= 100 ms for a filtered page, <= 250 ms for a series.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

from docfile import publish  # noqa: E402

PAGES = [  # (name, parameters): each a page of 50 events with the total count
    ("event type", {"event_type": "ASSAULT"}),
    ("source country", {"source_country": "SYR"}),
    ("dyad + two years", {"dyad": "SYR-TUR", "since": "2019-01-01", "until": "2020-12-31"}),
    ("quad class + modality", {"quad_class": "4", "modality": "reported"}),
    ("country (either side or place) + since", {"country": "UKR", "since": "2022-01-01"}),
    ("sectors", {"source_sector": "MIL", "target_sector": "CVL"}),
    ("place", {"place": "Aleppo"}),
    ("type, page 100", {"event_type": "PROTEST", "offset": "5000"}),
    ("no filter", {}),
]
WORDS = [("words in the sentence (full scan)", {"q": "near Baghdad"})]
DYADS = ["SYR-TUR", "USA-RUS", "ISR-IRN", "UKR-RUS", "IND-PAK"]


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    k = (len(s) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


class Client:
    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str, params: dict) -> tuple[int, bytes, float]:
        url = path + ("?" + urlencode(params) if params else "")
        t0 = time.perf_counter()
        try:
            self.conn.request("GET", url)
            resp = self.conn.getresponse()
            body = resp.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            raise
        return resp.status, body, time.perf_counter() - t0


def ensure_store(path: Path, events: int) -> dict:
    import duckdb

    if path.exists():
        try:
            con = duckdb.connect(str(path), read_only=True)
            n = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
            con.close()
            if n == events:
                return {"events": n, "made": False, "bytes": path.stat().st_size}
        except duckdb.Error:
            pass
    from make_service_store import generate

    path.parent.mkdir(parents=True, exist_ok=True)
    info = generate(path, events)
    info["made"] = True
    return info


def start_server(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(db),
                             "--read-only", "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while True:
        try:
            c = Client(port)
            if c.get("/api/health", {})[0] == 200:
                return proc
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the server did not start: {proc.stderr.read()}")
        time.sleep(0.2)


def timed(client: Client, requests: list[tuple[str, str, dict]], rounds: int) -> dict:
    """Each request ``rounds`` times, round-robin; seconds per request name."""
    out: dict[str, list[float]] = {name: [] for name, _, _ in requests}
    for _ in range(rounds):
        for name, path, params in requests:
            status, body, secs = client.get(path, params)
            if status != 200:
                raise SystemExit(f"{path} {params}: {status} {body[:200]!r}")
            out[name].append(secs)
    return out


def load(port: int, requests: list[tuple[str, str, dict]], threads: int, seconds: float,
         limit: int) -> dict:
    done, errors, lock = [0], [0], threading.Lock()
    stop = time.monotonic() + seconds

    def worker(k: int) -> None:
        client, i = Client(port), k
        while time.monotonic() < stop:
            with lock:
                if done[0] + errors[0] >= limit:
                    return
            _, path, params = requests[i % len(requests)]
            i += 1
            try:
                ok = client.get(path, params)[0] == 200
            except OSError:
                ok = False
            with lock:
                if ok:
                    done[0] += 1
                else:
                    errors[0] += 1

    t0 = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - t0
    return {"requests": done[0], "errors": errors[0], "seconds": elapsed,
            "rps": done[0] / elapsed if elapsed else 0.0}


def ms(v: float) -> str:
    return f"{v * 1000:.0f} ms" if v >= 0.01 else f"{v * 1000:.1f} ms"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=REPO / ".eventwire-bench" / "service.duckdb")
    ap.add_argument("--rounds", type=int, default=20, help="times each request is timed")
    ap.add_argument("--threads", type=int, default=4, help="load generator threads")
    ap.add_argument("--load-seconds", type=float, default=15.0)
    ap.add_argument("--load-requests", type=int, default=3000)
    ap.add_argument("--no-write", action="store_true", help="print, do not record")
    args = ap.parse_args(argv)

    from live_server import free_port

    t0 = time.perf_counter()
    info = ensure_store(args.db, args.events)
    made = time.perf_counter() - t0
    port = free_port()
    server = start_server(args.db, port)
    try:
        client = Client(port)
        pages = [(n, "/api/events", dict(p, limit="50")) for n, p in PAGES]
        words = [(n, "/api/events", dict(p, limit="50")) for n, p in WORDS]
        series = [(f"{d} per {iv}", "/api/series", {"dyad": d, "interval": iv})
                  for d in DYADS for iv in ("day", "week", "month")]
        detail_id = json.loads(client.get("/api/events", {"limit": "1"})[1])["items"][0][
            "event_id"]
        others = [("one event with evidence", f"/api/events/{detail_id}", {}),
                  ("places (map)", "/api/places", {"limit": "1000"}),
                  ("actors", "/api/actors", {"limit": "50"}),
                  ("network", "/api/network", {}),
                  ("quotes by speaker", "/api/quotes", {"speaker": "SYR GOV"})]
        timed(client, pages + series + words + others, 2)  # warm up
        page_t = timed(client, pages, args.rounds)
        series_t = timed(client, series, max(2, args.rounds // 3))
        words_t = timed(client, words, max(3, args.rounds // 4))
        other_t = timed(client, others, max(3, args.rounds // 4))
        mix = pages + series
        rate = load(port, mix, args.threads, args.load_seconds, args.load_requests)
    finally:
        server.terminate()
        server.wait(30)

    all_pages = [s for v in page_t.values() for s in v]
    all_series = [s for v in series_t.values() for s in v]
    import os

    load_avg = os.getloadavg()
    lines = [
        f"## Service ({date.today().isoformat()})", "",
        f"Command: `make bench` (`python benchmarks/bench_service.py --events {args.events} "
        f"--rounds {args.rounds} --threads {args.threads}`)",
        f"Store: {info['events']:,} synthetic events (benchmarks/make_service_store.py: "
        f"{args.events // 5:,} articles, 3,000 places, ten years; "
        f"{info['bytes'] / 1e6:.0f} MB" + (f", made in {made:.0f} s" if info["made"] else "")
        + "). Server: `eventwire serve --read-only` in its own process; client on the "
        "same 2 shared cores, one keep-alive connection, sequential; times are end to end "
        f"(HTTP, JSON). Load average during the run: {load_avg[0]:.1f} on "
        f"{os.cpu_count()} cores (other jobs share the machine).", "",
        "| request | n | p50 | p95 |", "|---|---|---|---|",
        f"| **filtered page of 50 events with the total, all kinds** | {len(all_pages)} | "
        f"**{ms(statistics.median(all_pages))}** | **{ms(percentile(all_pages, .95))}** "
        "(target <= 100 ms) |",
    ]
    for name, v in page_t.items():
        lines.append(f"| - {name} | {len(v)} | {ms(statistics.median(v))} | "
                     f"{ms(percentile(v, .95))} |")
    lines.append(f"| **dyad series (count, Goldstein sum), all** | {len(all_series)} | "
                 f"**{ms(statistics.median(all_series))}** | "
                 f"**{ms(percentile(all_series, .95))}** (target <= 250 ms) |")
    for iv in ("day", "week", "month"):
        v = [s for k, vals in series_t.items() if k.endswith(iv) for s in vals]
        lines.append(f"| - per {iv} | {len(v)} | {ms(statistics.median(v))} | "
                     f"{ms(percentile(v, .95))} |")
    for name, v in {**words_t, **other_t}.items():
        lines.append(f"| {name} | {len(v)} | {ms(statistics.median(v))} | "
                     f"{ms(percentile(v, .95))} |")
    lines += ["", f"Load: {args.threads} client threads on loopback over the pages and "
              f"series above, bounded to {args.load_requests:,} requests or "
              f"{args.load_seconds:g} s: **{rate['rps']:.0f} requests/s** "
              f"({rate['requests']:,} answered in {rate['seconds']:.1f} s, "
              f"{rate['errors']} errors)."]
    publish("service", "\n".join(lines), write=not args.no_write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
