-- warlog schema 3: attribution (issue 5).
--
-- `events.disputed_by` lists, as JSON, the parties in the article that deny the event or the
-- account of it (kept beside `certainty`, which it does not change). `quotes` holds the direct
-- and indirect quotations of each analysed article with their speakers (warlog.extract.sourcing):
-- offsets index the article's text; `direct` is 1 for words between quotation marks.

ALTER TABLE events ADD COLUMN disputed_by TEXT NOT NULL DEFAULT '[]';

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    article_id    TEXT    NOT NULL REFERENCES articles (article_id),
    quote_start   INTEGER NOT NULL,
    quote_end     INTEGER NOT NULL,
    speaker       TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    direct        INTEGER NOT NULL
);
CREATE INDEX quotes_article_id ON quotes (article_id);
