-- Issue 14: a password an admin set for someone (a one-time password from the console, `user passwd`
-- on the CLI) must be replaced at the next sign-in. The account carries the mark until its owner
-- chose a password; a session started with it carries it too and is refused every other API call
-- (403 password_change_required) until then. Sessions started before the reset are not affected.
ALTER TABLE users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
ALTER TABLE sessions ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
