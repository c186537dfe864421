import { MigrationInterface, QueryRunner } from 'typeorm';

const SAFE = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

const APP_FUNCTIONS = [
  'auth_sso_begin(text, text, text, text, interval)',
  'auth_sso_take(text, interval)',
  'auth_sso_sign_in(text, text, text, text, text, interval)',
  'auth_sso_end_sessions(text, text)',
];

/** The session epoch as 1763700000100 wrote it; up() adds sso_only to what moves it on. */
const EPOCH_BEFORE = `(NEW.role, NEW.tenant_id, NEW.active) IS DISTINCT FROM (OLD.role, OLD.tenant_id, OLD.active)`;
const EPOCH_AFTER = `(NEW.role, NEW.tenant_id, NEW.active, NEW.sso_only) IS DISTINCT FROM (OLD.role, OLD.tenant_id, OLD.active, OLD.sso_only)`;
const epochFunction = (condition: string) => `
CREATE OR REPLACE FUNCTION users_session_epoch() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  NEW.session_epoch := OLD.session_epoch + CASE WHEN ${condition} THEN 1 ELSE 0 END;
  RETURN NEW;
END $$;`;

/**
 * Single sign-on through an OpenID Connect provider (README, "Single sign-on").
 * - An administrator maps a user to the provider's identity by email (users.email) or by codice
 *   fiscale, kept as its keyed hash only (users.fiscal_code_hash, like recipients' tax codes).
 * - users.sso_only: no password exists for the user. Marking a user so deletes their password
 *   (a trigger, running as the owner of reti_private), and auth_store_password refuses to store one.
 *   Switching it moves the session epoch on, as a role change does.
 * - reti_private.sso_flows keeps a sign-in under way (state, nonce, PKCE verifier) under the hash
 *   of the secret in the browser's flow cookie; the callback takes it once.
 * - auth_sso_sign_in starts a session for a known, active user, or says why not (UNKNOWN, INACTIVE).
 *   reti_private.sso_sessions remembers the provider's subject and session id (sid) of the session's
 *   refresh-token family, so that the provider's back-channel logout can end it.
 */
