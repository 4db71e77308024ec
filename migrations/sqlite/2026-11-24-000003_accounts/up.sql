-- Accounts, server-side sessions, API tokens, login attempts (for rate limiting) and the audit
-- log. Secrets (session cookies, API tokens) are stored as SHA-256 hashes only; passwords as
-- argon2id PHC strings.

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Lower-cased: the login name.
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('secretariat', 'politician', 'administration', 'chair')),
    -- A politician or chair is a person (and so has a party and bodies).
    person_id BIGINT REFERENCES persons (id),
    -- Administration staff belong to an administration; the secretariat may name its own.
    organization_id BIGINT REFERENCES organizations (id),
    password_hash TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (role NOT IN ('politician', 'chair') OR person_id IS NOT NULL),
    CHECK (role <> 'administration' OR organization_id IS NOT NULL)
);
CREATE INDEX users_person ON users (person_id);
CREATE INDEX users_organization ON users (organization_id);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Every form of this session carries it.
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label TEXT,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- As typed (lower-cased), whether or not such an account exists.
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    succeeded BOOLEAN NOT NULL,
    attempted_at TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, attempted_at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, attempted_at);
CREATE INDEX login_attempts_at ON login_attempts (attempted_at);

-- Every state change: who, when, what, before and after (JSON). Never updated.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TIMESTAMP NOT NULL,
    user_id BIGINT REFERENCES users (id),
    -- Who, as shown: the account's name, or "agendum (kommandolinje)".
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    before_state TEXT,
    after_state TEXT,
    note TEXT
);
CREATE INDEX audit_events_subject ON audit_events (subject_kind, subject_id, at);

-- Facts about this installation, e.g. that the demo data is loaded.
CREATE TABLE app_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The secretariat's outbox page lists one status, newest first.
CREATE INDEX outbox_messages_status_id ON outbox_messages (status, id);
