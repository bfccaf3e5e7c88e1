-- Session checks that are never stale (issue 22 item 9; auth/recent-sessions.ts). The channel is
-- named after the schema like poke_channel() (migration 140), so schemas sharing one database do
-- not hear each other.
CREATE FUNCTION sessions_channel() RETURNS text
  LANGUAGE sql STABLE
AS $$ SELECT left('feldakte_sessions_' || current_schema(), 63) $$;

-- Every change that alters what a session check answers (sessions.ts checkSession: the account's
-- password, role, team, disabled or forced-change state; a device's revocation; a session ended;
-- the team's settings it carries) is made known by the database itself, whoever writes it (a
-- route, the admin CLI on PostgreSQL, another instance, an operator in psql), so no writer has to
-- remember to:
-- - it notifies `sessions_channel()` (payload `<table>:<user or team id>`): every instance forgets
--   the sessions its sync routes reuse (auth/recent-sessions.ts) as soon as it hears it;
-- - it moves `session_epoch` on, in the same transaction: a sync statement reads the epoch with
--   its data and compares it with the one read with the session, so a request that reached an
--   instance before that instance heard the notification is still refused (no window at all).
-- The triggers are deferred to the commit, so the epoch row is always the last lock a transaction
-- takes (writers of it never wait on each other in a cycle).
CREATE TABLE session_epoch (
  single boolean PRIMARY KEY DEFAULT true CHECK (single),
  epoch bigint NOT NULL
);
INSERT INTO session_epoch (epoch) VALUES (0);

CREATE FUNCTION feldakte_sessions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF;
  UPDATE session_epoch SET epoch = epoch + 1;
  PERFORM pg_notify(sessions_channel(),
    TG_TABLE_NAME || ':' || coalesce(changed ->> TG_ARGV[0], ''));
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER users_sessions_changed
  AFTER UPDATE OF password_hash, role, team_id, disabled_at, password_change_required ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.password_hash, OLD.role, OLD.team_id, OLD.disabled_at, OLD.password_change_required)
        IS DISTINCT FROM
        (NEW.password_hash, NEW.role, NEW.team_id, NEW.disabled_at, NEW.password_change_required))
  EXECUTE FUNCTION feldakte_sessions_changed('id');
CREATE CONSTRAINT TRIGGER users_deleted_sessions_changed
  AFTER DELETE ON users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION feldakte_sessions_changed('id');

CREATE CONSTRAINT TRIGGER devices_sessions_changed
  AFTER UPDATE OF revoked_at ON devices DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at)
  EXECUTE FUNCTION feldakte_sessions_changed('user_id');
CREATE CONSTRAINT TRIGGER devices_deleted_sessions_changed
  AFTER DELETE ON devices DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION feldakte_sessions_changed('user_id');

CREATE CONSTRAINT TRIGGER sessions_ended
  AFTER DELETE ON sessions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION feldakte_sessions_changed('user_id');

CREATE CONSTRAINT TRIGGER team_settings_sessions_changed
  AFTER INSERT OR UPDATE ON team_settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION feldakte_sessions_changed('team_id');
