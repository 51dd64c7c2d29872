"""The database schema as ordered migrations (documented in docs/store.md).

Each step is ``(version, description, [SQL statements])``; a database records
the steps it has in ``schema_version`` and ``migrate`` applies the missing ones
in order, each in its own transaction. Never edit a released step: add one.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "articles, events, actors, quotes, places, errors, runs, stories", [
        """CREATE TABLE runs (
            run_id      INTEGER PRIMARY KEY,
            started_at  TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            status      VARCHAR NOT NULL,        -- running | done | failed
            command     VARCHAR,                 -- the inputs as given
            articles_read   INTEGER DEFAULT 0,
            articles_added  INTEGER DEFAULT 0,
            duplicates      INTEGER DEFAULT 0,
            near_duplicates INTEGER DEFAULT 0,
            events_added    INTEGER DEFAULT 0,
            errors          INTEGER DEFAULT 0,
            eventwire_version VARCHAR
        )""",
        """CREATE TABLE articles (
            article_id   VARCHAR PRIMARY KEY,    -- hash of the normalized text
            external_id  VARCHAR,                -- the id the input gave it
            title        VARCHAR,
            text         VARCHAR NOT NULL,
            date         DATE,                   -- the article's date
            source       VARCHAR,                -- site or outlet
            url          VARCHAR,
            origin       VARCHAR,                -- file:line it was read from
            canonical_id VARCHAR NOT NULL,       -- itself, or the near-duplicate it copies
            similarity   DOUBLE,                 -- estimated Jaccard with canonical_id
            minhash      BLOB,                   -- MinHash signature (uint32 array)
            n_events     INTEGER NOT NULL,
            n_quotes     INTEGER NOT NULL,
            errors       VARCHAR[],              -- processing notes from the pipeline
            run_id       INTEGER NOT NULL,
            added_at     TIMESTAMP NOT NULL
        )""",
        """CREATE TABLE minhash_bands (
            band_key   BIGINT NOT NULL,          -- hash of (band number, band values)
            article_id VARCHAR NOT NULL
        )""",
        """CREATE TABLE places (
            place_id  VARCHAR PRIMARY KEY,       -- 'g<geonameid>' or a hash of name+country
            name      VARCHAR NOT NULL,
            country   VARCHAR,
            admin1    VARCHAR,
            lat       DOUBLE,
            lon       DOUBLE,
            geonameid BIGINT,
            feature   VARCHAR
        )""",
        """CREATE TABLE events (
            event_id       VARCHAR PRIMARY KEY,
            article_id     VARCHAR NOT NULL,
            story_id       VARCHAR NOT NULL,     -- same type, source, target, date, place
            event_type     VARCHAR NOT NULL,
            mode           VARCHAR,
            context        VARCHAR[],
            cameo          VARCHAR,
            goldstein      DOUBLE,
            quad_class     TINYINT,
            source_name    VARCHAR,  source_country VARCHAR,
            source_igo     VARCHAR,  source_sector  VARCHAR,
            target_name    VARCHAR,  target_country VARCHAR,
            target_igo     VARCHAR,  target_sector  VARCHAR,
            date           DATE,
            date_text      VARCHAR,
            place_id       VARCHAR,
            place_start    INTEGER,  place_end INTEGER,
            negated        BOOLEAN NOT NULL,
            modality       VARCHAR NOT NULL,
            reported_by    VARCHAR,
            killed         INTEGER, injured INTEGER, arrested INTEGER,
            sentence_index INTEGER,
            sentence       VARCHAR,
            trigger_text   VARCHAR,
            trigger_start  INTEGER, trigger_end INTEGER,
            confidence     DOUBLE,
            mentions       JSON,                 -- in-article mentions merged into it
            article_date   DATE
        )""",
        """CREATE TABLE event_actors (
            event_id   VARCHAR NOT NULL,
            role       VARCHAR NOT NULL,         -- source | target | reported_by
            position   SMALLINT NOT NULL,
            text       VARCHAR,
            span_start INTEGER, span_end INTEGER,
            name       VARCHAR,
            country    VARCHAR,
            igo        VARCHAR,
            sector     VARCHAR,
            kind       VARCHAR
        )""",
        """CREATE TABLE quotes (
            quote_id        VARCHAR PRIMARY KEY,
            article_id      VARCHAR NOT NULL,
            text            VARCHAR NOT NULL,
            span_start      INTEGER, span_end INTEGER,
            speaker_text    VARCHAR,
            speaker_name    VARCHAR,
            speaker_country VARCHAR,
            speaker_igo     VARCHAR,
            speaker_sector  VARCHAR,
            speaker_kind    VARCHAR,
            speaker_start   INTEGER, speaker_end INTEGER,
            cue_text        VARCHAR,
            cue_start       INTEGER, cue_end INTEGER,
            direct          BOOLEAN NOT NULL,
            sentence_index  INTEGER,
            event_ids       VARCHAR[]
        )""",
        """CREATE TABLE ingest_errors (
            run_id      INTEGER NOT NULL,
            occurred_at TIMESTAMP NOT NULL,
            input       VARCHAR NOT NULL,        -- file, file:line, record id
            problem     VARCHAR NOT NULL,
            hint        VARCHAR
        )""",
        """CREATE VIEW stories AS
           SELECT e.story_id,
                  any_value(e.event_type)   AS event_type,
                  any_value(e.quad_class)   AS quad_class,
                  any_value(e.cameo)        AS cameo,
                  any_value(e.source_name)  AS source_name,
                  any_value(e.source_country) AS source_country,
                  any_value(e.source_sector)  AS source_sector,
                  any_value(e.target_name)  AS target_name,
                  any_value(e.target_country) AS target_country,
                  any_value(e.target_sector)  AS target_sector,
                  any_value(e.date)         AS date,
                  any_value(e.place_id)     AS place_id,
                  count(*)                  AS num_mentions,
                  count(DISTINCT e.article_id)   AS num_articles,
                  count(DISTINCT a.canonical_id) AS num_distinct_texts,
                  count(DISTINCT coalesce(a.source, a.url, a.article_id)) AS num_sources,
                  min(a.added_at)           AS first_seen,
                  min(coalesce(a.date, e.article_date)) AS first_reported,
                  list(e.event_id ORDER BY a.added_at, e.event_id) AS event_ids
           FROM events e JOIN articles a USING (article_id)
           GROUP BY e.story_id""",
    ]),
    (2, "stories: an undated event's date is its article's, as in its story id", [
        """CREATE OR REPLACE VIEW stories AS
           SELECT e.story_id,
                  any_value(e.event_type)   AS event_type,
                  any_value(e.quad_class)   AS quad_class,
                  any_value(e.cameo)        AS cameo,
                  any_value(e.source_name)  AS source_name,
                  any_value(e.source_country) AS source_country,
                  any_value(e.source_sector)  AS source_sector,
                  any_value(e.target_name)  AS target_name,
                  any_value(e.target_country) AS target_country,
                  any_value(e.target_sector)  AS target_sector,
                  any_value(coalesce(e.date, e.article_date)) AS date,
                  any_value(e.place_id)     AS place_id,
                  count(*)                  AS num_mentions,
                  count(DISTINCT e.article_id)   AS num_articles,
                  count(DISTINCT a.canonical_id) AS num_distinct_texts,
                  count(DISTINCT coalesce(a.source, a.url, a.article_id)) AS num_sources,
                  min(a.added_at)           AS first_seen,
                  min(coalesce(a.date, e.article_date)) AS first_reported,
                  list(e.event_id ORDER BY a.added_at, e.event_id) AS event_ids
           FROM events e JOIN articles a USING (article_id)
           GROUP BY e.story_id""",
    ]),
    (3, "stories: an event with neither actor nor named place, or with no date, is a "
        "story of its own", [
        """UPDATE events SET story_id = 'alone-' || event_id
           WHERE (source_name IS NULL AND target_name IS NULL AND place_start IS NULL)
              OR (date IS NULL AND article_date IS NULL)""",
    ]),
]

LATEST = MIGRATIONS[-1][0]
