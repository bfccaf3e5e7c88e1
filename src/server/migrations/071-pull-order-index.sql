-- A pull page reads a team's records in (version, tbl, id) order from a cursor ([V2]). With an
-- index on (team_id, version) alone, PostgreSQL sorted every record after the cursor to return
-- 2,000 of them (a first sync of 50,000 records sorted ~650,000 rows). This index hands them over
-- in page order; it replaces the (team_id, version) index, which is its prefix.
CREATE INDEX records_pull ON records (team_id, version, tbl, id);
DROP INDEX records_team_version;

-- The page itself. Without statistics (PGlite has no autovacuum; a team that just grew) the
-- planner expects a few dozen rows and still sorts all of them; sorting is switched off for this
-- function only (its SET clause), so it walks the index whatever the statistics say. One call
-- inside the pull's one statement (src/server/sync/pull-changes.ts).
CREATE FUNCTION pull_page(p_team text, p_since bigint, p_limit integer)
  RETURNS TABLE (tbl text, id text, deleted boolean, fields jsonb, version bigint, hlc text, purged boolean)
  LANGUAGE sql STABLE
  SET enable_sort = off
AS $$
  SELECT r.tbl, r.id, r.deleted, r.fields, r.version, r.hlc, r.purged
    FROM records r
   WHERE r.team_id = p_team AND r.version > p_since
   ORDER BY r.version, r.tbl, r.id
   LIMIT p_limit
$$;
