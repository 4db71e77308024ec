DROP TABLE agenda_documents;
DROP TABLE agenda_attachments;
ALTER TABLE agenda_versions DROP COLUMN released_by;
ALTER TABLE agenda_versions DROP COLUMN changes;
ALTER TABLE agenda_items DROP COLUMN custom_number;
ALTER TABLE agenda_items DROP COLUMN source_organization_id;
ALTER TABLE agenda_items DROP COLUMN sections;
