-- warlog schema 4 for PostgreSQL: an index on articles.main_event_id, the foreign key that lacked
-- one (see migrations/0004_fk_indexes.sql). PostgreSQL does not need it to insert events, but
-- deleting or renaming an event would scan `articles` without it.

CREATE INDEX IF NOT EXISTS articles_main_event_id ON articles (main_event_id);
