-- warlog schema 2 for PostgreSQL: what incremental incident linking needs (see
-- migrations/0002_link.sql): the (country_code, date) index, events.link_component and the
-- MinHash signatures of articles.

CREATE INDEX events_country_date ON events (country_code, date);

ALTER TABLE events ADD COLUMN link_component text COLLATE "C";
CREATE INDEX events_link_component ON events (link_component);

CREATE TABLE article_signatures (
    article_id text  COLLATE "C" PRIMARY KEY REFERENCES articles (article_id),
    signature  bytea NOT NULL  -- little-endian uint32 MinHash values
);
