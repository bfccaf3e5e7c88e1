-- The Sachbericht's disclosure control (docs/decisions.md "Reports: disclosure control").
--
-- The cell-key method: every record carries a fixed random key, drawn once when the row is made
-- and never changed by later writes (the upserts leave the column alone). A published count's
-- noise comes from the sum of its records' keys (src/shared/reports/perturb.ts), so the same
-- records always give the same published figure. The key never leaves the server: pulls name
-- their columns.
ALTER TABLE records
  ADD COLUMN report_key integer NOT NULL DEFAULT floor(random() * 2147483647)::integer;

-- The counting rule ("reports need consent") of a report year, fixed by the first report of that
-- year: switching the team setting afterwards applies from the next year on, so the two rules
-- can never be subtracted from each other for the same period (that difference is the people
-- without a reporting consent).
CREATE TABLE report_years (
  team_id text NOT NULL REFERENCES teams (id),
  year integer NOT NULL,
  consent_required boolean NOT NULL,
  fixed_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, year)
);
