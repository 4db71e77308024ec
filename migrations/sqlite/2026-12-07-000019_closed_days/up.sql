-- Days a body's offices are closed beyond the public holidays and the three usual closing days
-- (bodies.closed_*): working-day deadlines count past them.
CREATE TABLE closed_days (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    day DATE NOT NULL,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (body_id, day)
);
