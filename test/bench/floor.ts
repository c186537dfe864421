import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool, PoolClient } from 'pg';
import { AccessClaims, verifyAccessToken } from '../../server/src/modules/auth/tokens';
import { APP_BEGIN, signedIdentity } from '../../server/src/db/request-scope';

/**
 * The floor: what the bench's queries cost when written by hand. One transaction per request
 * with the same tenant settings as Reti (request-scope.ts), as the app role under row-level
 * security, the tenant filter in code, one batched statement per level, JSON in Reti's shape.
 * Run as a child of run.ts: PORT, DATABASE_URL (the app role) and JWT_SECRET come from it.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = new TextEncoder().encode(process.env.JWT_SECRET);
const requestKey = Buffer.from(process.env.REQUEST_KEY ?? '', 'hex');

type Row = Record<string, any>;
type Handler = (db: PoolClient, scope: Scope, variables: Row) => Promise<unknown>;

/** The tenant filter in code, as Reti's services add it: editors see their tenant, regional analysts all. */
class Scope {
  constructor(private readonly tenantId: string | null) {
    if (tenantId && !/^[0-9a-f-]{36}$/.test(tenantId)) throw new Error('tenant id is not a uuid');
  }
  /** Inlined: the id comes from a verified token and is checked above, so every statement keeps its own parameters. */
  where(alias: string): string {
    return this.tenantId ? `${alias}.tenant_id = '${this.tenantId}'::uuid` : 'true';
  }
}

const groupBy = (rows: Row[], key: string) => {
  const map = new Map<string, Row[]>();
  for (const row of rows) {
    const list = map.get(row[key]);
    if (list) list.push(row);
    else map.set(row[key], [row]);
  }
  return map;
};
const byId = (rows: Row[]) => new Map(rows.map((row) => [row.id, row]));

async function networkPage(db: PoolClient, scope: Scope, columns: string): Promise<Row[]> {
  return (await db.query(`SELECT ${columns} FROM networks n WHERE ${scope.where('n')} ORDER BY n.code LIMIT 50`)).rows;
}

async function members(db: PoolClient, scope: Scope, networkIds: string[], memberColumns: string, partnerColumns: string) {
  const memberRows = (await db.query(`SELECT m.network_id, m.partner_id, ${memberColumns} FROM network_members m WHERE ${scope.where('m')} AND m.network_id = ANY($1::uuid[]) ORDER BY m.network_id, m.id`, [networkIds])).rows;
  const partnerIds = [...new Set(memberRows.map((m) => m.partner_id))];
  const partnerRows = (await db.query(`SELECT p.id, ${partnerColumns} FROM partners p WHERE ${scope.where('p')} AND p.id = ANY($1::uuid[])`, [partnerIds])).rows;
  const partners = new Map(partnerRows.map(({ id, ...partner }) => [id as string, partner]));
  return { byNetwork: groupBy(memberRows, 'network_id'), partners };
}

