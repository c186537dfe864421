// The peer npm run bench measures Reti against: PostGraphile v5 (amber preset, pg-aggregates) on
// the same database, as the same app role, with the same per-transaction settings as Reti's
// request scope (server/src/db/request-scope.ts), taken from the same Bearer token.
// Plain JavaScript so that the product's type check never needs PostGraphile installed.
// Run as a child of test/bench/run.ts: PORT, DATABASE_URL (the app role) and JWT_SECRET come from it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { PgAggregatesPreset } from '@graphile/pg-aggregates';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const secret = process.env.JWT_SECRET;
const requestKey = Buffer.from(process.env.REQUEST_KEY ?? '', 'hex');

/**
 * Reti's row-level security trusts a request's tenant and user only under the server's signature
 * (app_begin, migration 1763700001201): after PostGraphile sets its pgSettings, the same signed
 * statement Reti sends (server/src/db/request-scope.ts signedIdentity), so both pay the same.
 */
const SETTINGS = 'select set_config(el->>0, el->>1, true) from json_array_elements($1::json) el';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('connect', (client) => {
  const query = client.query.bind(client);
  client.query = (config, ...rest) => {
    if (config?.text !== SETTINGS) return query(config, ...rest);
    const settings = Object.fromEntries(JSON.parse(config.values[0]));
    const [tenantId, userId, allTenants, signedAt] = [settings['app.tenant_id'] || null, settings['app.user_id'] || null, settings['app.all_tenants'] === 'on', Date.now()];
    const mac = createHmac('sha256', requestKey).update(['begin', tenantId ?? '', userId ?? '', allTenants ? 'on' : '', signedAt].join('|')).digest('hex');
    return query(config).then(async (result) => {
      await query({ text: 'select app_begin($1, $2, $3, $4, $5)', values: [tenantId, userId, allTenants, signedAt, mac] });
      return result;
    });
  };
});

/** Reti's access token (HS256, issuer reti, audience reti-api), checked as server/src/modules/auth/tokens.ts does. */
function claimsOf(authorization) {
  const [header, payload, signature] = (authorization ?? '').replace(/^Bearer /, '').split('.');
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'HS256') return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  if (claims.iss !== 'reti' || claims.aud !== 'reti-api' || !(claims.exp > Date.now() / 1000) || !claims.sub) return null;
  return { userId: claims.sub, role: claims.role, tenantId: typeof claims.tid === 'string' ? claims.tid : null };
}

const preset = {
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  // Every column may be sorted and grouped by, not only indexed ones (allocations' fund_source_id has only a partial index).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafast: {
    explain: false,
    context(requestContext) {
      const claims = claimsOf(requestContext.node?.req.headers.authorization);
      // No token, no settings: row-level security then shows nothing.
      if (!claims || claims.role === 'ADMIN') return { pgSettings: { role: 'reti_app' } };
      const allTenants = claims.role === 'ANALYST' && !claims.tenantId;
      return {
        pgSettings: {
          role: 'reti_app',
          'app.tenant_id': claims.tenantId ?? '',
          'app.user_id': claims.userId,
          'app.all_tenants': allTenants ? 'on' : '',
          // Reti's analysts read in READ ONLY transactions.
          ...(claims.role === 'ANALYST' ? { transaction_read_only: 'on' } : {}),
        },
      };
    },
  },
  grafserv: { graphiql: false, watch: false, maskError: (error) => error },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
// Build the schema before saying ready, so that start-up is not paid by the first request.
await pgl.getSchema();
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`PostGraphile ready on ${process.env.PORT}`));
process.on('SIGTERM', () => {
  server.close();
  void pgl.release().then(() => process.exit(0));
});
