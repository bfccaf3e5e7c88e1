-- The person's rights and the record's life (issue 12): team settings, erasure (SPEC [X1]-[X5]),
-- the erasure log and logged retention extensions.

-- One row per team once an admin changed a setting; a team without a row has the defaults
-- (DEFAULT_TEAM_SETTINGS in src/shared/domain/team-settings.ts, mirrored here).
CREATE TABLE team_settings (
  team_id text PRIMARY KEY REFERENCES teams (id),
  retention_years integer NOT NULL DEFAULT 3 CHECK (retention_years BETWEEN 1 AND 10),
  legal_basis text NOT NULL DEFAULT 'consent' CHECK (legal_basis IN ('consent', 'public_task')),
  reports_need_consent boolean NOT NULL DEFAULT false,
  controller text,
  data_protection_officer text,
  updated_at timestamptz NOT NULL
);

-- [X1] an erased (purged) row is a tombstone without fields that devices apply by deleting every
-- trace; [X3] a later write to it is refused with the erasure reason.
ALTER TABLE records ADD COLUMN purged boolean NOT NULL DEFAULT false;

-- [X1] which record a stored mutation outcome was about, so an erasure can blank its reason.
ALTER TABLE mutation_results ADD COLUMN record_id text;
CREATE INDEX mutation_results_record ON mutation_results (record_id) WHERE record_id IS NOT NULL;

-- [X1] the minimal erasure log: which case, how many records, who (null: the retention job), when,
-- why. No name, no field value.
CREATE TABLE erasure_log (
  seq bigserial PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  case_id text NOT NULL,
  records integer NOT NULL,
  source text NOT NULL CHECK (source IN ('request', 'retention')),
  user_id text REFERENCES users (id),
  reason text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX erasure_log_team ON erasure_log (team_id, at);

-- [X5] a THM extends a closed case's retention with a reason; erased with the case.
CREATE TABLE retention_extensions (
  seq bigserial PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  case_id text NOT NULL,
  previous_until text,
  until text NOT NULL,
  reason text NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL
);
CREATE INDEX retention_extensions_case ON retention_extensions (team_id, case_id);
