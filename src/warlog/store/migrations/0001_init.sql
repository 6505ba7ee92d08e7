-- warlog schema 1: articles, their analysis (events, sources, place mentions), incidents,
-- ingest errors, and a full-text index over articles.
--
-- Articles and events carry an INTEGER PRIMARY KEY `seq` besides their text id: it keeps
-- ingestion order and gives the FTS index a rowid that VACUUM never renumbers.
-- A located record (event, incident, place mention) stores the mention (loc_*) and the
-- resolved place in the same columns everywhere; lat IS NULL means "not resolved".

CREATE TABLE articles (
    seq            INTEGER PRIMARY KEY,
    article_id     TEXT    NOT NULL UNIQUE,
    title          TEXT,
    text           TEXT    NOT NULL,
    published      TEXT,
    published_from TEXT,
    outlet         TEXT,
    url            TEXT,
    origin         TEXT,
    language       TEXT,
    content_hash   TEXT    NOT NULL,
    duplicate_of   TEXT,
    main_event_id  TEXT    REFERENCES events (event_id) DEFERRABLE INITIALLY DEFERRED,
    analysed       INTEGER NOT NULL DEFAULT 0 CHECK (analysed IN (0, 1)),
    ingested_at    TEXT    NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE incidents (
    incident_id         TEXT    PRIMARY KEY,
    event_type          TEXT    NOT NULL,
    sub_event_type      TEXT    NOT NULL,
    date                TEXT,
    loc_start           INTEGER,
    loc_end             INTEGER,
    loc_text            TEXT,
    loc_how             TEXT,
    place_name          TEXT,
    geonames_id         INTEGER,
    lat                 REAL,
    lon                 REAL,
    country_code        TEXT,
    admin1              TEXT,
    feature_class       TEXT,
    feature_code        TEXT,
    population          INTEGER,
    fatalities_low      INTEGER,
    fatalities_high     INTEGER,
    fatalities_best     INTEGER,
    sources_count       INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    confidence          REAL    NOT NULL,
    contradictions      TEXT    NOT NULL DEFAULT '[]',  -- JSON list of strings
    reasons             TEXT    NOT NULL DEFAULT '[]'   -- JSON list of strings
);

CREATE TABLE events (
    seq            INTEGER PRIMARY KEY,
    event_id       TEXT    NOT NULL UNIQUE,
    article_id     TEXT    NOT NULL REFERENCES articles (article_id),
    event_type     TEXT    NOT NULL,
    sub_event_type TEXT    NOT NULL,
    actor1         TEXT,
    actor2         TEXT,
    loc_start      INTEGER,
    loc_end        INTEGER,
    loc_text       TEXT,
    loc_how        TEXT,
    place_name     TEXT,
    geonames_id    INTEGER,
    lat            REAL,
    lon            REAL,
    country_code   TEXT,
    admin1         TEXT,
    feature_class  TEXT,
    feature_code   TEXT,
    population     INTEGER,
    geo_precision  INTEGER,
    date           TEXT,
    date_precision TEXT,
    fatalities     INTEGER,
    injuries       INTEGER,
    certainty      TEXT    NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    field_spans    TEXT    NOT NULL DEFAULT '{}',  -- JSON {"field": [start, end]}
    incident_id    TEXT    REFERENCES incidents (incident_id) ON DELETE SET NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_sub_event_type ON events (sub_event_type);
CREATE INDEX events_incident_id ON events (incident_id);
CREATE INDEX events_article_id ON events (article_id);

-- One row per link of an event's attribution chain, position 0 = the reporting voice.
CREATE TABLE sources (
    event_id   TEXT    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    kind       TEXT,
    span_start INTEGER,
    span_end   INTEGER,
    PRIMARY KEY (event_id, position)
);

CREATE TABLE place_mentions (
    id            INTEGER PRIMARY KEY,
    article_id    TEXT    NOT NULL REFERENCES articles (article_id),
    loc_start     INTEGER NOT NULL,
    loc_end       INTEGER NOT NULL,
    loc_text      TEXT    NOT NULL,
    loc_how       TEXT,
    place_name    TEXT,
    geonames_id   INTEGER,
    lat           REAL,
    lon           REAL,
    country_code  TEXT,
    admin1        TEXT,
    feature_class TEXT,
    feature_code  TEXT,
    population    INTEGER
);
CREATE INDEX place_mentions_article_id ON place_mentions (article_id);

CREATE TABLE ingest_errors (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    origin  TEXT    NOT NULL,
    line    INTEGER,
    item_id TEXT,
    code    TEXT    NOT NULL,
    reason  TEXT    NOT NULL,
    at      TEXT    NOT NULL
);

-- Full-text index over title and text, kept in sync with `articles` by the triggers below.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
