import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

/** Allocations in the database at which sequential createAllocation is timed. */
export const ALLOCATION_LEVELS = [10_000, 100_000, 1_000_000];
/** The p50 at the last level over the p50 at the first: what "the same cost at a million rows" allows. */
const TARGET_RATIO = 1.2;
const WRITES = 200;
const WARM_UP = 20;
/** Rows added per statement while filling up to a level. */
const CHUNK = 100_000;

/** The app role's database time so far (planning and execution), when pg_stat_statements is there: on a shared machine, steadier than latency. */
async function databaseMs(db: Client): Promise<number | undefined> {
  const { rows } = await db.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'`);
  if (!rows.length) return undefined;
  const [{ ms }] = (await db.query(`SELECT coalesce(sum(total_plan_time + total_exec_time), 0)::float8 AS ms FROM pg_stat_statements WHERE userid = 'reti_app'::regrole`)).rows;
  return ms;
}

/** The app role's statements that took the most database time since the last reset, per write: what grows with the rows, if anything does. */
async function costliestStatements(db: Client, writes: number): Promise<string> {
  const { rows } = await db.query(
    `SELECT regexp_replace(left(query, 70), '\\s+', ' ', 'g') AS query, (total_plan_time + total_exec_time)::float8 AS ms, calls::int AS calls
     FROM pg_stat_statements WHERE userid = 'reti_app'::regrole ORDER BY ms DESC LIMIT 4`,
  );
  return rows.map((r) => `${(r.ms / writes).toFixed(2)} ms ${r.calls / writes === 1 ? '' : `(${(r.calls / writes).toFixed(1)}×) `}${r.query}`).join('\n    ');
}

type GraphQL = (query: string, variables: Record<string, unknown>) => Promise<any>;

/**
 * Sequential createAllocation by one editor, over HTTP, at each level of allocations in the
 * database. The writes go to a new DRAFT network of the editor's tenant at each level, from a new fund source
 * that every filler row draws on as well (so a sum over the fund's rows would grow with them),
 * with a budget and caps far above what the writes add: only the cost of the checks is measured.
 * The filler rows are spread over every tenant's networks, written as the owner with
 * generate_series, every trigger in force (the rollup stays exact).
 */
