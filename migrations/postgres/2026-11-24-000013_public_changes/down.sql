ALTER TABLE agenda_versions DROP COLUMN public_changes;
