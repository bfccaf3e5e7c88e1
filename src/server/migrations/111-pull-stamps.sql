-- [B3] A pulled change names the clock of each field written with another clock than the record's
-- newest (`stamps` of the change), so a phone can send its copy again after a restore ([B2]).
-- pull_page (migration 071) returns them as `stamp_clocks`: null when every field shares `hlc`
-- (a record written in one go), which keeps most pages as small as before.
DROP FUNCTION pull_page(text, bigint, integer);
CREATE FUNCTION pull_page(p_team text, p_since bigint, p_limit integer)
  RETURNS TABLE (tbl text, id text, deleted boolean, fields jsonb, version bigint, hlc text, purged boolean,
                 stamp_clocks jsonb)
  LANGUAGE sql STABLE
  SET enable_sort = off
AS $$
  SELECT r.tbl, r.id, r.deleted, r.fields, r.version, r.hlc, r.purged,
         CASE WHEN r.deleted THEN NULL ELSE
           (SELECT jsonb_object_agg(s.key, s.value ->> 'hlc') FROM jsonb_each(r.stamps) s
             WHERE s.value ->> 'hlc' <> r.hlc) END
    FROM records r
   WHERE r.team_id = p_team AND r.version > p_since
   ORDER BY r.version, r.tbl, r.id
   LIMIT p_limit
$$;
