DROP INDEX letters_date;
ALTER TABLE letters DROP COLUMN outbox_id;
ALTER TABLE letters DROP COLUMN agenda_item_id;
ALTER TABLE letters DROP COLUMN in_reply_to;
ALTER TABLE organizations DROP COLUMN logo_content_type;
ALTER TABLE organizations DROP COLUMN logo;
