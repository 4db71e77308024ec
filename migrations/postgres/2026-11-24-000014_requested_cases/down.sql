ALTER TABLE proposals DROP COLUMN requested_cases;
