import { MigrationInterface, QueryRunner } from 'typeorm';

const SAFE = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

/** What the stamp covers, as migration 1763700001201 wrote it: the settings, the backend and the transaction. */
const STAMP_MESSAGE = `pg_catalog.concat_ws('|', 'stamp', coalesce(current_setting('app.tenant_id', true), ''), coalesce(current_setting('app.user_id', true), ''),
  coalesce(current_setting('app.all_tenants', true), ''), pg_catalog.pg_backend_pid(), extract(epoch FROM pg_catalog.now()))`;

/**
 * A request's transaction opens in one round trip: `START TRANSACTION; SELECT app_open(…)`, sent as
 * one simple query. app_open() does what the date style statement, app_begin() and
 * auth_session_live() did in three: it sets the date style, checks that the access token's session
 * is live (when given one), and sets the signed identity with its stamp.
 *
 * Its values travel as literals, so they show in pg_stat_activity, where other sessions of the app
 * role can read them. The signature therefore also covers the backend's pid: copied into any other
 * session it is refused. (app_begin(), whose signature a copy could replay, stays for the scripts
 * and tools that send its values as parameters.)
 */
export class RequestOpening1763700002400 implements MigrationInterface {
  name = 'RequestOpening1763700002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE FUNCTION app_open(p_tenant uuid, p_user uuid, p_all_tenants boolean, p_signed_at bigint, p_mac text, p_epoch integer, p_session uuid) RETURNS void
LANGUAGE plpgsql VOLATILE ${SAFE} AS $$
BEGIN
  IF p_mac IS DISTINCT FROM reti_private.request_mac(concat_ws('|', 'open', coalesce(p_tenant::text, ''), coalesce(p_user::text, ''),
       CASE WHEN p_all_tenants THEN 'on' ELSE '' END, p_signed_at, pg_backend_pid()))
     OR abs(extract(epoch FROM clock_timestamp()) * 1000 - p_signed_at) > 300000 THEN
    RAISE EXCEPTION 'the request''s identity is not signed by the server' USING ERRCODE = '28000';
  END IF;
  -- An access token's session: its user still has the rights it was issued with, and it was not ended.
  IF p_epoch IS NOT NULL AND NOT auth_session_live(p_user, p_epoch, p_session) THEN
    RAISE EXCEPTION 'the session has ended' USING ERRCODE = 'RT401';
  END IF;
  -- Dates leave the database as YYYY-MM-DD whatever the server's DateStyle (the API and compiled reads rely on it).
  PERFORM set_config('datestyle', 'ISO, YMD', true);
  PERFORM set_config('app.tenant_id', coalesce(p_tenant::text, ''), true), set_config('app.user_id', coalesce(p_user::text, ''), true),
          set_config('app.all_tenants', CASE WHEN p_all_tenants THEN 'on' ELSE '' END, true);
  PERFORM set_config('app.stamp', reti_private.request_mac(${STAMP_MESSAGE}), true);
END $$;
REVOKE ALL ON FUNCTION app_open(uuid, uuid, boolean, bigint, text, integer, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_open(uuid, uuid, boolean, bigint, text, integer, uuid) TO reti_app, reti_admin;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION app_open(uuid, uuid, boolean, bigint, text, integer, uuid);`);
  }
}
