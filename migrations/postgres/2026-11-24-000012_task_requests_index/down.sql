DROP INDEX tasks_requests;
