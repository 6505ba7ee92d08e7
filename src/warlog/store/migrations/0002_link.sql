-- warlog schema 2: what incremental incident linking needs.
--
-- Linking looks up, for each new event, the events of the same country within a few days of it:
-- an index on (country_code, date) makes that a range scan instead of a scan of every event of a
-- date range. `article_signatures` keeps one MinHash signature of each article's text (shingles
-- of words, see warlog.assess.text), computed once when the article is first linked, so that
-- detecting syndicated copies never re-reads old articles' texts.

CREATE INDEX events_country_date ON events (country_code, date);

CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles (article_id),
    signature  BLOB NOT NULL  -- little-endian uint32 MinHash values
);
