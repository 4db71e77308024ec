DROP INDEX tasks_status_deadline_lead;
CREATE INDEX tasks_status_deadline ON tasks (status, deadline);
DROP INDEX tasks_requests;
