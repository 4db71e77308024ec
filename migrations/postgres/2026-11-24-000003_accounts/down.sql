DROP INDEX outbox_messages_status_id;
DROP TABLE app_meta;
DROP TABLE audit_events;
DROP TABLE login_attempts;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE users;
