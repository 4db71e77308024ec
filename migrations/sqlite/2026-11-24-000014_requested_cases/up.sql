-- The case numbers an author typed on a draft, as typed ("2026-0000001, 2021-0041276"): they
-- stay on the proposal until the secretariat accepts it and only then enter the case register.
ALTER TABLE proposals ADD COLUMN requested_cases TEXT NOT NULL DEFAULT '';
