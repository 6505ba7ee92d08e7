-- warlog schema 1 for PostgreSQL: the tables of migrations/0001_init.sql (read that file for what
-- each holds), in PostgreSQL's types, and a full-text index over articles.
--
-- Differences from SQLite, each for the same results from the same queries:
-- * `seq` and the other row ids are identity columns (ingestion order, never reused).
-- * Coordinates and confidence are `double precision` (PostgreSQL's `real` is 4 bytes and would
--   not give back the float that was stored); signatures are `bytea`.
-- * Text that is compared, sorted or grouped (ids, dates, types, places) is `COLLATE "C"`: byte
--   order, as SQLite compares, whatever the database's locale; the indexes follow it.
-- * The full-text index is a generated `tsvector` column with a GIN index instead of an FTS5 table
--   and triggers. It uses the 'simple' configuration (lower-cased words, no stemming, no stop
--   words), as FTS5's unicode61 tokenizer does; title words are weight A, text words weight B, so
--   that a query can be limited to one column (`title:word`).
-- * `store_changes` counts committed write transactions: a server database has no file whose
--   modification time tells the API that the data changed (see PostgresStore.revision).

CREATE TABLE articles (
    seq            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     text    COLLATE "C" NOT NULL UNIQUE,
    title          text,
    text           text    NOT NULL,
    published      text    COLLATE "C",
    published_from text,
    outlet         text    COLLATE "C",
    url            text,
    origin         text,
    language       text,
    content_hash   text    COLLATE "C" NOT NULL,
    duplicate_of   text    COLLATE "C",
    main_event_id  text    COLLATE "C",
    analysed       integer NOT NULL DEFAULT 0 CHECK (analysed IN (0, 1)),
    ingested_at    text    NOT NULL,
    search         tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', text), 'B')
    ) STORED
);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE incidents (
    incident_id         text    COLLATE "C" PRIMARY KEY,
    event_type          text    COLLATE "C" NOT NULL,
    sub_event_type      text    COLLATE "C" NOT NULL,
    date                text    COLLATE "C",
    loc_start           integer,
    loc_end             integer,
    loc_text            text,
    loc_how             text,
    place_name          text    COLLATE "C",
    geonames_id         bigint,
    lat                 double precision,
    lon                 double precision,
    country_code        text    COLLATE "C",
    admin1              text,
    feature_class       text,
    feature_code        text,
    population          bigint,
    fatalities_low      integer,
    fatalities_high     integer,
    fatalities_best     integer,
    sources_count       integer NOT NULL,
    independent_sources integer NOT NULL,
    confidence          double precision NOT NULL,
    contradictions      text    NOT NULL DEFAULT '[]',  -- JSON list of strings
    reasons             text    NOT NULL DEFAULT '[]'   -- JSON list of strings
);

CREATE TABLE events (
    seq            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       text    COLLATE "C" NOT NULL UNIQUE,
    article_id     text    COLLATE "C" NOT NULL REFERENCES articles (article_id),
    event_type     text    COLLATE "C" NOT NULL,
    sub_event_type text    COLLATE "C" NOT NULL,
    actor1         text,
    actor2         text,
    loc_start      integer,
    loc_end        integer,
    loc_text       text,
    loc_how        text,
    place_name     text    COLLATE "C",
    geonames_id    bigint,
    lat            double precision,
    lon            double precision,
    country_code   text    COLLATE "C",
    admin1         text,
    feature_class  text,
    feature_code   text,
    population     bigint,
    geo_precision  integer,
    date           text    COLLATE "C",
    date_precision text    COLLATE "C",
    fatalities     integer,
    injuries       integer,
    certainty      text    NOT NULL,
    evidence_start integer NOT NULL,
    evidence_end   integer NOT NULL,
    trigger_start  integer NOT NULL,
    trigger_end    integer NOT NULL,
    field_spans    text    NOT NULL DEFAULT '{}',  -- JSON {"field": [start, end]}
    incident_id    text    COLLATE "C" REFERENCES incidents (incident_id) ON DELETE SET NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_sub_event_type ON events (sub_event_type);
CREATE INDEX events_incident_id ON events (incident_id);
CREATE INDEX events_article_id ON events (article_id);

-- The article's main event: checked at commit, once the article's events are in.
ALTER TABLE articles ADD FOREIGN KEY (main_event_id) REFERENCES events (event_id)
    DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE sources (
    event_id   text    COLLATE "C" NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    position   integer NOT NULL,
    name       text    NOT NULL,
    kind       text,
    span_start integer,
    span_end   integer,
    PRIMARY KEY (event_id, position)
);

CREATE TABLE place_mentions (
    id            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    text    COLLATE "C" NOT NULL REFERENCES articles (article_id),
    loc_start     integer NOT NULL,
    loc_end       integer NOT NULL,
    loc_text      text    NOT NULL,
    loc_how       text,
    place_name    text,
    geonames_id   bigint,
    lat           double precision,
    lon           double precision,
    country_code  text,
    admin1        text,
    feature_class text,
    feature_code  text,
    population    bigint
);
CREATE INDEX place_mentions_article_id ON place_mentions (article_id);

CREATE TABLE ingest_errors (
    id      bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin  text    NOT NULL,
    line    integer,
    item_id text,
    code    text    NOT NULL,
    reason  text    NOT NULL,
    at      text    NOT NULL
);

CREATE TABLE store_changes (
    id      integer PRIMARY KEY CHECK (id = 1),  -- one row
    commits bigint  NOT NULL
);
INSERT INTO store_changes (id, commits) VALUES (1, 0);