export async function allocationWriteFigures(ownerUrl: string, tenantId: string, signIn: () => Promise<GraphQL>): Promise<void> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    await db.query(`SET synchronous_commit = off`);
    const [{ id: fundSourceId }] = (await db.query(
      `INSERT INTO fund_sources (code, name, programme, budget) VALUES ('BENCH_WRITES', 'Fondo del bench delle scritture', 'Bench', 900000000000) RETURNING id`,
    )).rows;
    // The measure whose largest tier holds the most: planned recipients at that tier's lower bound.
    const [tier] = (await db.query(`SELECT measure_id, min_recipients FROM funding_tiers ORDER BY max_contribution DESC LIMIT 1`)).rows;
    // A new network at each level: the writes of one level would otherwise weigh on the next one's
    // caps (each write reads its own network's allocations), which is not what grows with the region.
    const newNetwork = async (level: number): Promise<string> =>
      (await db.query(
        `INSERT INTO networks (tenant_id, code, title, measure_id, status, start_date, end_date, planned_suspended, planned_unemployed)
         VALUES ($1, $2, 'Rete del bench delle scritture', $3, 'DRAFT', current_date - 30, current_date + 300, $4, 0) RETURNING id`,
        [tenantId, `RB-WRITES-${level}`, tier.measure_id, tier.min_recipients],
      )).rows[0].id;
    let networkId = '';
    // Signed in afresh at each level: filling a level can outlast an access token.
    let graphql: GraphQL;
    const create = (i: number) =>
      graphql(`mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
        input: { networkId, fundSourceId, amount: '0.01', allocatedOn: new Date().toISOString().slice(0, 10), kind: 'VOUCHER', status: 'COMMITTED', note: `bench ${i}` },
      });

    await db.query(`CREATE TEMP TABLE bench_writes_network AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, tenant_id, id FROM networks`);
    const networks = Number((await db.query(`SELECT count(*) FROM bench_writes_network`)).rows[0].count);

    const p50s: number[] = [];
    const counts: number[] = [];
    let written = 0;
    for (const level of ALLOCATION_LEVELS) {
      let count = Number((await db.query(`SELECT count(*) FROM allocations`)).rows[0].count);
      const fillStarted = performance.now();
      while (count < level) {
        const rows = Math.min(CHUNK, level - count);
        await db.query(
          `INSERT INTO allocations (tenant_id, network_id, fund_source_id, amount, allocated_on, kind, status)
           SELECT n.tenant_id, n.id, $2, 0.01 + (i % 100) / 100.0, date '2022-01-01' + (i % 1000), (ARRAY['PROCESS', 'RESULT', 'VOUCHER'])[i % 3 + 1],
                  CASE WHEN i % 20 = 0 THEN 'REVOKED' ELSE 'COMMITTED' END
           FROM generate_series($3::int + 1, $3::int + $1::int) i JOIN bench_writes_network n ON n.k = i % $4`,
          [rows, fundSourceId, count, networks],
        );
        count += rows;
      }
      await db.query(`VACUUM ANALYZE allocations, allocation_totals`);
      const fillSeconds = (performance.now() - fillStarted) / 1000;
      graphql = await signIn();
      networkId = await newNetwork(level);
      for (let i = 0; i < WARM_UP; i++) await create(written++);
      const measured = (await databaseMs(db)) !== undefined;
      if (measured) await db.query('SELECT pg_stat_statements_reset()');
      const latencies: number[] = [];
      for (let i = 0; i < WRITES; i++) {
        const started = performance.now();
        await create(written++);
        latencies.push(performance.now() - started);
      }
      const dbPerWrite = measured ? (await databaseMs(db))! / WRITES : undefined;
      latencies.sort((a, b) => a - b);
      const p50 = latencies[Math.floor(latencies.length / 2)];
      p50s.push(p50);
      counts.push(count);
      console.log(`Reti createAllocation with ${count.toLocaleString('en')} allocations: p50 ${p50.toFixed(1)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)].toFixed(1)} ms${dbPerWrite === undefined ? '' : `, database ${dbPerWrite.toFixed(2)} ms per write`} (${WRITES} sequential, over HTTP; filled in ${fillSeconds.toFixed(0)} s)`);
      if (dbPerWrite !== undefined) console.log(`  per write, the costliest statements:\n    ${await costliestStatements(db, WRITES)}`);
    }
    // What the budget check reads, against what it read before the rollup answered it (a sum over the fund's allocations).
    const timed = async (sql: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 21; i++) {
        const started = performance.now();
        await db.query(sql, [fundSourceId]);
        runs.push(performance.now() - started);
      }
      return runs.sort((a, b) => a - b)[10].toFixed(2);
    };
    const fromRollup = await timed(`SELECT fund_source_committed($1)`);
    const fromAllocations = await timed(`SELECT coalesce(sum(amount), 0) FROM allocations WHERE fund_source_id = $1 AND status = 'COMMITTED'`);
    console.log(`The fund's committed total at ${ALLOCATION_LEVELS[ALLOCATION_LEVELS.length - 1].toLocaleString('en')} allocations, p50: ${fromRollup} ms from the rollup (fund_source_committed), ${fromAllocations} ms summed over its allocations`);
    const ratio = p50s[p50s.length - 1] / p50s[0];
    console.log(`Reti createAllocation p50 at ${counts[counts.length - 1].toLocaleString('en')} / at ${counts[0].toLocaleString('en')} allocations: ${ratio.toFixed(2)}   target ≤ ${TARGET_RATIO}`);
  } finally {
    await db.end();
  }
}
