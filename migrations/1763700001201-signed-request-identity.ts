import { MigrationInterface, QueryRunner } from 'typeorm';

const SAFE = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

/** The functions row-level security asks who the request is; policies call them once per statement. */
const IDENTITY_FUNCTIONS = ['app_tenant_id', 'app_user_id', 'app_all_tenants', 'app_tenant_kind'];

/** What these functions were before (migrations 0000, 0001, 0100): plain readers of the settings. */
const UNSIGNED = `
CREATE OR REPLACE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_all_tenants() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.all_tenants', true), '') = 'on' $$;`;

/** What the stamp covers: the settings as they are now, in this backend and this transaction. */
const STAMP_MESSAGE = `pg_catalog.concat_ws('|', 'stamp', coalesce(current_setting('app.tenant_id', true), ''), coalesce(current_setting('app.user_id', true), ''),
  coalesce(current_setting('app.all_tenants', true), ''), pg_catalog.pg_backend_pid(), extract(epoch FROM pg_catalog.now()))`;

/**
 * Whether the transaction's stamp matches its settings: HMAC-SHA256 with the padded keys. Written out
 * in each checking function rather than called, since every nested function call costs more than
 * the hashing (about 60 µs a check in all, against 500 µs through helper functions).
 */
const STAMPED = `current_setting('app.stamp', true) = (SELECT pg_catalog.encode(pg_catalog.sha256(k.outer_pad || pg_catalog.sha256(k.inner_pad
  || pg_catalog.convert_to(${STAMP_MESSAGE}, 'UTF8'))), 'hex') FROM reti_private.request_key k)`;

/** The credential functions as migration 0100 wrote them, for down(). */
const UNCHECKED_CREDENTIALS = `
CREATE OR REPLACE FUNCTION auth_user_setting(p_user uuid) RETURNS text LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT regexp_replace(s.password_hash, '[$][^$]*$', '')
  FROM public.users u JOIN reti_private.user_secrets s ON s.user_id = u.id
  WHERE u.id = p_user AND u.active
$$;
CREATE OR REPLACE FUNCTION auth_change_password(p_user uuid, p_current_candidate text, p_new_hash text, p_keep_api_tokens boolean)
RETURNS boolean LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
BEGIN
  PERFORM FROM public.users u JOIN reti_private.user_secrets s ON s.user_id = u.id
  WHERE u.id = p_user AND u.active AND s.password_hash = p_current_candidate
  FOR UPDATE OF s;
  IF NOT FOUND THEN RETURN false; END IF;
  PERFORM public.auth_store_password(p_user, p_new_hash, p_keep_api_tokens);
  RETURN true;
END $$;
CREATE OR REPLACE FUNCTION auth_set_password(p_user uuid, p_hash text) RETURNS void LANGUAGE sql VOLATILE ${SAFE} AS $$
  SELECT public.auth_store_password(p_user, p_hash, false)
$$;
CREATE OR REPLACE FUNCTION auth_create_api_token(p_user uuid, p_name text, p_hash text, p_expires_at timestamptz)
RETURNS TABLE (id uuid, name text, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz)
LANGUAGE sql VOLATILE ${SAFE} AS $$
  INSERT INTO reti_private.api_tokens (user_id, name, token_hash, expires_at, session_epoch)
  SELECT u.id, p_name, p_hash, p_expires_at, u.session_epoch FROM public.users u WHERE u.id = p_user AND u.active
  RETURNING id, name, expires_at, revoked_at, last_used_at, created_at
$$;
CREATE OR REPLACE FUNCTION auth_api_tokens(p_user uuid)
RETURNS TABLE (id uuid, name text, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz)
LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT id, name, expires_at, revoked_at, last_used_at, created_at FROM reti_private.api_tokens
  WHERE user_id = p_user ORDER BY created_at DESC, id
$$;
CREATE OR REPLACE FUNCTION auth_revoke_api_token(p_user uuid, p_id uuid)
RETURNS TABLE (id uuid, name text, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz)
LANGUAGE sql VOLATILE ${SAFE} AS $$
  UPDATE reti_private.api_tokens SET revoked_at = coalesce(revoked_at, now()), updated_at = now()
  WHERE id = p_id AND user_id = p_user
  RETURNING id, name, expires_at, revoked_at, last_used_at, created_at
$$;`;

