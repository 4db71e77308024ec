-- The list of changes a supplement shows the public, computed from the public views of the two
-- versions (a closed item's case numbers and text are not in it). Filled for earlier versions
-- by `db::agenda::fill_public_changes` when the migration has run.
ALTER TABLE agenda_versions ADD COLUMN public_changes TEXT;
