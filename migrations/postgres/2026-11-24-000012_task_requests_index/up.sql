-- The dashboard's "requests for more time": the few tasks with a proposed deadline, found
-- without reading every task (a partial index; both backends have them).
CREATE INDEX tasks_requests ON tasks (deadline, id) WHERE proposed_deadline IS NOT NULL;
