DROP TABLE password_requests;
