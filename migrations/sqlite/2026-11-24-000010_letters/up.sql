-- Letters (henvendelser) on cases, and the letterheads organizations send them under.

-- The postal address printed in the letterhead, one line per line.
ALTER TABLE organizations ADD COLUMN address_lines TEXT;

CREATE TABLE letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
    status TEXT NOT NULL CHECK (status IN ('registered', 'draft', 'approved', 'sent')),
    -- The sending organization when Agendum knows it (its letterhead), and the sender as printed.
    sender_organization_id BIGINT REFERENCES organizations (id),
    sender_name TEXT NOT NULL,
    letter_date DATE NOT NULL,
    recipient_name TEXT NOT NULL,
    recipient_title TEXT,
    recipient_email TEXT,
    heading TEXT NOT NULL,
    salutation TEXT NOT NULL,
    body TEXT NOT NULL,
    closing TEXT NOT NULL,
    -- JSON: [{"name": ..., "title": ...}]
    signatories TEXT NOT NULL,
    public BOOLEAN NOT NULL DEFAULT FALSE,
    -- An incoming letter's original file.
    original_filename TEXT,
    original_content_type TEXT,
    original BLOB,
    -- A sent letter's PDF, as it was sent.
    pdf BLOB,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    approved_by BIGINT REFERENCES users (id),
    approved_at TIMESTAMP,
    sent_at TIMESTAMP,
    lock_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX letters_case ON letters (case_id);
