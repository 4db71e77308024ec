-- Core schema (SQLite). Kept equal to migrations/postgres apart from the id columns:
-- INTEGER PRIMARY KEY AUTOINCREMENT, so ids (in public URLs) are never reused.

CREATE TABLE bodies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    short_name TEXT,
    website TEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    kind TEXT NOT NULL CHECK (kind IN ('council', 'committee', 'party', 'administration', 'external')),
    name TEXT NOT NULL,
    -- Abbreviation: ØKF for an administration, the letter Ø for a party.
    short_name TEXT,
    -- Where an administration receives its tasks.
    email TEXT,
    -- OParl subOrganizationOf: a committee of the council, an administration under its committee.
    parent_id BIGINT REFERENCES organizations (id),
    website TEXT,
    start_date DATE,
    end_date DATE,
    created_at TIMESTAMP NOT NULL,
    CHECK (kind <> 'administration' OR email IS NOT NULL),
    UNIQUE (body_id, kind, name)
);
CREATE INDEX organizations_parent ON organizations (parent_id);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    name TEXT NOT NULL,
    title TEXT,
    email TEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    -- The party a member sits for (OParl onBehalfOf).
    party_id BIGINT REFERENCES organizations (id),
    role TEXT NOT NULL CHECK (role IN ('member', 'chair', 'vice_chair', 'substitute', 'staff')),
    start_date DATE NOT NULL,
    end_date DATE,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX memberships_organization ON memberships (organization_id);
CREATE INDEX memberships_person ON memberships (person_id);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    reference TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    kind TEXT NOT NULL CHECK (kind IN ('regular', 'extraordinary')),
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP,
    location TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'agenda_released', 'held', 'minutes_published', 'cancelled')),
    -- Optimistic locking: every change bumps it; a save with a stale value is refused.
    lock_version INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX meetings_organization_start ON meetings (organization_id, starts_at);
CREATE INDEX meetings_start ON meetings (starts_at);
CREATE INDEX meetings_status_start ON meetings (status, starts_at);

CREATE TABLE proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    -- The council or committee the proposal is put to.
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    title TEXT NOT NULL,
    opening TEXT NOT NULL,
    -- Markdown.
    motivation TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted', 'on_agenda', 'decided', 'in_follow_up', 'closed', 'withdrawn')),
    submitting_party_id BIGINT REFERENCES organizations (id),
    target_meeting_id BIGINT REFERENCES meetings (id),
    submitted_at TIMESTAMP,
    late BOOLEAN NOT NULL DEFAULT FALSE,
    lock_version INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX proposals_status ON proposals (status, target_meeting_id);
CREATE INDEX proposals_target_meeting ON proposals (target_meeting_id);

CREATE TABLE proposal_clauses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    text TEXT NOT NULL,
    UNIQUE (proposal_id, position)
);

CREATE TABLE proposal_submitters (
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    role TEXT NOT NULL CHECK (role IN ('proposer', 'cosigner')),
    position INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, person_id)
);
CREATE INDEX proposal_submitters_person ON proposal_submitters (person_id);

CREATE TABLE proposal_cases (
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, case_id)
);
CREATE INDEX proposal_cases_case ON proposal_cases (case_id);

-- The working agenda of a meeting; released versions are frozen in agenda_versions.
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('approval_of_agenda', 'member_proposal', 'recommendation', 'orientation', 'letter', 'question', 'other')),
    public BOOLEAN NOT NULL DEFAULT TRUE,
    proposal_id BIGINT REFERENCES proposals (id),
    case_id BIGINT REFERENCES cases (id),
    body TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_proposal ON agenda_items (proposal_id);
CREATE INDEX agenda_items_case ON agenda_items (case_id);

CREATE TABLE agenda_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    released_at TIMESTAMP NOT NULL,
    -- Why a release after the body's deadline was allowed.
    late_reason TEXT,
    -- The frozen agenda (domain::agenda::AgendaSnapshot as JSON); never updated.
    snapshot TEXT NOT NULL,
    UNIQUE (meeting_id, version)
);

-- The items of each released version, for lookups (where has a proposal or case been on a
-- released agenda?). Written with the snapshot, never updated.
CREATE TABLE agenda_version_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agenda_version_id BIGINT NOT NULL REFERENCES agenda_versions (id),
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    public BOOLEAN NOT NULL,
    proposal_id BIGINT REFERENCES proposals (id),
    case_id BIGINT REFERENCES cases (id)
);
CREATE INDEX agenda_version_items_version ON agenda_version_items (agenda_version_id);
CREATE INDEX agenda_version_items_proposal ON agenda_version_items (proposal_id);
CREATE INDEX agenda_version_items_case ON agenda_version_items (case_id);
