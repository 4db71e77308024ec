-- Decisions on agenda items, attendance per meeting, and the follow-up tasks that adopted
-- clauses give the administrations, with their contributions, answer links and reminders.

-- Who took part in a meeting: present, absent, or a substitute for an absent member.
CREATE TABLE meeting_attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'substitute')),
    substitute_for BIGINT REFERENCES persons (id),
    PRIMARY KEY (meeting_id, person_id),
    CHECK ((status = 'substitute') = (substitute_for IS NOT NULL))
);

-- One decision per agenda item. `data` is the decision as recorded (votes, per-clause outcomes,
-- amendments, protocol notes, dissents) as JSON; `text` is the decision text, written by
-- Agendum and perhaps edited by the secretariat.
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agenda_item_id BIGINT NOT NULL UNIQUE REFERENCES agenda_items (id),
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    outcome TEXT NOT NULL,
    data TEXT NOT NULL,
    referred_to_id BIGINT REFERENCES organizations (id),
    text TEXT NOT NULL,
    text_edited BOOLEAN NOT NULL DEFAULT FALSE,
    recorded_by BIGINT REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX decisions_meeting ON decisions (meeting_id);

-- A follow-up task: one adopted clause, one lead administration.
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    decision_id BIGINT NOT NULL REFERENCES decisions (id),
    agenda_item_id BIGINT NOT NULL REFERENCES agenda_items (id),
    proposal_id BIGINT REFERENCES proposals (id),
    clause INTEGER NOT NULL CHECK (clause >= 1),
    clause_text TEXT NOT NULL,
    description TEXT NOT NULL,
    lead_id BIGINT NOT NULL REFERENCES organizations (id),
    deadline DATE,
    answer_to_id BIGINT REFERENCES organizations (id),
    status TEXT NOT NULL,
    answer TEXT,
    answered_at TIMESTAMP,
    answered_by TEXT,
    proposed_deadline DATE,
    extension_reason TEXT,
    presented_item_id BIGINT REFERENCES agenda_items (id),
    lock_version INTEGER NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id),
    sent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX tasks_lead ON tasks (lead_id, status);
CREATE INDEX tasks_item ON tasks (agenda_item_id);
CREATE INDEX tasks_proposal ON tasks (proposal_id);

-- One contribution per contributing administration.
CREATE TABLE task_contributions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    status TEXT NOT NULL CHECK (status IN ('requested', 'seen', 'answered')),
    answer TEXT,
    answered_at TIMESTAMP,
    answered_by TEXT,
    UNIQUE (task_id, organization_id)
);

-- Answer links: a random 256-bit token, stored as its SHA-256; one task (and, for a
-- contribution, one contribution); expires; can be revoked.
CREATE TABLE task_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    contribution_id BIGINT REFERENCES task_contributions (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    last_used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX task_tokens_task ON task_tokens (task_id);

-- Reminders sent, by key ("before-7-2025-06-30", "overdue-2025-06-30"): the primary key makes
-- each go out once, whichever server sends it and however often it restarts.
CREATE TABLE task_reminders (
    task_id BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    reminder_key TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (task_id, reminder_key)
);

-- Files sent with an answer or a contribution.
CREATE TABLE task_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    contribution_id BIGINT REFERENCES task_contributions (id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX task_files_task ON task_files (task_id);
