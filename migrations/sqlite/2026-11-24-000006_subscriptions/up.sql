-- Public readers follow a council or committee by email: double opt-in, and an unsubscribe link
-- in every mail. The confirmation token is stored hashed (it proves the address); the
-- unsubscribe token is stored as is, because every mail must carry it and it grants nothing but
-- leaving the list.
CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    confirm_token_hash TEXT,
    unsubscribe_token TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    unsubscribed_at TIMESTAMP,
    UNIQUE (organization_id, email)
);
CREATE UNIQUE INDEX subscriptions_confirm ON subscriptions (confirm_token_hash);
