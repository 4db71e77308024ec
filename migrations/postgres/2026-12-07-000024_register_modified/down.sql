ALTER TABLE memberships DROP COLUMN updated_at;
ALTER TABLE memberships DROP COLUMN created_at;
ALTER TABLE election_periods DROP COLUMN updated_at;
ALTER TABLE persons DROP COLUMN updated_at;
ALTER TABLE organizations DROP COLUMN updated_at;
ALTER TABLE bodies DROP COLUMN updated_at;
