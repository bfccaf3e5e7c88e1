-- Devices of a user (issue 11): a phone sends a UUID it made once with every sign-in; the admin sees
-- first/last seen and the name, and revokes a lost phone. A session belongs to the device it was
-- started on, so a revoked device's requests answer 401 device_revoked and the phone wipes itself.
CREATE TABLE devices (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id text NOT NULL,
  name text NOT NULL DEFAULT '',
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (user_id, device_id)
);

ALTER TABLE sessions ADD COLUMN device_id text;

-- Per-user secret that wraps the device's data key for recovery (a forgotten PIN): handed out only
-- in the answer to a successful password sign-in; filled on the first one.
ALTER TABLE users ADD COLUMN wrap_secret text;

-- The server's ECDH P-256 key pairs for the sealed outbox ([K3] in SPEC.md); the newest is published
-- at GET /api/session with its key id, older ones still open entries sealed before a rotation.
CREATE TABLE seal_keys (
  kid text PRIMARY KEY,
  private_jwk jsonb NOT NULL,
  public_jwk jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
