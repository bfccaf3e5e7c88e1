-- Documents' files (issue 25, SPEC [D2]-[D6]). The bytes live in the file store (DATA_DIR/files
-- or S3); this table says which team uploaded each file, for which case, and how far it got.
-- A file id is 128 random bits made on the phone; the bytes are ciphertext (the key is in the
-- document record, never here).
CREATE TABLE files (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  case_id text NOT NULL,
  -- The document record that names the file (it may reach the server before or after the bytes).
  document_id text NOT NULL,
  size bigint NOT NULL,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  -- [D6] set when its document was deleted or its case erased: from then on the file is 404 and
  -- the sweep removes its bytes from the store, then the row.
  removed_at timestamptz
);
CREATE INDEX files_case ON files (team_id, case_id);
CREATE INDEX files_removed ON files (removed_at) WHERE removed_at IS NOT NULL;
