-- The mail outbox: every message Agendum sends is written here in the same transaction as the
-- change that causes it, and delivered by the worker. Rows are kept after delivery as the record
-- of what was sent.
CREATE TABLE outbox_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Stable across retries, so a message delivered twice is recognisable as one.
    message_id TEXT NOT NULL UNIQUE,
    from_header TEXT NOT NULL,
    reply_to TEXT,
    -- JSON array of mailboxes: [{"name": "…", "email": "…"}].
    recipients TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT,
    -- JSON object of extra headers (List-Unsubscribe, …).
    extra_headers TEXT,
    -- The record the message concerns, e.g. ('proposal', 12).
    concerns_kind TEXT,
    concerns_id BIGINT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    -- A worker's claim; it lapses at claim_expires_at if the worker dies.
    claimed_by TEXT,
    claim_expires_at TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX outbox_messages_due ON outbox_messages (status, next_attempt_at);
CREATE INDEX outbox_messages_claim ON outbox_messages (status, claim_expires_at);
CREATE INDEX outbox_messages_concerns ON outbox_messages (concerns_kind, concerns_id);
CREATE INDEX outbox_messages_created ON outbox_messages (created_at);

CREATE TABLE outbox_attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id BIGINT NOT NULL REFERENCES outbox_messages (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX outbox_attachments_message ON outbox_attachments (message_id, position);
