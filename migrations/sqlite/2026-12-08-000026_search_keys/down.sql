DROP TRIGGER search_documents_deleted;
DELETE FROM search_documents;
DROP TABLE search_index;
DROP INDEX search_documents_organization;
ALTER TABLE search_documents DROP COLUMN meta;
CREATE VIRTUAL TABLE search_index USING fts5(
    terms, title_terms,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents BEGIN
    DELETE FROM search_index WHERE rowid = old.id;
END;
