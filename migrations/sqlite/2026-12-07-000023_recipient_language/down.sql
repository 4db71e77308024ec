ALTER TABLE organizations DROP COLUMN language;
ALTER TABLE subscriptions DROP COLUMN language;
