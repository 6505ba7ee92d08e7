-- warlog schema 3 for PostgreSQL: attribution (see migrations/0003_attribution.sql):
-- events.disputed_by (JSON list of parties) and the quotes of each analysed article.

ALTER TABLE events ADD COLUMN disputed_by text NOT NULL DEFAULT '[]';

CREATE TABLE quotes (
    id            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    text    COLLATE "C" NOT NULL REFERENCES articles (article_id),
    quote_start   integer NOT NULL,
    quote_end     integer NOT NULL,
    speaker       text,
    speaker_start integer,
    speaker_end   integer,
    direct        integer NOT NULL
);
CREATE INDEX quotes_article_id ON quotes (article_id);
