-- The secretariat keeps the register itself: organizations are deactivated, never deleted
-- (history refers to them); an administration may have further addresses for its task mail;
-- substitutes stand in their party's order; election periods end the old seats.

-- A deactivated organization keeps its history but gets nothing new (no tasks, no meetings).
ALTER TABLE organizations ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
-- Further addresses an administration's task mail also goes to, one per line.
ALTER TABLE organizations ADD COLUMN extra_emails TEXT NOT NULL DEFAULT '';
-- Short names (ØKF, a party's list letter) name one organization of a body.
CREATE UNIQUE INDEX organizations_short_name ON organizations (body_id, short_name);

-- A substitute's place in their party's order (1 = called first); NULL for other roles.
ALTER TABLE memberships ADD COLUMN position INTEGER CHECK (position IS NULL OR position >= 1);
CREATE INDEX memberships_organization_dates ON memberships (organization_id, start_date);

-- Election periods (valgperioder): a new one ends the seats of the old on its first day.
CREATE TABLE election_periods (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    name TEXT NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (body_id, start_date),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
