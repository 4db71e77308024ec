-- Agenda building and release: item sections and sources, typed-in numbers, files on items,
-- what each released version changed, and the documents rendered at release (never re-rendered).

-- JSON array of {heading, text}: the sections of an administration's indstilling.
ALTER TABLE agenda_items ADD COLUMN sections TEXT;
-- The administration behind an indstilling, or a letter's sender.
ALTER TABLE agenda_items ADD COLUMN source_organization_id BIGINT REFERENCES organizations (id);
-- A number typed in by the secretariat ("3a") is kept when items move; others follow the order.
ALTER TABLE agenda_items ADD COLUMN custom_number BOOLEAN NOT NULL DEFAULT FALSE;

-- JSON array of the lines that say what changed from the previous version.
ALTER TABLE agenda_versions ADD COLUMN changes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE agenda_versions ADD COLUMN released_by BIGINT REFERENCES users (id);

-- Files on agenda items. Never updated; an item removed from the agenda keeps its files for the
-- versions that were released with them.
CREATE TABLE agenda_attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    agenda_item_id BIGINT REFERENCES agenda_items (id) ON DELETE SET NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL,
    public BOOLEAN NOT NULL,
    content BLOB NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX agenda_attachments_item ON agenda_attachments (agenda_item_id);
CREATE INDEX agenda_attachments_meeting ON agenda_attachments (meeting_id);

-- The PDFs of a released version, rendered in the release's transaction: the public one and
-- the full one for members and the secretariat.
CREATE TABLE agenda_documents (
    agenda_version_id BIGINT NOT NULL REFERENCES agenda_versions (id),
    audience TEXT NOT NULL CHECK (audience IN ('public', 'members')),
    content_type TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (agenda_version_id, audience)
);
