-- warlog schema 4: indexes on the foreign keys that lacked one.
--
-- `articles.main_event_id` references `events` with a deferred constraint: while an article's
-- transaction is open, every event inserted makes SQLite look for the articles that point at it,
-- a full scan of `articles` without this index (ingest slowed as the store grew).

CREATE INDEX IF NOT EXISTS articles_main_event_id ON articles (main_event_id);
