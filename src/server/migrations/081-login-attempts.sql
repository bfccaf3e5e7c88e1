-- Login attempts are counted before the password is checked (issue 22 item 7,
-- auth/login-limiter.ts): each row now belongs to one attempt, so a password that turns out right
-- takes back exactly its own rows. Rows from before have none (they were failures).
ALTER TABLE login_failures ADD COLUMN attempt_id text;
CREATE INDEX login_failures_by_attempt ON login_failures (attempt_id);
