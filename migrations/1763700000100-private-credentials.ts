import { MigrationInterface, QueryRunner } from 'typeorm';

const SAFE = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

/** name(argument types) of every function below; the app role may execute them, nothing else reaches reti_private. */
const APP_FUNCTIONS = [
  'auth_login_setting(text)',
  'auth_user_setting(uuid)',
  'auth_record_login_attempt(text, text, interval)',
  'auth_forget_login_attempt(bigint)',
  'auth_sign_in(bigint, text, text, text, interval)',
  'auth_rotate_refresh_token(text, text, interval)',
  'auth_end_session(text)',
  'auth_session_live(uuid, integer)',
  'auth_change_password(uuid, text, text, boolean)',
  'auth_api_token_principal(text)',
  'auth_create_api_token(uuid, text, text, timestamptz)',
  'auth_api_tokens(uuid)',
  'auth_revoke_api_token(uuid, uuid)',
];
/** Administrators' requests (reti_admin) set a user's password when they create or reset it. */
const ADMIN_FUNCTIONS = ['auth_set_password(uuid, text)'];

/**
 * Credentials out of the app role's reach (graphile/starter's app_private pattern).
 * - Password hashes, refresh tokens, API tokens and login attempts move to the schema reti_private,
 *   which neither app role may even look into. The API reaches them only through the narrow
 *   SECURITY DEFINER functions below, none of which returns a hash or a token.
 * - Passwords are still argon2id, computed by the server: the database hands out a user's salt and
 *   parameters (the hash without its last field), the server hashes the candidate password with
 *   them, and the database compares. So a guess needs the server's argon2 work and a round trip
 *   per try, and the stored hash never leaves the database.
 * - users gets row-level security: administrators (reti_admin) see and write every user; the app
 *   role sees only the user named by app.user_id, and writes none.
 * - users.session_epoch moves on whenever a user's role, tenant or active flag changes. Access
 *   tokens, refresh tokens and API tokens carry the epoch they were issued in, and stop working
 *   the moment it moves on, or the user is deleted.
 */
