-- Letterheads with a logo, replies to letters, and incoming letters put on an agenda.

-- A logo printed at the top of the letterhead (PNG or JPEG).
ALTER TABLE organizations ADD COLUMN logo BYTEA;
ALTER TABLE organizations ADD COLUMN logo_content_type TEXT;

-- The letter an outgoing letter answers.
ALTER TABLE letters ADD COLUMN in_reply_to BIGINT REFERENCES letters (id);
-- The agenda item an incoming letter was put on for orientation.
ALTER TABLE letters ADD COLUMN agenda_item_id BIGINT REFERENCES agenda_items (id);
-- The outbox message a sent letter went out as.
ALTER TABLE letters ADD COLUMN outbox_id BIGINT REFERENCES outbox_messages (id);
CREATE INDEX letters_date ON letters (letter_date, id);
