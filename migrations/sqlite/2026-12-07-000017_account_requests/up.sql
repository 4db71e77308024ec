-- Requests for a password reset link (/password/forgot), whether or not the address has an
-- account: counted per address and per client to limit them, pruned with the login attempts.
CREATE TABLE password_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- As typed (lower-cased).
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    requested_at TIMESTAMP NOT NULL
);
CREATE INDEX password_requests_email ON password_requests (email, requested_at);
CREATE INDEX password_requests_ip ON password_requests (ip, requested_at);
