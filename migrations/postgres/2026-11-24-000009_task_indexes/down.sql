DROP INDEX task_contributions_organization;
DROP INDEX tasks_status_deadline;