const QUERIES: Record<string, Handler> = {
  async q1(db, scope, { id }) {
    const [network] = (await db.query(
      `SELECT n.id, n.code, n.title, n.status, n.start_date::text AS "startDate", n.end_date::text AS "endDate",
              n.planned_suspended AS "plannedSuspended", n.planned_unemployed AS "plannedUnemployed"
       FROM networks n WHERE ${scope.where('n')} AND n.id = $1`,
      [id],
    )).rows;
    return { network: network ?? null };
  },

  async q2(db, scope) {
    const networks = await networkPage(db, scope, 'n.id, n.code, n.title, n.status');
    const { byNetwork, partners } = await members(db, scope, networks.map((n) => n.id), 'm.role', 'p.legal_name AS "legalName"');
    return {
      networks: {
        items: networks.map((n) => {
          const list = byNetwork.get(n.id) ?? [];
          const lead = list.find((m) => m.role === 'LEAD');
          return { ...n, lead: lead ? partners.get(lead.partner_id) : null, members: list.map((m) => ({ role: m.role, partner: partners.get(m.partner_id) })) };
        }),
      },
    };
  },

  async q3(db, scope) {
    const networks = await networkPage(db, scope, `n.id, n.code, n.title, n.status, n.start_date::text AS "startDate", n.end_date::text AS "endDate"`);
    const ids = networks.map((n) => n.id);
    const { byNetwork, partners } = await members(db, scope, ids, 'm.role, m.joined_on::text AS "joinedOn"', 'p.legal_name AS "legalName", p.tax_code AS "taxCode", p.partner_type_id');
    const types = byId((await db.query(`SELECT id, code, name FROM partner_types WHERE id = ANY($1::uuid[])`, [[...new Set([...partners.values()].map((p) => p.partner_type_id))]])).rows);
    const companies = groupBy((await db.query(
      `SELECT nc.network_id, c.name, c.tax_code AS "taxCode", c.crisis_instrument AS "crisisInstrument"
       FROM network_companies nc JOIN crisis_companies c ON c.tenant_id = nc.tenant_id AND c.id = nc.crisis_company_id
       WHERE ${scope.where('nc')} AND nc.network_id = ANY($1::uuid[]) ORDER BY nc.network_id, nc.id`,
      [ids],
    )).rows, 'network_id');
    const allocations = groupBy((await db.query(
      `SELECT a.network_id, a.amount::text AS amount, a.allocated_on::text AS "allocatedOn", a.kind, a.status
       FROM allocations a WHERE ${scope.where('a')} AND a.network_id = ANY($1::uuid[]) ORDER BY a.network_id, a.id`,
      [ids],
    )).rows, 'network_id');
    const partner = (id: string) => {
      const { partner_type_id, ...p } = partners.get(id)!;
      const { code, name } = types.get(partner_type_id)!;
      return { ...p, partnerType: { code, name } };
    };
    return {
      networks: {
        items: networks.map((n) => ({
          ...n,
          members: (byNetwork.get(n.id) ?? []).map((m) => ({ role: m.role, joinedOn: m.joinedOn, partner: partner(m.partner_id) })),
          companies: (companies.get(n.id) ?? []).map(({ network_id, ...c }) => c),
          allocations: (allocations.get(n.id) ?? []).map(({ network_id, ...a }) => a),
        })),
      },
    };
  },

  /** Totals per fund source × province: aggregate by tenant first, then name the few groups (a tenant has one province). */
  async q4(db, scope) {
    const { rows } = await db.query(
      `WITH g AS (SELECT a.fund_source_id, a.tenant_id, sum(a.amount) AS total, count(*) AS n FROM allocations a WHERE ${scope.where('a')} GROUP BY 1, 2)
       SELECT f.code AS "fundSource", tp.name AS province, sum(g.total)::text AS total, sum(g.n)::int AS count
       FROM g JOIN fund_sources f ON f.id = g.fund_source_id JOIN tenants t ON t.id = g.tenant_id
       LEFT JOIN municipalities tm ON tm.istat_code = t.istat_code
       LEFT JOIN provinces tp ON tp.id = coalesce(tm.province_id, (SELECT id FROM provinces WHERE istat_code = t.istat_code))
       GROUP BY 1, 2 ORDER BY sum(g.total) DESC`,
    );
    return { allocationTotals: rows };
  },
};

async function run(claims: AccessClaims, handler: Handler, variables: Row): Promise<unknown> {
  const db = await pool.connect();
  try {
    const allTenants = claims.role === 'ADMIN' || (claims.role === 'ANALYST' && !claims.tenantId);
    await db.query(claims.role === 'ANALYST' ? 'BEGIN READ ONLY' : 'BEGIN');
    await db.query(APP_BEGIN, signedIdentity(requestKey, { tenantId: claims.tenantId, userId: claims.userId, allTenants }));
    const data = await handler(db, new Scope(claims.tenantId), variables);
    await db.query('COMMIT');
    return data;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const route = (req.url ?? '').replace(/^\/q\//, '');
  const handler = QUERIES[route] as Handler | undefined;
  if (!handler && route !== 'q0') {
    res.writeHead(404).end();
    return;
  }
  const claims = await verifyAccessToken(secret, (req.headers.authorization ?? '').replace(/^Bearer /, ''));
  if (!claims || claims.role === 'ADMIN') {
    res.writeHead(401).end();
    return;
  }
  // q0 is `{ __typename }`: the HTTP server and the token, with nothing behind them.
  const data = handler ? await run(claims, handler, chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {}) : { __typename: 'Query' };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
}

const server = createServer((req, res) => {
  respond(req, res).catch((error) => {
    console.error(error);
    res.writeHead(500).end();
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`floor ready on ${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
