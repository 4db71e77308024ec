-- Case references keep the shape the municipality's case system writes them in (25/12345,
-- 2025-0124174); `reference` is that text, `reference_key` the one form a case is found and
-- linked by (domain::case_reference::CaseReference::key), so two shapes of one number are one
-- case. The municipality's own shape makes its new numbers.
ALTER TABLE cases ADD COLUMN reference_key TEXT;
UPDATE cases SET reference_key = reference;
CREATE UNIQUE INDEX cases_reference_lookup ON cases (reference_key);
ALTER TABLE bodies ADD COLUMN case_reference_format TEXT NOT NULL DEFAULT 'ÅÅÅÅ-NNNNNNN';
