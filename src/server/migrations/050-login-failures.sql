-- Failed sign-ins, so that every server instance on this database applies the same limit
-- (docs/deploy.md). `key` is a SHA-256 of e-mail + client address, never the address itself;
-- rows older than the window are deleted as new failures come in.
CREATE TABLE login_failures (
  key text NOT NULL,
  failed_at timestamptz NOT NULL
);
CREATE INDEX login_failures_by_key ON login_failures (key, failed_at);
CREATE INDEX login_failures_by_time ON login_failures (failed_at);
