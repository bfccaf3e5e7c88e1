-- Accounts, devices, synced records and the change log (SPEC [R1], [V1], [P1]-[P3]).
-- Ids are text: record and client ids come from devices (UUIDv7) and must round-trip unchanged.

CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- The team's sync cursor: bumped under this row's lock in every write transaction ([V1]).
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);

CREATE TABLE users (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('thm', 'coordinator', 'admin')),
  password_hash text NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL
);

-- Only the SHA-256 of a session token is stored: a leaked table opens no session.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- A device, bound to the user that first used it ([P2]).
CREATE TABLE clients (
  client_id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  team_id text NOT NULL REFERENCES teams (id),
  last_mutation_id bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

CREATE TABLE records (
  team_id text NOT NULL REFERENCES teams (id),
  tbl text NOT NULL,
  id text NOT NULL,
  fields jsonb NOT NULL,
  -- Per field: {hlc, version} of the write that set it ([M1]-[M3]); never sent to devices.
  stamps jsonb NOT NULL,
  -- Newest clock of the record (or of its deletion), sent with every change ([V4]).
  hlc text NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  PRIMARY KEY (team_id, tbl, id)
);
CREATE INDEX records_team_version ON records (team_id, version);
CREATE INDEX records_id ON records (id);
CREATE INDEX records_case ON records (team_id, tbl, (fields ->> 'caseId'));

-- What each processed mutation came to, so a replay reports its earlier status ([P3]).
CREATE TABLE mutation_results (
  client_id text NOT NULL REFERENCES clients (client_id),
  mutation_id bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  reason text,
  PRIMARY KEY (client_id, mutation_id)
);

-- Who changed what and when: field names only, never values.
CREATE TABLE change_log (
  seq bigserial PRIMARY KEY,
  team_id text NOT NULL,
  tbl text NOT NULL,
  record_id text NOT NULL,
  op text NOT NULL,
  fields jsonb NOT NULL,
  user_id text,
  client_id text,
  mutation_id bigint,
  version bigint NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX change_log_record ON change_log (team_id, tbl, record_id);
