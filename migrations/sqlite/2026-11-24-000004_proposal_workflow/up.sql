-- The proposal workflow: who drafted a proposal, every version of its text, the secretariat's
-- reviews (return with a comment, or accept), the case register's counters, and the deadline
-- rules of each body.

ALTER TABLE proposals ADD COLUMN created_by BIGINT REFERENCES users (id);
-- Why the secretariat placed a late proposal on the agenda.
ALTER TABLE proposals ADD COLUMN late_reason TEXT;
-- The deadline the submission was measured against.
ALTER TABLE proposals ADD COLUMN deadline_at TIMESTAMP;
CREATE INDEX proposals_created_by ON proposals (created_by);

-- Every saved text of a proposal, never updated: versions can be compared.
CREATE TABLE proposal_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    title TEXT NOT NULL,
    opening TEXT NOT NULL,
    -- JSON array of the clauses' texts, in order.
    clauses TEXT NOT NULL,
    motivation TEXT NOT NULL,
    saved_by BIGINT REFERENCES users (id),
    saved_at TIMESTAMP NOT NULL,
    UNIQUE (proposal_id, version)
);

-- The secretariat's check of a submitted proposal.
CREATE TABLE proposal_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    -- The text version that was reviewed.
    version INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('returned', 'accepted')),
    -- JSON object: checklist item → checked.
    checklist TEXT NOT NULL,
    comment TEXT,
    reviewer_id BIGINT REFERENCES users (id),
    reviewed_at TIMESTAMP NOT NULL
);
CREATE INDEX proposal_reviews_proposal ON proposal_reviews (proposal_id, reviewed_at);

-- The case register: the last serial number handed out per body and year. Numbers only go up,
-- so none is ever reused.
CREATE TABLE case_counters (
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    year INTEGER NOT NULL,
    last_serial BIGINT NOT NULL,
    PRIMARY KEY (body_id, year)
);

-- Deadline rules (domain::deadline, stored form such as 'working_days:4'); NULL = the default.
ALTER TABLE organizations ADD COLUMN proposal_deadline_rule TEXT;
ALTER TABLE organizations ADD COLUMN agenda_release_rule TEXT;
-- Days the body's offices are closed beyond weekends and public holidays.
ALTER TABLE bodies ADD COLUMN closed_constitution_day BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE bodies ADD COLUMN closed_christmas_eve BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE bodies ADD COLUMN closed_new_years_eve BOOLEAN NOT NULL DEFAULT TRUE;