export class SingleSignOn1763700001600 implements MigrationInterface {
  name = 'SingleSignOn1763700001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
ALTER TABLE users ADD COLUMN sso_only boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN fiscal_code_hash text CONSTRAINT ck_users__fiscal_code_hash CHECK (fiscal_code_hash ~ '^[0-9a-f]{64}$');
ALTER TABLE users ADD COLUMN has_fiscal_code boolean GENERATED ALWAYS AS (fiscal_code_hash IS NOT NULL) STORED;
CREATE UNIQUE INDEX uq_users__fiscal_code ON users (fiscal_code_hash);
GRANT INSERT (sso_only, fiscal_code_hash), UPDATE (sso_only, fiscal_code_hash) ON users TO reti_admin;
${epochFunction(EPOCH_AFTER)}

CREATE FUNCTION users_drop_password() RETURNS trigger LANGUAGE plpgsql ${SAFE} AS $$
BEGIN
  DELETE FROM reti_private.user_secrets WHERE user_id = NEW.id;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION users_drop_password() FROM PUBLIC;
CREATE TRIGGER sso_only_drops_password AFTER INSERT OR UPDATE OF sso_only ON users
FOR EACH ROW WHEN (NEW.sso_only) EXECUTE FUNCTION users_drop_password();

CREATE OR REPLACE FUNCTION auth_store_password(p_user uuid, p_hash text, p_keep_api_tokens boolean) RETURNS void
LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
BEGIN
  IF EXISTS (SELECT FROM public.users WHERE id = p_user AND sso_only) THEN
    RAISE EXCEPTION 'A single-sign-on-only user has no password' USING ERRCODE = '23514', CONSTRAINT = 'ck_users__password';
  END IF;
  INSERT INTO reti_private.user_secrets (user_id, password_hash) VALUES (p_user, p_hash)
  ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = now();
  UPDATE reti_private.refresh_tokens SET revoked_at = now() WHERE user_id = p_user AND revoked_at IS NULL;
  UPDATE reti_private.api_tokens SET revoked_at = now(), updated_at = now()
  WHERE user_id = p_user AND revoked_at IS NULL AND NOT p_keep_api_tokens;
END $$;

CREATE TABLE reti_private.sso_flows (
  flow_hash text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_sso_flows__created_at ON reti_private.sso_flows (created_at);

-- Records a sign-in under way, forgetting those older than p_ttl.
CREATE FUNCTION auth_sso_begin(p_flow_hash text, p_state text, p_nonce text, p_verifier text, p_ttl interval) RETURNS void
LANGUAGE sql VOLATILE ${SAFE} AS $$
  DELETE FROM reti_private.sso_flows WHERE created_at < now() - p_ttl;
  INSERT INTO reti_private.sso_flows (flow_hash, state, nonce, code_verifier) VALUES (p_flow_hash, p_state, p_nonce, p_verifier);
$$;
-- Takes a sign-in under way once: a second callback with the same flow finds nothing, as does a late one.
CREATE FUNCTION auth_sso_take(p_flow_hash text, p_ttl interval) RETURNS TABLE (state text, nonce text, code_verifier text)
LANGUAGE sql VOLATILE ${SAFE} AS $$
  WITH taken AS (DELETE FROM reti_private.sso_flows f WHERE f.flow_hash = p_flow_hash RETURNING f.*)
  SELECT t.state, t.nonce, t.code_verifier FROM taken t WHERE t.created_at > now() - p_ttl
$$;

CREATE TABLE reti_private.sso_sessions (
  family_id uuid PRIMARY KEY,
  subject text NOT NULL,
  session_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_sso_sessions__subject ON reti_private.sso_sessions (subject);
CREATE INDEX ix_sso_sessions__session_id ON reti_private.sso_sessions (session_id);

-- The user an administrator mapped to the identity the provider vouched for; a session when active.
CREATE FUNCTION auth_sso_sign_in(p_email text, p_fiscal_code_hash text, p_subject text, p_session_id text, p_refresh_hash text, p_refresh_ttl interval)
RETURNS TABLE (outcome text, user_id uuid, role text, tenant_id uuid, session_epoch integer) LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
DECLARE
  found_user public.users;
  family uuid := gen_random_uuid();
BEGIN
  SELECT * INTO found_user FROM public.users u
  WHERE (p_email IS NOT NULL AND u.email = p_email) OR (p_fiscal_code_hash IS NOT NULL AND u.fiscal_code_hash = p_fiscal_code_hash);
  IF NOT FOUND THEN
    outcome := 'UNKNOWN';
  ELSIF NOT found_user.active THEN
    outcome := 'INACTIVE';
  ELSE
    outcome := 'OK';
    user_id := found_user.id;
    role := found_user.role;
    tenant_id := found_user.tenant_id;
    session_epoch := found_user.session_epoch;
    INSERT INTO reti_private.refresh_tokens (user_id, family_id, token_hash, expires_at, session_epoch)
    VALUES (found_user.id, family, p_refresh_hash, now() + p_refresh_ttl, found_user.session_epoch);
    DELETE FROM reti_private.sso_sessions s WHERE s.created_at < now() - p_refresh_ttl;
    INSERT INTO reti_private.sso_sessions (family_id, subject, session_id) VALUES (family, p_subject, p_session_id);
  END IF;
  RETURN NEXT;
END $$;

-- Back-channel logout: ends the sessions of the provider's session id, or of its subject when it names none.
CREATE FUNCTION auth_sso_end_sessions(p_subject text, p_session_id text) RETURNS integer LANGUAGE sql VOLATILE ${SAFE} AS $$
  WITH ended AS (
    DELETE FROM reti_private.sso_sessions s
    WHERE CASE WHEN p_session_id IS NOT NULL THEN s.session_id = p_session_id AND (p_subject IS NULL OR s.subject = p_subject) ELSE s.subject = p_subject END
    RETURNING s.family_id),
  revoked AS (
    UPDATE reti_private.refresh_tokens r SET revoked_at = now()
    WHERE r.family_id IN (SELECT family_id FROM ended) AND r.revoked_at IS NULL RETURNING r.family_id)
  SELECT count(DISTINCT family_id)::integer FROM revoked
$$;

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['${APP_FUNCTIONS.join("','")}'] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO reti_app', f);
  END LOOP;
END $$;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP FUNCTION ${APP_FUNCTIONS.join(';\nDROP FUNCTION ')};
DROP TABLE reti_private.sso_flows;
DROP TABLE reti_private.sso_sessions;
CREATE OR REPLACE FUNCTION auth_store_password(p_user uuid, p_hash text, p_keep_api_tokens boolean) RETURNS void
LANGUAGE sql VOLATILE ${SAFE} AS $$
  INSERT INTO reti_private.user_secrets (user_id, password_hash) VALUES (p_user, p_hash)
  ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = now();
  UPDATE reti_private.refresh_tokens SET revoked_at = now() WHERE user_id = p_user AND revoked_at IS NULL;
  UPDATE reti_private.api_tokens SET revoked_at = now(), updated_at = now()
  WHERE user_id = p_user AND revoked_at IS NULL AND NOT p_keep_api_tokens;
$$;
DROP TRIGGER sso_only_drops_password ON users;
DROP FUNCTION users_drop_password();
${epochFunction(EPOCH_BEFORE)}
REVOKE INSERT (sso_only, fiscal_code_hash), UPDATE (sso_only, fiscal_code_hash) ON users FROM reti_admin;
ALTER TABLE users DROP COLUMN has_fiscal_code;
ALTER TABLE users DROP COLUMN fiscal_code_hash;
ALTER TABLE users DROP COLUMN sso_only;
`);
  }
}
