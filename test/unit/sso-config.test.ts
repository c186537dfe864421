import { ConfigError, loadConfig } from '../../server/src/config';

/** Single sign-on is configured by environment only, and a half-configured provider stops the start. */
const SECRETS = { JWT_SECRET: 'x'.repeat(32), RECIPIENT_HASH_KEY: 'y'.repeat(32) };
const PROVIDER = {
  ...SECRETS,
  OIDC_ISSUER: 'https://id.regione.example.it/oidc',
  OIDC_CLIENT_ID: 'reti',
  OIDC_CLIENT_SECRET: 'a-secret',
  PUBLIC_URL: 'https://reti.example.it',
};

test('off unless an issuer is given: passwords alone, as under npm start', () => {
  expect(loadConfig(SECRETS).sso).toBeUndefined();
});

test('the defaults map SPID and CIE identities by codice fiscale, with passwords for everyone', () => {
  expect(loadConfig(PROVIDER).sso).toEqual({
    issuer: new URL('https://id.regione.example.it/oidc'),
    clientId: 'reti',
    clientSecret: 'a-secret',
    scopes: 'openid profile email',
    identityClaim: 'fiscal_number',
    matchBy: 'fiscal_code',
    acrValues: [],
    buttonLabel: undefined,
    passwordForAdminsOnly: false,
    publicUrl: 'https://reti.example.it',
  });
});

test('every variable as configured', () => {
  const sso = loadConfig({
    ...PROVIDER,
    OIDC_SCOPES: 'openid email',
    OIDC_IDENTITY_CLAIM: 'email',
    OIDC_ACR_VALUES: 'https://www.spid.gov.it/SpidL2, https://www.spid.gov.it/SpidL3',
    OIDC_BUTTON_LABEL: 'Entra con SPID',
    OIDC_PASSWORD_LOGIN: 'admins',
  }).sso!;
  expect(sso).toMatchObject({
    scopes: 'openid email',
    matchBy: 'email',
    acrValues: ['https://www.spid.gov.it/SpidL2', 'https://www.spid.gov.it/SpidL3'],
    buttonLabel: 'Entra con SPID',
    passwordForAdminsOnly: true,
  });
});

test.each([
  ['OIDC_CLIENT_SECRET', { ...PROVIDER, OIDC_CLIENT_SECRET: '' }],
  ['PUBLIC_URL', { ...PROVIDER, PUBLIC_URL: '' }],
  ['OIDC_CLIENT_ID', { ...SECRETS, OIDC_CLIENT_ID: 'reti' }],
  ['OIDC_ISSUER', { ...PROVIDER, OIDC_ISSUER: 'http://id.example.it' }],
  ['OIDC_ISSUER', { ...PROVIDER, OIDC_ISSUER: 'not a url' }],
  ['OIDC_SCOPES', { ...PROVIDER, OIDC_SCOPES: 'profile email' }],
  ['OIDC_MATCH_BY', { ...PROVIDER, OIDC_MATCH_BY: 'name' }],
  ['OIDC_PASSWORD_LOGIN', { ...PROVIDER, OIDC_PASSWORD_LOGIN: 'none' }],
])('a wrong or missing %s stops the start, naming it', (name, env) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(name);
});

test('plain HTTP only on this machine', () => {
  expect(loadConfig({ ...PROVIDER, OIDC_ISSUER: 'http://127.0.0.1:9000', PUBLIC_URL: 'http://localhost:4000' }).sso?.publicUrl).toBe('http://localhost:4000');
});
