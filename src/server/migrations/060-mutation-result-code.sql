-- Issue 13: a rejection is stored as a message key with parameters next to its German reason, so a
-- replayed push ([P3]) answers with the same `code`/`params` as the first one. Older rows keep only
-- the reason (the app then shows that text).
ALTER TABLE mutation_results ADD COLUMN code text;
ALTER TABLE mutation_results ADD COLUMN params jsonb;
