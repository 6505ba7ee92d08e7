-- warlog schema 2: what incremental incident linking needs.
--
-- Linking looks up, for each new event, the events of the same country within a few days of it:
-- an index on (country_code, date) makes that a range scan instead of a scan of every event of a
-- date range. `events.link_component` names the connected component of the linking graph an event
-- belongs to (the smallest event id in it, see warlog.link.cluster): a new event that links to an
-- old one pulls in that old event's whole component with one indexed query, instead of walking
-- the graph again. `article_signatures` keeps one MinHash signature of each article's text (shingles
-- of words, see warlog.assess.text), computed once when the article is first linked, so that
-- detecting syndicated copies never re-reads old articles' texts.

CREATE INDEX events_country_date ON events (country_code, date);

ALTER TABLE events ADD COLUMN link_component TEXT;
CREATE INDEX events_link_component ON events (link_component);

CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles (article_id),
    signature  BLOB NOT NULL  -- little-endian uint32 MinHash values
);
