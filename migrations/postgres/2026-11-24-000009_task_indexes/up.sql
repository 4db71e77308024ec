-- The follow-up lists: open and overdue tasks by their deadline, and an administration's tasks
-- including those it contributes to.
CREATE INDEX tasks_status_deadline ON tasks (status, deadline);
CREATE INDEX task_contributions_organization ON task_contributions (organization_id, task_id);