/** The user-facing credential functions, which administrators' requests (now on a pool of their own) call too. */
const SELF_SERVICE = [
  'auth_user_setting(uuid)',
  'auth_change_password(uuid, text, text, boolean)',
  'auth_create_api_token(uuid, text, text, timestamptz)',
  'auth_api_tokens(uuid)',
  'auth_revoke_api_token(uuid, uuid)',
];

/**
 * A request's identity in the database cannot be forged from SQL.
 * - reti_app is no longer a member of reti_admin: administrators' requests sign in as reti_admin on
 *   a pool of their own (bootstrap.ts gives it a password), so no setting turns the app role into it.
 * - The request's tenant, user and all-tenants flag are set by app_begin(), which accepts them only
 *   with the server's HMAC (a key in reti_private, read at start-up by the admin role alone). It
 *   stamps the transaction with a second HMAC over the same values, the backend's pid and the
 *   transaction's start time; app_tenant_id(), app_user_id() and app_all_tenants() answer only
 *   while that stamp matches, so editing a setting afterwards, or copying it into another
 *   transaction, leaves the request with no tenant, no user and no other tenant's rows.
 * - Every policy calls them as (SELECT f()): checked once per statement, not once per row.
 * - Credential functions act only for the stamped user, cap an API token at the API's maximum
 *   lifetime (366 days) and write an audit row (entity users, so only administrators read it).
 */
