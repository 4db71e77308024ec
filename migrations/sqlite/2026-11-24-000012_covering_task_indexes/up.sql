-- The dashboard's "requests for more time": the few tasks with a proposed deadline, found
-- without reading every task (a partial index; both backends have them).
CREATE INDEX tasks_requests ON tasks (deadline, id) WHERE proposed_deadline IS NOT NULL;
-- The overdue count per administration, answered from the index alone.
DROP INDEX tasks_status_deadline;
CREATE INDEX tasks_status_deadline_lead ON tasks (status, deadline, lead_id);
