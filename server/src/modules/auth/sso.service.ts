import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey } from 'jose';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { userFiscalCodeHash } from '../../common/crypto';
import { AuthService, Session } from './auth.service';
import { hashSecret, newSecret } from './tokens';

/** Single sign-on through an OpenID Connect provider (README, "Single sign-on"). */
export interface SsoSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Space-separated, openid among them. */
  scopes: string;
  /** The claim of the ID token (or, when it lacks it, of the userinfo) that names the person. */
  identityClaim: string;
  /** Whether that claim is a codice fiscale (SPID's fiscal_number, "TINIT-…" allowed) or an email. */
  matchBy: 'fiscal_code' | 'email';
  /** The authentication levels accepted (the ID token's acr); empty accepts any. */
  acrValues: string[];
  /** The console's button; its translated default when absent. */
  buttonLabel?: string;
  /** Passwords only for administrators (break-glass); everyone else signs in through the provider. */
  passwordForAdminsOnly: boolean;
  /** Where users reach Reti, e.g. https://reti.example.it: the redirect URIs derive from it. */
  publicUrl: string;
}

export const SSO_CALLBACK_PATH = '/auth/oidc/callback';
export const SSO_BACKCHANNEL_LOGOUT_PATH = '/auth/oidc/backchannel-logout';
const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** How long a sign-in may stay at the provider before its callback is refused. */
export const SSO_FLOW_TTL_SECONDS = 10 * 60;

/** Why a callback signs nobody in; each has its own page (sso.pages.ts). */
export type SsoRefusal = 'FAILED' | 'UNKNOWN' | 'INACTIVE' | 'LEVEL' | 'UNAVAILABLE';

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SsoRefused';
  }
}

/**
 * Sign-in through an OpenID Connect provider: authorization code flow with PKCE, by openid-client,
 * which does discovery, the JWKS (fetched again when a key it does not know signs a token), and the
 * checks of state, nonce, issuer, audience, signature and expiry. Reti keeps the sign-in under way
 * (state, nonce, verifier) in the database under the hash of the browser's flow cookie, and decides
 * who the identity is: a user an administrator mapped beforehand, never one made up here.
 */
export class SsoService {
  private configuration?: Promise<oidc.Configuration>;
  private jwks?: JWTVerifyGetKey;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    readonly settings: SsoSettings,
    private readonly fiscalCodeKey: Uint8Array,
  ) {}

  get redirectUri(): string {
    return new URL(SSO_CALLBACK_PATH, this.settings.publicUrl).toString();
  }

  get postLogoutRedirectUri(): string {
    return new URL('/admin/', this.settings.publicUrl).toString();
  }

  /** Discovered on first use, so Reti starts while the provider is away; a failed discovery is tried again next time. */
  private discover(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.settings;
      // Plain HTTP is allowed by config.ts for a provider on this machine only.
      const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
      this.configuration = oidc.discovery(issuer, clientId, undefined, oidc.ClientSecretBasic(clientSecret), { execute });
      this.configuration.catch(() => (this.configuration = undefined));
    }
    return this.configuration;
  }

  private async configured(): Promise<oidc.Configuration> {
    try {
      return await this.discover();
    } catch (cause) {
      throw new SsoRefused('UNAVAILABLE', 'The identity provider cannot be reached', { cause });
    }
  }

  /** Starts a sign-in: the provider's address to send the browser to, and the secret of its flow cookie. */
  async begin(): Promise<{ url: URL; flowSecret: string }> {
    const config = await this.configured();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const { secret, hash } = newSecret();
    await this.dataSource.query('SELECT auth_sso_begin($1, $2, $3, $4, $5)', [hash, state, nonce, verifier, `${SSO_FLOW_TTL_SECONDS} seconds`]);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scopes,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...(this.settings.acrValues.length ? { acr_values: this.settings.acrValues.join(' ') } : {}),
    });
    return { url, flowSecret: secret };
  }

  /**
   * The provider's answer (the callback's query string) for the flow of this browser: a session,
   * and the ID token that RP-initiated logout names; or SsoRefused.
   */
  async complete(flowSecret: string | undefined, query: string): Promise<{ session: Session; idToken: string }> {
    const config = await this.configured();
    const [flow] = flowSecret ? await this.dataSource.query('SELECT * FROM auth_sso_take($1, $2)', [hashSecret(flowSecret), `${SSO_FLOW_TTL_SECONDS} seconds`]) : [];
    if (!flow) throw new SsoRefused('FAILED', 'No sign-in under way for this browser: unknown, used or expired flow');
    // The address the provider sent the browser back to, rebuilt from configuration, not from the request's Host.
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = query;
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (cause) {
      throw new SsoRefused('FAILED', 'The provider’s answer did not pass the checks', { cause });
    }
    const claims = tokens.claims()!;
    const { acrValues, identityClaim, matchBy } = this.settings;
    if (acrValues.length && !acrValues.includes(String(claims.acr))) throw new SsoRefused('LEVEL', `Authentication level ${String(claims.acr)} is not accepted`);
    let identity = claims[identityClaim];
    if (identity === undefined) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch((cause) => {
        throw new SsoRefused('FAILED', 'The provider’s userinfo did not answer', { cause });
      });
      identity = info[identityClaim];
    }
    if (typeof identity !== 'string' || !identity.trim()) throw new SsoRefused('UNKNOWN', `The provider gave no ${identityClaim}`);
    const outcome = await this.auth.ssoSignIn({
      ...(matchBy === 'email' ? { email: identity, fiscalCodeHash: null } : { email: null, fiscalCodeHash: userFiscalCodeHash(this.fiscalCodeKey, identity) }),
      subject: claims.sub,
      sessionId: typeof claims.sid === 'string' ? claims.sid : null,
    });
    if (outcome.outcome !== 'OK') throw new SsoRefused(outcome.outcome, outcome.outcome === 'UNKNOWN' ? 'No Reti user has this identity' : 'The user is deactivated');
    return { session: outcome.session, idToken: tokens.id_token! };
  }

  /**
   * OpenID Connect Back-Channel Logout 1.0: a logout token the provider signed (its keys, fetched
   * again by jose when an unknown one signs), for this client, with the logout event and no nonce,
   * naming a subject or a session. Ends the sessions it opened; false for anything else.
   */
  async backchannelLogout(logoutToken: unknown): Promise<boolean> {
    if (typeof logoutToken !== 'string') return false;
    const config = await this.configured();
    const metadata = config.serverMetadata();
    if (!metadata.jwks_uri) return false;
    this.jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
    try {
      const { payload } = await jwtVerify(logoutToken, this.jwks, { issuer: metadata.issuer, audience: this.settings.clientId, requiredClaims: ['iat', 'jti'] });
      const events = payload.events as Record<string, unknown> | undefined;
      if (typeof events?.[BACKCHANNEL_LOGOUT_EVENT] !== 'object' || 'nonce' in payload) return false;
      const subject = typeof payload.sub === 'string' ? payload.sub : null;
      const sessionId = typeof payload.sid === 'string' ? payload.sid : null;
      if (!subject && !sessionId) return false;
      await this.auth.ssoEndSessions(subject, sessionId);
      return true;
    } catch {
      return false;
    }
  }

  /** Where the browser goes to end its session at the provider too, when it supports RP-initiated logout. */
  async endSessionUrl(idToken: string | undefined): Promise<URL | null> {
    if (!idToken) return null;
    const config = await this.discover().catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: this.postLogoutRedirectUri });
  }
}
