import { HttpTestApp, RawResult, send, startHttpApp } from '../helpers/http';

/**
 * What the server shows to anyone who can reach it, whatever NODE_ENV says: JSON errors without
 * stack traces or file paths, security headers, no X-Powered-By, no third-party scripts.
 */
const MODES = ['test', 'production'] as const;
const apps = new Map<string, HttpTestApp>();

/** Express and Apollo read NODE_ENV when they are created, so each mode gets its own app. */
async function startIn(mode: string, options = {}): Promise<HttpTestApp> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = mode;
  try {
    return await startHttpApp(2, options);
  } finally {
    process.env.NODE_ENV = saved;
  }
}

beforeAll(async () => {
  for (const mode of MODES) apps.set(mode, await startIn(mode));
  apps.set('https', await startIn('production', { secureCookies: true }));
});
afterAll(async () => {
  for (const app of apps.values()) await app.close();
});

function get(app: HttpTestApp, path: string, headers: Record<string, string> = {}): Promise<RawResult> {
  return send(new URL(app.url), { method: 'GET', path, headers });
}

/** A JSON error body with a code, and nothing that tells an attacker about the server's insides. */
function expectQuietJson(result: RawResult, status: number, code: string): void {
  expect([result.status, result.headers['content-type']]).toEqual([status, expect.stringContaining('application/json')]);
  expect(JSON.parse(result.text).errors[0].extensions.code).toBe(code);
  expect(result.text).not.toMatch(/ at |\/work|\/home|\/root|node_modules|\.ts\b|\.js\b|<html|<pre/i);
}

describe.each(MODES)('NODE_ENV=%s', (mode) => {
  test('a body that is not JSON answers a JSON error, not a page with the stack', async () => {
    const app = apps.get(mode)!;
    expectQuietJson(await send(new URL(app.url), { body: '{"query": "{' }), 400, 'BAD_REQUEST');
  });

  test('paths that climb out of the console folder, or lead nowhere, answer JSON 404', async () => {
    const app = apps.get(mode)!;
    for (const path of ['/admin/assets/..%2f..%2fpackage.json', '/admin/assets/%2e%2e/%2e%2e/package.json', '/admin/assets/missing.js', '/nowhere']) {
      const result = await get(app, path);
      expect(result.text).not.toContain('"workspaces"');
      expectQuietJson(result, 404, 'NOT_FOUND');
    }
  });

  test('security headers suited to the console, and no X-Powered-By', async () => {
    const app = apps.get(mode)!;
    for (const path of ['/admin/', '/graphql?query=%7B__typename%7D', '/nowhere']) {
      const { headers } = await get(app, path);
      expect([path, headers['x-powered-by']]).toEqual([path, undefined]);
      expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
      const csp = String(headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      // Served over plain HTTP: no HSTS, nothing upgraded.
      expect(headers['strict-transport-security']).toBeUndefined();
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  test("GraphQL's landing page loads nothing from another origin", async () => {
    const app = apps.get(mode)!;
    const result = await get(app, '/graphql', { accept: 'text/html' });
    expect(result.status).toBeLessThan(500);
    expect(result.text).not.toMatch(/https?:\/\/(?!localhost|127\.0\.0\.1)/);
  });
});

test('behind HTTPS (secure cookies on), HSTS is sent and insecure requests are upgraded', async () => {
  const { headers } = await get(apps.get('https')!, '/admin/');
  expect(headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
});
