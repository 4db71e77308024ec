DELETE FROM search_documents;
DROP INDEX search_documents_organization;
ALTER TABLE search_documents DROP COLUMN meta;
