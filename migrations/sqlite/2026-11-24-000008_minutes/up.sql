-- Minutes (beslutningsprotokol): versions of a meeting's decisions, approved by the signers
-- the body is configured with, then published and frozen. A correction is a new version.

-- Who approves a body's minutes: its chair and the secretariat, or everyone who took part.
ALTER TABLE organizations ADD COLUMN minutes_signers TEXT NOT NULL DEFAULT 'chair_and_secretariat'
    CHECK (minutes_signers IN ('chair_and_secretariat', 'all_participants'));

-- One version of a meeting's minutes. `content` is the minutes as drafted (JSON), frozen from
-- then on; `signers` the signatures it needs (JSON). Published versions keep their PDFs.
CREATE TABLE minutes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    content TEXT NOT NULL,
    signers TEXT NOT NULL,
    correction_reason TEXT,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    published_at TIMESTAMP,
    UNIQUE (meeting_id, version)
);

CREATE TABLE minutes_signatures (
    minutes_id BIGINT NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
    signer_key TEXT NOT NULL,
    signer_name TEXT NOT NULL,
    signed_at TIMESTAMP NOT NULL,
    -- The account that recorded it: the signer's own, or the secretariat's on their behalf.
    recorded_by BIGINT REFERENCES users (id),
    on_behalf BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (minutes_id, signer_key)
);

CREATE TABLE minutes_documents (
    minutes_id BIGINT NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
    audience TEXT NOT NULL CHECK (audience IN ('public', 'members')),
    content BLOB NOT NULL,
    PRIMARY KEY (minutes_id, audience)
);