export class PrivateCredentials1763700000100 implements MigrationInterface {
  name = 'PrivateCredentials1763700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE SCHEMA reti_private;
REVOKE ALL ON SCHEMA reti_private FROM PUBLIC;

ALTER TABLE users ADD COLUMN session_epoch integer NOT NULL DEFAULT 1;
CREATE FUNCTION users_session_epoch() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  NEW.session_epoch := OLD.session_epoch
    + CASE WHEN (NEW.role, NEW.tenant_id, NEW.active) IS DISTINCT FROM (OLD.role, OLD.tenant_id, OLD.active) THEN 1 ELSE 0 END;
  RETURN NEW;
END $$;
CREATE TRIGGER session_epoch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION users_session_epoch();

CREATE TABLE reti_private.user_secrets (
  user_id uuid PRIMARY KEY CONSTRAINT fk_user_secrets__user_id REFERENCES public.users (id) ON DELETE CASCADE,
  password_hash text NOT NULL CONSTRAINT ck_user_secrets__password_hash CHECK (password_hash ~ '^[$]argon2id[$]'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO reti_private.user_secrets (user_id, password_hash) SELECT id, password_hash FROM users WHERE password_hash IS NOT NULL;
REVOKE UPDATE (password_hash, version, updated_at) ON users FROM reti_app;
ALTER TABLE users DROP COLUMN password_hash;

ALTER TABLE api_tokens SET SCHEMA reti_private;
ALTER TABLE refresh_tokens SET SCHEMA reti_private;
ALTER TABLE login_attempts SET SCHEMA reti_private;
REVOKE ALL ON reti_private.api_tokens, reti_private.refresh_tokens, reti_private.login_attempts FROM reti_app, reti_admin;
-- Tokens issued before this migration belong to epoch 1, where every user now is.
ALTER TABLE reti_private.api_tokens ADD COLUMN session_epoch integer NOT NULL DEFAULT 1;
ALTER TABLE reti_private.api_tokens ALTER COLUMN session_epoch DROP DEFAULT;
ALTER TABLE reti_private.refresh_tokens ADD COLUMN session_epoch integer NOT NULL DEFAULT 1;
ALTER TABLE reti_private.refresh_tokens ALTER COLUMN session_epoch DROP DEFAULT;

CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
GRANT EXECUTE ON FUNCTION app_user_id() TO reti_app, reti_admin;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY administrators ON users TO reti_admin USING (true) WITH CHECK (true);
CREATE POLICY oneself ON users FOR SELECT TO reti_app USING (id = app_user_id());

-- The salt and parameters of an active user's password: the stored hash without its last field.
CREATE FUNCTION auth_login_setting(p_email text) RETURNS text LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT regexp_replace(s.password_hash, '[$][^$]*$', '')
  FROM public.users u JOIN reti_private.user_secrets s ON s.user_id = u.id
  WHERE u.email = p_email AND u.active
$$;
CREATE FUNCTION auth_user_setting(p_user uuid) RETURNS text LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT regexp_replace(s.password_hash, '[$][^$]*$', '')
  FROM public.users u JOIN reti_private.user_secrets s ON s.user_id = u.id
  WHERE u.id = p_user AND u.active
$$;

-- The login throttle's bookkeeping: record a failed attempt and count the recent ones; forget one.
CREATE FUNCTION auth_record_login_attempt(p_email text, p_client_address text, p_window interval)
RETURNS TABLE (attempt_id bigint, by_email bigint, by_client bigint) LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
BEGIN
  INSERT INTO reti_private.login_attempts (email, client_address, succeeded) VALUES (p_email, p_client_address, false)
  RETURNING id INTO attempt_id;
  SELECT count(*) FILTER (WHERE a.email = p_email), count(*) FILTER (WHERE a.client_address = p_client_address)
  INTO by_email, by_client
  FROM reti_private.login_attempts a
  WHERE NOT a.succeeded AND a.at > now() - p_window AND (a.email = p_email OR a.client_address = p_client_address);
  RETURN NEXT;
END $$;
CREATE FUNCTION auth_forget_login_attempt(p_attempt bigint) RETURNS void LANGUAGE sql VOLATILE ${SAFE} AS $$
  DELETE FROM reti_private.login_attempts WHERE id = p_attempt AND NOT succeeded
$$;

-- Signs in when the candidate hash matches: marks the attempt succeeded and starts a refresh-token family.
CREATE FUNCTION auth_sign_in(p_attempt bigint, p_email text, p_candidate text, p_refresh_hash text, p_refresh_ttl interval)
RETURNS TABLE (user_id uuid, role text, tenant_id uuid, session_epoch integer) LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
BEGIN
  SELECT u.id, u.role, u.tenant_id, u.session_epoch INTO user_id, role, tenant_id, session_epoch
  FROM public.users u JOIN reti_private.user_secrets s ON s.user_id = u.id
  WHERE u.email = p_email AND u.active AND s.password_hash = p_candidate;
  IF NOT FOUND THEN RETURN; END IF;
  UPDATE reti_private.login_attempts SET succeeded = true, at = now() WHERE id = p_attempt;
  INSERT INTO reti_private.refresh_tokens (user_id, family_id, token_hash, expires_at, session_epoch)
  VALUES (user_id, gen_random_uuid(), p_refresh_hash, now() + p_refresh_ttl, session_epoch);
  RETURN NEXT;
END $$;

-- Exchanges a refresh token for the next one of its family. A token used twice revokes the family;
-- a token of an earlier epoch, or of an inactive or deleted user, answers nothing.
CREATE FUNCTION auth_rotate_refresh_token(p_old_hash text, p_new_hash text, p_refresh_ttl interval)
RETURNS TABLE (user_id uuid, role text, tenant_id uuid, session_epoch integer) LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
DECLARE
  token reti_private.refresh_tokens;
BEGIN
  SELECT * INTO token FROM reti_private.refresh_tokens r WHERE r.token_hash = p_old_hash FOR UPDATE;
  IF NOT FOUND OR token.revoked_at IS NOT NULL OR token.expires_at <= now() THEN RETURN; END IF;
  IF token.used_at IS NOT NULL THEN
    UPDATE reti_private.refresh_tokens r SET revoked_at = now() WHERE r.family_id = token.family_id AND r.revoked_at IS NULL;
    RETURN;
  END IF;
  UPDATE reti_private.refresh_tokens r SET used_at = now() WHERE r.id = token.id;
  SELECT u.id, u.role, u.tenant_id, u.session_epoch INTO user_id, role, tenant_id, session_epoch
  FROM public.users u WHERE u.id = token.user_id AND u.active AND u.session_epoch = token.session_epoch;
  IF NOT FOUND THEN RETURN; END IF;
  INSERT INTO reti_private.refresh_tokens (user_id, family_id, token_hash, expires_at, session_epoch)
  VALUES (token.user_id, token.family_id, p_new_hash, now() + p_refresh_ttl, token.session_epoch);
  RETURN NEXT;
END $$;

CREATE FUNCTION auth_end_session(p_refresh_hash text) RETURNS void LANGUAGE sql VOLATILE ${SAFE} AS $$
  UPDATE reti_private.refresh_tokens SET revoked_at = now()
  WHERE family_id = (SELECT family_id FROM reti_private.refresh_tokens WHERE token_hash = p_refresh_hash) AND revoked_at IS NULL
$$;

-- The one lookup an access token costs per request (primary key).
CREATE FUNCTION auth_session_live(p_user uuid, p_epoch integer) RETURNS boolean LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT EXISTS (SELECT FROM public.users WHERE id = p_user AND active AND session_epoch = p_epoch)
$$;

-- Sets a password and ends what the old one opened: console sessions, and API tokens unless kept.
CREATE FUNCTION auth_store_password(p_user uuid, p_hash text, p_keep_api_tokens boolean) RETURNS void
LANGUAGE sql VOLATILE ${SAFE} AS $$
  INSERT INTO reti_private.user_secrets (user_id, password_hash) VALUES (p_user, p_hash)
  ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = now();
  UPDATE reti_private.refresh_tokens SET revoked_at = now() WHERE user_id = p_user AND revoked_at IS NULL;
  UPDATE reti_private.api_tokens SET revoked_at = now(), updated_at = now()
  WHERE user_id = p_user AND revoked_at IS NULL AND NOT p_keep_api_tokens;
$$;
REVOKE ALL ON FUNCTION auth_store_password(uuid, text, boolean) FROM PUBLIC;
-- The user changing their own password proves the current one (as a candidate hash).
CREATE FUNCTION auth_change_password(p_user uuid, p_current_candidate text, p_new_hash text, p_keep_api_tokens boolean)
RETURNS boolean LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
BEGIN
  PERFORM FROM public.users u JOIN reti_private.user_secrets s ON s.user_id = u.id
  WHERE u.id = p_user AND u.active AND s.password_hash = p_current_candidate
  FOR UPDATE OF s;
  IF NOT FOUND THEN RETURN false; END IF;
  PERFORM public.auth_store_password(p_user, p_new_hash, p_keep_api_tokens);
  RETURN true;
END $$;
-- An administrator sets or resets a password: every session and API token of the user ends.
CREATE FUNCTION auth_set_password(p_user uuid, p_hash text) RETURNS void LANGUAGE sql VOLATILE ${SAFE} AS $$
  SELECT public.auth_store_password(p_user, p_hash, false)
$$;

-- API tokens: looked up by hash (refreshing last_used_at at most once a minute), created, listed, revoked.
CREATE FUNCTION auth_api_token_principal(p_hash text) RETURNS TABLE (user_id uuid, role text, tenant_id uuid)
LANGUAGE sql VOLATILE ${SAFE} AS $$
  WITH token AS (
    SELECT t.id AS token_id, t.last_used_at, u.id, u.role, u.tenant_id
    FROM reti_private.api_tokens t JOIN public.users u ON u.id = t.user_id
    WHERE t.token_hash = p_hash AND t.revoked_at IS NULL AND t.expires_at > now() AND u.active AND u.session_epoch = t.session_epoch),
  touched AS (
    UPDATE reti_private.api_tokens SET last_used_at = now()
    WHERE id IN (SELECT token_id FROM token WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
  SELECT id, role, tenant_id FROM token
$$;
CREATE FUNCTION auth_create_api_token(p_user uuid, p_name text, p_hash text, p_expires_at timestamptz)
RETURNS TABLE (id uuid, name text, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz)
LANGUAGE sql VOLATILE ${SAFE} AS $$
  INSERT INTO reti_private.api_tokens (user_id, name, token_hash, expires_at, session_epoch)
  SELECT u.id, p_name, p_hash, p_expires_at, u.session_epoch FROM public.users u WHERE u.id = p_user AND u.active
  RETURNING id, name, expires_at, revoked_at, last_used_at, created_at
$$;
CREATE FUNCTION auth_api_tokens(p_user uuid)
RETURNS TABLE (id uuid, name text, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz)
LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT id, name, expires_at, revoked_at, last_used_at, created_at FROM reti_private.api_tokens
  WHERE user_id = p_user ORDER BY created_at DESC, id
$$;
CREATE FUNCTION auth_revoke_api_token(p_user uuid, p_id uuid)
RETURNS TABLE (id uuid, name text, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz)
LANGUAGE sql VOLATILE ${SAFE} AS $$
  UPDATE reti_private.api_tokens SET revoked_at = coalesce(revoked_at, now()), updated_at = now()
  WHERE id = p_id AND user_id = p_user
  RETURNING id, name, expires_at, revoked_at, last_used_at, created_at
$$;

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['${APP_FUNCTIONS.join("','")}'] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO reti_app', f);
  END LOOP;
  FOREACH f IN ARRAY ARRAY['${ADMIN_FUNCTIONS.join("','")}'] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO reti_admin', f);
  END LOOP;
END $$;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['${[...APP_FUNCTIONS, ...ADMIN_FUNCTIONS].join("','")}'] LOOP
    EXECUTE format('DROP FUNCTION %s', f);
  END LOOP;
END $$;
DROP FUNCTION auth_store_password(uuid, text, boolean);

DROP POLICY administrators ON users;
DROP POLICY oneself ON users;
ALTER TABLE users DISABLE ROW LEVEL SECURITY;
DROP FUNCTION app_user_id();

ALTER TABLE reti_private.api_tokens DROP COLUMN session_epoch;
ALTER TABLE reti_private.refresh_tokens DROP COLUMN session_epoch;
ALTER TABLE reti_private.api_tokens SET SCHEMA public;
ALTER TABLE reti_private.refresh_tokens SET SCHEMA public;
ALTER TABLE reti_private.login_attempts SET SCHEMA public;
GRANT SELECT, INSERT, UPDATE, DELETE ON api_tokens, refresh_tokens TO reti_app, reti_admin;
GRANT SELECT, INSERT, DELETE ON login_attempts TO reti_app, reti_admin;

-- Putting the hashes back is no change of anyone's record: it is not audited.
ALTER TABLE users ADD COLUMN password_hash text;
ALTER TABLE users DISABLE TRIGGER audit;
ALTER TABLE users DISABLE TRIGGER session_epoch;
UPDATE users u SET password_hash = s.password_hash FROM reti_private.user_secrets s WHERE s.user_id = u.id;
ALTER TABLE users ENABLE TRIGGER audit;
GRANT UPDATE (password_hash, version, updated_at) ON users TO reti_app;
DROP TABLE reti_private.user_secrets;
DROP SCHEMA reti_private;

DROP TRIGGER session_epoch ON users;
DROP FUNCTION users_session_epoch();
ALTER TABLE users DROP COLUMN session_epoch;
`);
  }
}
