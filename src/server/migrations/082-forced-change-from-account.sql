-- The forced-change state (a one-time password must be replaced, issue 14) is read from the
-- account at every session check (auth/sessions.ts), never copied into the session (issue 22
-- item 6): the copy is dropped.
ALTER TABLE sessions DROP COLUMN password_change_required;
