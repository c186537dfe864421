import { MigrationInterface, QueryRunner } from 'typeorm';

const SAFE = `SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

/**
 * An access token belongs to the session (refresh-token family) that issued it, and dies with it:
 * logging out, replaying a rotated refresh cookie (which revokes the family) and changing the
 * password (which revokes every family of the user) end the session's access tokens at the next
 * request, not when they expire.
 */
export class SessionRevocation1763700001200 implements MigrationInterface {
  name = 'SessionRevocation1763700001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
-- The session a refresh token just issued belongs to (its family), for the access token to carry.
CREATE FUNCTION auth_refresh_session(p_refresh_hash text) RETURNS uuid LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT family_id FROM reti_private.refresh_tokens WHERE token_hash = p_refresh_hash AND revoked_at IS NULL
$$;
-- The one lookup an access token costs per request: the user still has the rights the token was
-- issued with, and its session has a refresh token that is neither revoked nor expired.
CREATE FUNCTION auth_session_live(p_user uuid, p_epoch integer, p_session uuid) RETURNS boolean LANGUAGE sql STABLE ${SAFE} AS $$
  SELECT EXISTS (SELECT FROM public.users WHERE id = p_user AND active AND session_epoch = p_epoch)
     AND EXISTS (SELECT FROM reti_private.refresh_tokens
                 WHERE family_id = p_session AND user_id = p_user AND revoked_at IS NULL AND expires_at > now())
$$;
REVOKE ALL ON FUNCTION auth_refresh_session(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth_session_live(uuid, integer, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_refresh_session(text), auth_session_live(uuid, integer, uuid) TO reti_app;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP FUNCTION auth_session_live(uuid, integer, uuid);
DROP FUNCTION auth_refresh_session(text);
`);
  }
}
