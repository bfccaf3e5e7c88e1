-- Spreadsheet import (issue 26): a job per uploaded file, the rows it wrote (by their stable
-- import key, so a file imported again changes nothing), and each team's column mapping.

CREATE TABLE import_jobs (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  -- Who started it (console); null for the admin CLI.
  user_id text REFERENCES users (id),
  -- The job writes like a device: its mutations carry this node in their clocks, and its change
  -- log rows this client id, so "edited since" means "changed by anyone else".
  client_id text NOT NULL,
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('checked', 'running', 'done', 'failed', 'undone')),
  -- The uploaded sheets (cells) while the job is only checked; cleared when it ran or was dropped.
  sheets jsonb,
  -- Column choices per sheet, the dry run's counts and the run's progress (no cell values).
  mapping jsonb NOT NULL DEFAULT '{}'::jsonb,
  counts jsonb NOT NULL DEFAULT '{}'::jsonb,
  rows_done integer NOT NULL DEFAULT 0,
  rows_total integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX import_jobs_team ON import_jobs (team_id, created_at);

CREATE TABLE import_rows (
  team_id text NOT NULL REFERENCES teams (id),
  import_key text NOT NULL,
  job_id text NOT NULL REFERENCES import_jobs (id),
  case_id text NOT NULL,
  -- Every record the row wrote (case, status, needs, tasks): what an undo deletes.
  record_ids jsonb NOT NULL,
  PRIMARY KEY (team_id, import_key)
);
CREATE INDEX import_rows_job ON import_rows (job_id);

CREATE TABLE import_mappings (
  team_id text PRIMARY KEY REFERENCES teams (id),
  -- Simplified heading -> field (or 'ignore'), as chosen at the last import.
  mapping jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
