DROP TABLE election_periods;
DROP INDEX memberships_organization_dates;
ALTER TABLE memberships DROP COLUMN position;
DROP INDEX organizations_short_name;
ALTER TABLE organizations DROP COLUMN extra_emails;
ALTER TABLE organizations DROP COLUMN active;
