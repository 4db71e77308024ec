DROP TABLE task_files;
DROP TABLE task_reminders;
DROP TABLE task_tokens;
DROP TABLE task_contributions;
DROP TABLE tasks;
DROP TABLE decisions;
DROP TABLE meeting_attendance;
