-- The poke channel's notices ([N2], [N3] in src/shared/sync/SPEC.md), sent by the database itself:
-- NOTIFY is transactional, so a notice leaves when its transaction commits, never for one that
-- rolls back, and no writer (push, erasure, retention, the admin CLI in another process) can forget
-- to send it. Every server instance LISTENs (src/server/sync/poke.ts) and pokes its open channels.
--
-- The channel is named after the schema, so schemas sharing one database (tests, benches) do not
-- hear each other. The payload is JSON of ids and a version, never record content:
--   {"team": <team id>, "version": <n>}       the team's records changed: every writer bumps the
--                                             team's version ([V1])
--   {"user": <user id>, "device": <device id>}  a device was revoked
--   {"user": <user id>}                         an account was disabled
CREATE FUNCTION poke_channel() RETURNS text
  LANGUAGE sql STABLE
AS $$ SELECT left('feldakte_poke_' || current_schema(), 63) $$;

CREATE FUNCTION poke_team() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify(poke_channel(), json_build_object('team', NEW.id, 'version', NEW.version)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER teams_poke AFTER UPDATE OF version ON teams
  FOR EACH ROW WHEN (NEW.version IS DISTINCT FROM OLD.version)
  EXECUTE FUNCTION poke_team();

CREATE FUNCTION poke_revoked_device() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify(poke_channel(), json_build_object('user', NEW.user_id, 'device', NEW.device_id)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER devices_poke AFTER UPDATE OF revoked_at ON devices
  FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
  EXECUTE FUNCTION poke_revoked_device();

CREATE FUNCTION poke_disabled_user() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify(poke_channel(), json_build_object('user', NEW.id)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER users_poke AFTER UPDATE OF disabled_at ON users
  FOR EACH ROW WHEN (OLD.disabled_at IS NULL AND NEW.disabled_at IS NOT NULL)
  EXECUTE FUNCTION poke_disabled_user();
