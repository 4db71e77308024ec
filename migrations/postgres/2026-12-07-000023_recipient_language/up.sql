-- The language of mail to a subscriber (chosen at sign-up) and to an administration (set by the
-- secretariat) (issue 20); NULL means the municipality's own language.
ALTER TABLE subscriptions ADD COLUMN language TEXT;
ALTER TABLE organizations ADD COLUMN language TEXT;
