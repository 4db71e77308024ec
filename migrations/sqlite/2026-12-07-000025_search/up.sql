-- Full-text search (db/search.rs). One row per searchable thing, kept in the transaction of the
-- change that makes it searchable; its terms (Danish stems made in Rust, domain/search.rs) sit
-- in a contentless FTS5 index whose rowid is the document's id.
CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    body_id BIGINT NOT NULL,
    -- Whose members read it while it is closed (visibility 'members').
    organization_id BIGINT,
    meeting_id BIGINT,
    case_id BIGINT,
    proposal_id BIGINT,
    -- public | members | secretariat | authors
    visibility TEXT NOT NULL,
    status TEXT,
    day DATE NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    indexed_at TIMESTAMP NOT NULL,
    UNIQUE (kind, source_id)
);
CREATE INDEX search_documents_meeting ON search_documents (meeting_id);
CREATE INDEX search_documents_case ON search_documents (case_id);
CREATE INDEX search_documents_proposal ON search_documents (proposal_id);

CREATE VIRTUAL TABLE search_index USING fts5(
    terms, title_terms,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents BEGIN
    DELETE FROM search_index WHERE rowid = old.id;
END;

-- The text of an attached file, read when it is attached (NULL: none could be read).
ALTER TABLE agenda_attachments ADD COLUMN text TEXT;
