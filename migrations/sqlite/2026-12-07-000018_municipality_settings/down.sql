ALTER TABLE bodies DROP COLUMN settings_version;
ALTER TABLE bodies DROP COLUMN logo_type;
ALTER TABLE bodies DROP COLUMN logo;
ALTER TABLE bodies DROP COLUMN default_language;
ALTER TABLE bodies DROP COLUMN council_title;
