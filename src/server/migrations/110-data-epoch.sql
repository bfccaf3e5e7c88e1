-- [B1] The data epoch: a random id made with the database and renewed by `admin restore`. Every
-- sync answer carries it; a phone that sees another one than it last synced with knows the
-- server went back to a backup and sends again what it holds ([B2]).
CREATE TABLE data_epoch (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  epoch text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_epoch (epoch) VALUES (gen_random_uuid()::text);
