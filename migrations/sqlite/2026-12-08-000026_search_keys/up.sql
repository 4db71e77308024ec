-- Search documents are keyed by their day (domain::search::document_key), so that the FTS5
-- index's own rowid order is "newest first" and a search reads only the page it shows. Who may
-- find a document, and what the filters ask, are tokens of the index's `meta` column, so that
-- counting and filtering never read a row. The index is rebuilt after this migration.
DROP TRIGGER search_documents_deleted;
DELETE FROM search_documents;
DROP TABLE search_index;
ALTER TABLE search_documents ADD COLUMN meta TEXT NOT NULL DEFAULT '';
CREATE INDEX search_documents_organization ON search_documents (organization_id, visibility);

CREATE VIRTUAL TABLE search_index USING fts5(
    terms, title_terms, meta,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents BEGIN
    DELETE FROM search_index WHERE rowid = old.id;
END;