export class SignedRequestIdentity1763700001201 implements MigrationInterface {
  name = 'SignedRequestIdentity1763700001201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
REVOKE reti_admin FROM reti_app;

CREATE TABLE reti_private.request_key (
  singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT ck_request_key__singleton CHECK (singleton),
  key bytea NOT NULL,
  inner_pad bytea NOT NULL,
  outer_pad bytea NOT NULL
);
-- 32 random bytes (two version-4 UUIDs: 244 random bits), and HMAC-SHA256's padded keys.
DO $$
DECLARE
  k bytea := decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex');
  padded bytea := k || decode(repeat('00', 32), 'hex');
  i_pad bytea := padded;
  o_pad bytea := padded;
BEGIN
  FOR i IN 0..63 LOOP
    i_pad := set_byte(i_pad, i, get_byte(padded, i) # 54);
    o_pad := set_byte(o_pad, i, get_byte(padded, i) # 92);
  END LOOP;
  INSERT INTO reti_private.request_key (key, inner_pad, outer_pad) VALUES (k, i_pad, o_pad);
END $$;

CREATE FUNCTION reti_private.request_mac(p_message text) RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT encode(sha256(outer_pad || sha256(inner_pad || convert_to(p_message, 'UTF8'))), 'hex') FROM reti_private.request_key
$$;

-- The key, for the server to sign with: administrators' role only (the server reads it at start-up).
CREATE FUNCTION request_key() RETURNS bytea LANGUAGE sql STABLE ${SAFE} AS $$ SELECT key FROM reti_private.request_key $$;
REVOKE ALL ON FUNCTION request_key() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION request_key() TO reti_admin;

-- Opens a request's identity: the server's HMAC over the values and when it signed them (its
-- clock in milliseconds, at most five minutes from the database's), or nothing is set at all.
CREATE FUNCTION app_begin(p_tenant uuid, p_user uuid, p_all_tenants boolean, p_signed_at bigint, p_mac text) RETURNS void
LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
BEGIN
  IF p_mac IS DISTINCT FROM reti_private.request_mac(concat_ws('|', 'begin', coalesce(p_tenant::text, ''), coalesce(p_user::text, ''),
       CASE WHEN p_all_tenants THEN 'on' ELSE '' END, p_signed_at))
     OR abs(extract(epoch FROM clock_timestamp()) * 1000 - p_signed_at) > 300000 THEN
    RAISE EXCEPTION 'the request''s identity is not signed by the server' USING ERRCODE = '28000';
  END IF;
  PERFORM set_config('app.tenant_id', coalesce(p_tenant::text, ''), true), set_config('app.user_id', coalesce(p_user::text, ''), true),
          set_config('app.all_tenants', CASE WHEN p_all_tenants THEN 'on' ELSE '' END, true);
  PERFORM set_config('app.stamp', reti_private.request_mac(${STAMP_MESSAGE}), true);
END $$;
REVOKE ALL ON FUNCTION app_begin(uuid, uuid, boolean, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_begin(uuid, uuid, boolean, bigint, text) TO reti_app, reti_admin;

-- Nothing set answers at once; anything set, only under a matching stamp.
CREATE OR REPLACE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT CASE WHEN coalesce(current_setting('app.tenant_id', true), '') = '' THEN NULL
              WHEN ${STAMPED} THEN current_setting('app.tenant_id', true)::uuid END
$$;
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT CASE WHEN coalesce(current_setting('app.user_id', true), '') = '' THEN NULL
              WHEN ${STAMPED} THEN current_setting('app.user_id', true)::uuid END
$$;
CREATE OR REPLACE FUNCTION app_all_tenants() RETURNS boolean LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT CASE WHEN coalesce(current_setting('app.all_tenants', true), '') <> 'on' THEN false
              ELSE coalesce(${STAMPED}, false) END
$$;

-- Every policy asks once per statement (an InitPlan), not once per row.
DO $$
DECLARE
  p record;
  wrap text := '\\m(${IDENTITY_FUNCTIONS.join('|')})\\(\\)';
BEGIN
  FOR p IN
    SELECT pol.polname, pol.polrelid::regclass AS rel, pg_get_expr(pol.polqual, pol.polrelid) AS qual, pg_get_expr(pol.polwithcheck, pol.polrelid) AS checked
    FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid WHERE c.relnamespace = 'public'::regnamespace
  LOOP
    IF p.qual ~ wrap THEN
      EXECUTE format('ALTER POLICY %I ON %s USING (%s)', p.polname, p.rel, regexp_replace(p.qual, wrap, '(SELECT \\1())', 'g'));
    END IF;
    IF p.checked ~ wrap THEN
      EXECUTE format('ALTER POLICY %I ON %s WITH CHECK (%s)', p.polname, p.rel, regexp_replace(p.checked, wrap, '(SELECT \\1())', 'g'));
    END IF;
  END LOOP;
END $$;

-- Credentials: only for the request's own (stamped) user; administrators set passwords on their own pool.
CREATE FUNCTION reti_private.audit_credential(p_user uuid, p_what jsonb) RETURNS void LANGUAGE sql VOLATILE SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO public.audit_events (tenant_id, actor_id, entity, entity_id, action, before, after)
  SELECT u.tenant_id, public.app_user_id(), 'users', u.id, 'UPDATE', NULL, jsonb_build_object('credential', p_what)
  FROM public.users u WHERE u.id = p_user
$$;

CREATE OR REPLACE FUNCTION auth_user_setting(p_user uuid) RETURNS text LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT regexp_replace(s.password_hash, '[$][^$]*$', '')
  FROM public.users u JOIN reti_private.user_secrets s ON s.user_id = u.id
  WHERE u.id = p_user AND u.active AND p_user = public.app_user_id()
$$;
CREATE OR REPLACE FUNCTION auth_change_password(p_user uuid, p_current_candidate text, p_new_hash text, p_keep_api_tokens boolean)
RETURNS boolean LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
BEGIN
  IF p_user IS DISTINCT FROM public.app_user_id() THEN RETURN false; END IF;
  PERFORM FROM public.users u JOIN reti_private.user_secrets s ON s.user_id = u.id
  WHERE u.id = p_user AND u.active AND s.password_hash = p_current_candidate
  FOR UPDATE OF s;
  IF NOT FOUND THEN RETURN false; END IF;
  PERFORM public.auth_store_password(p_user, p_new_hash, p_keep_api_tokens);
  PERFORM reti_private.audit_credential(p_user, jsonb_build_object('password', 'changed', 'apiTokensKept', p_keep_api_tokens));
  RETURN true;
END $$;
CREATE OR REPLACE FUNCTION auth_set_password(p_user uuid, p_hash text) RETURNS void LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
BEGIN
  PERFORM public.auth_store_password(p_user, p_hash, false);
  PERFORM reti_private.audit_credential(p_user, jsonb_build_object('password', 'set'));
END $$;
CREATE OR REPLACE FUNCTION auth_create_api_token(p_user uuid, p_name text, p_hash text, p_expires_at timestamptz)
RETURNS TABLE (id uuid, name text, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz)
LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
DECLARE
  created reti_private.api_tokens;
BEGIN
  IF p_user IS DISTINCT FROM public.app_user_id() THEN RETURN; END IF;
  IF NOT (p_expires_at > now() AND p_expires_at <= now() + interval '366 days') THEN
    RAISE EXCEPTION 'an API token lives at most 366 days' USING ERRCODE = '22023';
  END IF;
  INSERT INTO reti_private.api_tokens AS t (user_id, name, token_hash, expires_at, session_epoch)
  SELECT u.id, p_name, p_hash, p_expires_at, u.session_epoch FROM public.users u WHERE u.id = p_user AND u.active
  RETURNING t.* INTO created;
  IF created.id IS NULL THEN RETURN; END IF;
  PERFORM reti_private.audit_credential(p_user, jsonb_build_object('apiToken', 'created', 'id', created.id, 'name', created.name, 'expiresAt', created.expires_at));
  RETURN QUERY SELECT created.id, created.name, created.expires_at, created.revoked_at, created.last_used_at, created.created_at;
END $$;
CREATE OR REPLACE FUNCTION auth_api_tokens(p_user uuid)
RETURNS TABLE (id uuid, name text, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz)
LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT id, name, expires_at, revoked_at, last_used_at, created_at FROM reti_private.api_tokens
  WHERE user_id = p_user AND p_user = public.app_user_id() ORDER BY created_at DESC, id
$$;
CREATE OR REPLACE FUNCTION auth_revoke_api_token(p_user uuid, p_id uuid)
RETURNS TABLE (id uuid, name text, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz)
LANGUAGE sql VOLATILE ${SAFE} AS $$
  UPDATE reti_private.api_tokens SET revoked_at = coalesce(revoked_at, now()), updated_at = now()
  WHERE id = p_id AND user_id = p_user AND p_user = public.app_user_id()
  RETURNING id, name, expires_at, revoked_at, last_used_at, created_at
$$;
GRANT EXECUTE ON FUNCTION ${SELF_SERVICE.join(', ')} TO reti_admin;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
REVOKE EXECUTE ON FUNCTION ${SELF_SERVICE.join(', ')} FROM reti_admin;
${UNCHECKED_CREDENTIALS}
DROP FUNCTION reti_private.audit_credential(uuid, jsonb);

DO $$
DECLARE
  p record;
  wrapped text := '\\(\\s*SELECT (${IDENTITY_FUNCTIONS.join('|')})\\(\\) AS \\w+\\)';
BEGIN
  FOR p IN
    SELECT pol.polname, pol.polrelid::regclass AS rel, pg_get_expr(pol.polqual, pol.polrelid) AS qual, pg_get_expr(pol.polwithcheck, pol.polrelid) AS checked
    FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid WHERE c.relnamespace = 'public'::regnamespace
  LOOP
    IF p.qual ~ wrapped THEN
      EXECUTE format('ALTER POLICY %I ON %s USING (%s)', p.polname, p.rel, regexp_replace(p.qual, wrapped, '\\1()', 'g'));
    END IF;
    IF p.checked ~ wrapped THEN
      EXECUTE format('ALTER POLICY %I ON %s WITH CHECK (%s)', p.polname, p.rel, regexp_replace(p.checked, wrapped, '\\1()', 'g'));
    END IF;
  END LOOP;
END $$;
${UNSIGNED}

DROP FUNCTION app_begin(uuid, uuid, boolean, bigint, text);
DROP FUNCTION request_key();
DROP FUNCTION reti_private.request_mac(text);
DROP TABLE reti_private.request_key;
GRANT reti_admin TO reti_app;
`);
  }
}
