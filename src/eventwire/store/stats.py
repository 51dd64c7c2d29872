"""A summary of a store: what ``eventwire stats`` prints."""

from __future__ import annotations

from eventwire.store.db import Store


def summary(store: Store, top: int = 10) -> dict:
    q, one = store.query, store.scalar
    out: dict = {"database": store.path, "schema_version": store.version()}
    out["totals"] = {
        "articles": one("SELECT count(*) FROM articles"),
        "near_duplicates": one("SELECT count(*) FROM articles WHERE canonical_id <> article_id"),
        "events": one("SELECT count(*) FROM events"),
        "stories": one("SELECT count(DISTINCT story_id) FROM events"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "places": one("SELECT count(*) FROM places"),
        "ingest_errors": one("SELECT count(*) FROM ingest_errors"),
        "runs": one("SELECT count(*) FROM runs"),
    }
    span = q("SELECT min(date) AS first, max(date) AS last FROM articles")[0]
    out["article_dates"] = {k: v.isoformat() if v else None for k, v in span.items()}
    out["events_by_type"] = q(
        """SELECT event_type, any_value(quad_class) AS quad_class, count(*) AS events,
                  count(DISTINCT story_id) AS stories, count(DISTINCT article_id) AS articles
           FROM events GROUP BY event_type ORDER BY events DESC, event_type""")
    out["top_actor_pairs"] = q(
        f"""SELECT coalesce(source_country, source_igo, '---') || '/' ||
                   coalesce(source_sector, '---') AS source,
                   coalesce(target_country, target_igo, '---') || '/' ||
                   coalesce(target_sector, '---') AS target,
                   count(*) AS events, mode(event_type) AS top_type
            FROM events
            WHERE coalesce(source_country, source_igo, source_sector) IS NOT NULL
              AND coalesce(target_country, target_igo, target_sector) IS NOT NULL
            GROUP BY ALL ORDER BY events DESC, source, target LIMIT {int(top)}""")
    out["top_locations"] = q(
        f"""SELECT p.name, p.country, p.admin1, count(*) AS events,
                   count(DISTINCT e.article_id) AS articles
            FROM events e JOIN places p USING (place_id)
            GROUP BY ALL ORDER BY events DESC, p.name LIMIT {int(top)}""")
    out["top_speakers"] = q(
        f"""SELECT coalesce(speaker_name, speaker_text) AS speaker, speaker_country AS country,
                   speaker_sector AS sector, count(*) AS quotes,
                   count(*) FILTER (WHERE direct) AS direct
            FROM quotes WHERE speaker_name IS NOT NULL OR speaker_text IS NOT NULL
            GROUP BY ALL ORDER BY quotes DESC, speaker LIMIT {int(top)}""")
    out["quotes_without_speaker"] = one(
        "SELECT count(*) FROM quotes WHERE speaker_name IS NULL AND speaker_text IS NULL")
    out["top_stories"] = q(
        f"""SELECT story_id, event_type, source_country, target_country, date,
                   num_articles, num_sources, num_mentions
            FROM stories WHERE num_articles > 1
            ORDER BY num_articles DESC, num_mentions DESC, story_id LIMIT {int(top)}""")
    for row in out["top_stories"]:
        row["date"] = row["date"].isoformat() if row["date"] else None
    last = one("SELECT max(run_id) FROM runs")
    out["last_run"] = q("SELECT * FROM runs WHERE run_id = ?", [last])[0] if last else None
    if out["last_run"]:
        for k in ("started_at", "finished_at"):
            v = out["last_run"][k]
            out["last_run"][k] = v.isoformat(timespec="seconds") if v else None
    out["ingest_errors"] = q(
        f"""SELECT input, problem, hint, max(run_id) AS last_run, count(*) AS times
            FROM ingest_errors GROUP BY input, problem, hint
            ORDER BY last_run DESC, input LIMIT {int(top) * 3}""")
    return out
