import { randomUUID } from 'node:crypto';
import { signAccessToken, verifyAccessToken } from '../../server/src/modules/auth/tokens';

const secret = new TextEncoder().encode('unit-test-secret-for-access-tokens-0123456789');
const claims = { userId: randomUUID(), role: 'EDITOR' as const, tenantId: randomUUID(), sessionEpoch: 3, sessionId: randomUUID() };

afterEach(() => jest.useRealTimers());

test('a token verified once is accepted again without changing its claims', async () => {
  const { token } = await signAccessToken(secret, claims);
  expect(await verifyAccessToken(secret, token)).toEqual(claims);
  expect(await verifyAccessToken(secret, token)).toEqual(claims);
});

test('a token verified with one secret is refused with another', async () => {
  const { token } = await signAccessToken(secret, claims);
  await verifyAccessToken(secret, token);
  expect(await verifyAccessToken(new TextEncoder().encode('another-secret-for-access-tokens-0123456789'), token)).toBeNull();
});

test('a verified token is refused once it has expired', async () => {
  const { token, expiresAt } = await signAccessToken(secret, claims);
  expect(await verifyAccessToken(secret, token)).toEqual(claims);
  jest.useFakeTimers({ now: expiresAt.getTime() + 1000 });
  expect(await verifyAccessToken(secret, token)).toBeNull();
});

test('a token altered by one character is refused', async () => {
  const { token } = await signAccessToken(secret, claims);
  await verifyAccessToken(secret, token);
  const altered = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
  expect(await verifyAccessToken(secret, altered)).toBeNull();
});
