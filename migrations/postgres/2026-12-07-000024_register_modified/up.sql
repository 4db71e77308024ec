-- When each object of the register last changed, for OParl's `modified` and its
-- `modified_since` filter (issue 21). Rows made before count as changed when they were made;
-- a membership's own creation was not kept, so its person's stands in for it.
ALTER TABLE bodies ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE bodies SET updated_at = created_at;
ALTER TABLE organizations ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE organizations SET updated_at = created_at;
ALTER TABLE persons ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE persons SET updated_at = created_at;
ALTER TABLE election_periods ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE election_periods SET updated_at = created_at;
ALTER TABLE memberships ADD COLUMN created_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
ALTER TABLE memberships ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE memberships
SET created_at = (SELECT persons.created_at FROM persons WHERE persons.id = memberships.person_id),
    updated_at = (SELECT persons.created_at FROM persons WHERE persons.id = memberships.person_id);
