DROP TABLE letters;
ALTER TABLE organizations DROP COLUMN address_lines;
