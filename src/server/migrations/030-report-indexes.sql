-- The team report (src/server/reports/) reads contacts by `at` and appointments by `startsAt`
-- within one team: partial expression indexes keep a one-year report over 20,000 contacts fast.
CREATE INDEX records_contact_at ON records (team_id, (fields ->> 'at'))
  WHERE tbl = 'contacts' AND NOT deleted;
CREATE INDEX records_appointment_start ON records (team_id, (fields ->> 'startsAt'))
  WHERE tbl = 'appointments' AND NOT deleted;
-- Child records of deleted cases do not count: an anti-join on this small index.
CREATE INDEX records_deleted_case ON records (team_id, id) WHERE tbl = 'cases' AND deleted;
