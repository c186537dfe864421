import { createHash, randomBytes } from 'node:crypto';
import { isUUID } from 'class-validator';
import { jwtVerify, SignJWT } from 'jose';
import { Role } from '../../common/request';

const ISSUER = 'reti';
const AUDIENCE = 'reti-api';
const ALGORITHM = 'HS256';
export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const API_TOKEN_PREFIX = 'reti_pat_';

export interface AccessClaims {
  userId: string;
  role: Role;
  tenantId: string | null;
  /** The user's session epoch when the token was issued; the token dies when it moves on. */
  sessionEpoch: number;
  /** The session (refresh-token family) that issued the token; the token dies when it ends. */
  sessionId: string;
}

export async function signAccessToken(secret: Uint8Array, claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ACCESS_TOKEN_SECONDS * 1000);
  const token = await new SignJWT({ role: claims.role, tid: claims.tenantId, ep: claims.sessionEpoch, sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
  return { token, expiresAt };
}

/** Tokens already verified with a secret, and when they expire: a client sends the same token with every request. */
const verified = new WeakMap<Uint8Array, Map<string, { claims: AccessClaims; expiresAt: number }>>();
const MAX_VERIFIED = 10_000;

/** Verifies signature, pinned algorithm, issuer, audience and expiry; null for anything else. */
export async function verifyAccessToken(secret: Uint8Array, token: string): Promise<AccessClaims | null> {
  let known = verified.get(secret);
  const hit = known?.get(token);
  if (hit && hit.expiresAt > Date.now()) return hit.claims;
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['exp', 'sub'] });
    const role = payload.role as Role;
    if (!['ADMIN', 'EDITOR', 'ANALYST'].includes(role) || !isUUID(payload.sub) || !Number.isInteger(payload.ep) || !isUUID(payload.sid)) return null;
    const claims = {
      userId: payload.sub!,
      role,
      tenantId: typeof payload.tid === 'string' ? payload.tid : null,
      sessionEpoch: payload.ep as number,
      sessionId: payload.sid as string,
    };
    if (!known || known.size >= MAX_VERIFIED) verified.set(secret, (known = new Map()));
    known.set(token, { claims, expiresAt: payload.exp! * 1000 });
    return claims;
  } catch {
    return null;
  }
}

/** A random secret and the hash that is stored in its place. */
export function newSecret(prefix = ''): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
