-- A person's language (issue 20): their pages and mail in it; NULL until they choose one (then
-- the browser's or the instance's language is used).
ALTER TABLE users ADD COLUMN language TEXT;
