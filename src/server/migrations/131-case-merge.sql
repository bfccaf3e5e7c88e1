-- Case merge (issue 26, SPEC [G1]-[G8]): a merged case is a tombstone whose fields name the case
-- it went into (`mergedInto`). Erasure and history find the cases merged into a case through it.
CREATE INDEX records_merged_into ON records (team_id, (fields ->> 'mergedInto'))
  WHERE tbl = 'cases' AND deleted;
