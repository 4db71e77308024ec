ALTER TABLE agenda_attachments DROP COLUMN text;
DROP TRIGGER search_documents_deleted;
DROP TABLE search_index;
DROP TABLE search_documents;
