-- PostgreSQL's GIN index writes straight into the index from here on; SQLite's FTS5 index has
-- no such setting. The migration is kept so that both backends have the same versions.
SELECT 1;
