-- The municipality's own settings, kept by the secretariat on /secretariat/settings: what the
-- council is called, the language of mail to people without a preference, the logo shown in the
-- header, and a counter that every change of them raises so that each app node sees a change
-- within a second (web::site).
ALTER TABLE bodies ADD COLUMN council_title TEXT NOT NULL DEFAULT 'kommunalbestyrelse';
ALTER TABLE bodies ADD COLUMN default_language TEXT NOT NULL DEFAULT 'da';
ALTER TABLE bodies ADD COLUMN logo BLOB;
ALTER TABLE bodies ADD COLUMN logo_type TEXT;
ALTER TABLE bodies ADD COLUMN settings_version BIGINT NOT NULL DEFAULT 0;
