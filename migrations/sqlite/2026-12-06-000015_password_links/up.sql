-- One-time links to set a password: the first secretariat account's (agendum setup), an
-- invitation's, a reset's. Only the token's digest is stored; a link works once, until it
-- expires.
CREATE TABLE password_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL CHECK (purpose IN ('set', 'reset')),
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX password_links_user ON password_links (user_id);
