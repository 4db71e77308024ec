DROP TABLE minutes_documents;
DROP TABLE minutes_signatures;
DROP TABLE minutes;
ALTER TABLE organizations DROP COLUMN minutes_signers;
