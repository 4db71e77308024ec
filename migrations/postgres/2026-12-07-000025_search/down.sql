ALTER TABLE agenda_attachments DROP COLUMN text;
DROP TABLE search_documents;
