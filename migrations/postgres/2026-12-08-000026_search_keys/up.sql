-- Search documents are keyed by their day (domain::search::document_key), so that walking the
-- primary key forwards is "newest first". Who may find a document, and what the filters ask,
-- are lexemes of the tsvector beside its words (`_vpublic`, `_b3` …; a word's terms never
-- begin with `_`), so that the GIN index counts and filters. `meta` keeps those tokens. The
-- index is rebuilt after this migration.
DELETE FROM search_documents;
ALTER TABLE search_documents ADD COLUMN meta TEXT NOT NULL DEFAULT '';
CREATE INDEX search_documents_organization ON search_documents (organization_id, visibility);
