import http from 'node:http';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import Provider from 'oidc-provider';

/** A person the test provider signs in: their subject, the claims it vouches for and the level of the sign-in. */
export interface TestIdentity {
  sub: string;
  fiscalNumber?: string;
  email?: string;
  acr: string;
}

export const SPID_L1 = 'https://www.spid.gov.it/SpidL1';
export const SPID_L2 = 'https://www.spid.gov.it/SpidL2';

export interface TestClient {
  id: string;
  secret: string;
  redirectUri: string;
}

export interface TestProvider {
  issuer: string;
  /** The client Reti is registered as. */
  reti: TestClient;
  /** Another application registered with the same provider. */
  other: TestClient;
  /** Who the next sign-in at the provider is (the provider's login step answers for them). */
  signInAs(identity: TestIdentity): void;
  /** The token endpoint's next answer, whatever code comes with the request: tokens the provider issued for another flow. */
  answerNextTokenRequestWith(body: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** A port free on the loopback interface right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a free loopback port, with keys of its
 * own, Reti's client and another one. Its login and consent step is the test's: it signs in the
 * identity named by signInAs and grants what was asked, so the browser passes through without a form.
 */
export async function startOidcProvider(retiUrl: string): Promise<TestProvider> {
  const identities = new Map<string, TestIdentity>();
  let next: TestIdentity | undefined;
  let nextTokenAnswer: Record<string, unknown> | undefined;
  let provider: Provider | undefined;

  const server = http.createServer(async (req, res) => {
    try {
      if (req.url?.startsWith('/interaction/')) {
        const details = await provider!.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          if (!next) throw new Error('signInAs was not called before this sign-in');
          identities.set(next.sub, next);
          await provider!.interactionFinished(req, res, { login: { accountId: next.sub, acr: next.acr } }, { mergeWithLastSubmission: false });
          return;
        }
        const grant = new provider!.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
        grant.addOIDCScope(String(details.params.scope));
        await provider!.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        return;
      }
      if (nextTokenAnswer && req.method === 'POST' && req.url === '/token') {
        const body = JSON.stringify(nextTokenAnswer);
        nextTokenAnswer = undefined;
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
        return;
      }
      provider!.callback()(req, res);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const reti: TestClient = { id: 'reti-test', secret: `reti-secret-${randomUUID()}`, redirectUri: `${retiUrl}/auth/oidc/callback` };
  const other: TestClient = { id: 'other-app', secret: `other-secret-${randomUUID()}`, redirectUri: 'http://127.0.0.1:9/other/callback' };
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key-1', use: 'sig' };
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: reti.id,
        client_secret: reti.secret,
        redirect_uris: [reti.redirectUri],
        post_logout_redirect_uris: [`${retiUrl}/admin/`],
        backchannel_logout_uri: `${retiUrl}/auth/oidc/backchannel-logout`,
        backchannel_logout_session_required: true,
      },
      { client_id: other.id, client_secret: other.secret, redirect_uris: [other.redirectUri] },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [`cookie-key-${randomUUID()}`] },
    claims: { openid: ['sub'], email: ['email'], profile: ['fiscal_number'] },
    // Claims in the ID token itself, as SPID and CIE brokers put them.
    conformIdTokenClaims: false,
    acrValues: [SPID_L1, SPID_L2, 'https://www.spid.gov.it/SpidL3'],
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true }, backchannelLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const identity = identities.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, ...(identity.email ? { email: identity.email } : {}), ...(identity.fiscalNumber ? { fiscal_number: identity.fiscalNumber } : {}) }),
      };
    },
  });

  return {
    issuer,
    reti,
    other,
    signInAs(identity) {
      next = identity;
    },
    answerNextTokenRequestWith(body) {
      nextTokenAnswer = body;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
