ALTER TABLE bodies DROP COLUMN case_reference_format;
DROP INDEX cases_reference_lookup;
ALTER TABLE cases DROP COLUMN reference_key;
