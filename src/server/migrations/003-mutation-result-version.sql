-- The team version of the push that processed each mutation: together with a later writer's
-- baseCursor it tells whether that writer had seen this write ([M3]), for audits and the sync fuzz.
ALTER TABLE mutation_results ADD COLUMN version bigint;
