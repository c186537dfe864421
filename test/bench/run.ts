import 'reflect-metadata';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/src/app';
import { startEmbeddedPostgres } from '../../server/src/db/embedded';
import { appRoleUrl } from '../../server/src/db/bootstrap';
import { prepareRegistryDatabase, registryDataSource } from '../../server/src/registry';
import { Principal } from '../../server/src/common/request';
import { organisationCheckDigit } from '../../server/src/common/tax-code';

/**
 * Prints performance figures on a throwaway embedded PostgreSQL. Targets live here, not in tests:
 * start-up ≤ 10 s, a page of 50 networks with their relations p95 ≤ 150 ms, writes ≥ 100/s,
 * a 5,000-row CSV import ≤ 10 s.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reti-bench-'));
  chmodSync(dataDir, 0o755);
  let t = performance.now();
  const pg = await startEmbeddedPostgres({ dataDir, port: 54399, password: 'bench', persistent: false });
  await prepareRegistryDatabase(pg.url, 'bench_app_password');
  const dataSource = registryDataSource({ url: appRoleUrl(pg.url, 'bench_app_password'), poolSize: 10 });
  await dataSource.initialize();
  const app = await createApp({ dataSource, jwtSecret: new TextEncoder().encode('bench-secret-bench-secret-bench-secret!!'), keys: { recipientHash: new TextEncoder().encode('bench-recipient-key-bench-recipient-key') } });
  const startup = performance.now() - t;

  const gql = async (principal: Principal, query: string, variables?: Record<string, unknown>) => {
    const res = await app.apollo.executeOperation({ query, variables }, { contextValue: app.contextFor(principal) });
    const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
    if (!body || body.errors) throw new Error(JSON.stringify(body?.errors));
    return body.data as Record<string, any>;
  };
  const admin: Principal = { userId: null, role: 'ADMIN', tenantId: null };
  const tenant = (await gql(admin, `mutation { createTenant(input: { code: "BENCH", name: "Bench", kind: PROVINCE }) { id } }`)).createTenant.id;
  const editor: Principal = { userId: null, role: 'EDITOR', tenantId: tenant };
  const [{ id: typeId }] = await dataSource.query(`SELECT id FROM partner_types WHERE code = 'LABOUR_OPERATOR'`);
  const [{ id: measureId }] = await dataSource.query(`SELECT id FROM measures WHERE code = 'AZIONI_RETE_FASE_II'`);

  const writes = 300;
  t = performance.now();
  const partners: string[] = [];
  for (let i = 0; i < writes; i++) {
    const body = String(10_000_000 + i).padStart(10, '0');
    const taxCode = body + organisationCheckDigit(body);
    partners.push((await gql(editor, `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { id } }`, { i: { legalName: `Partner ${i}`, taxCode, partnerTypeId: typeId, labourAccredited: true } })).createPartner.id);
  }
  const writeSeconds = (performance.now() - t) / 1000;

  for (let n = 0; n < 200; n++) {
    const network = (await gql(editor, `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`, {
      i: { code: `B-${n}`, title: `Rete ${n}`, measureId, startDate: '2021-03-01', endDate: '2022-02-28', plannedSuspended: 20 },
    })).createNetwork.id;
    for (let m = 0; m < 3; m++) {
      await gql(editor, `mutation($i: CreateNetworkMemberInput!) { createNetworkMember(input: $i) { id } }`, { i: { networkId: network, partnerId: partners[(n + m) % partners.length], role: m === 0 ? 'LEAD' : 'PARTNER' } });
    }
  }
  const rows = ['ragione_sociale;codice_fiscale;tipo;comune_istat'];
  for (let i = 0; i < 5000; i++) {
    const body = String(20_000_000 + i).padStart(10, '0');
    rows.push(`Soggetto importato ${i};${body}${organisationCheckDigit(body)};OTHER;015182`);
  }
  t = performance.now();
  const imported = (await gql(editor, `mutation($csv: String!) { importCsv(kind: PARTNERS, csv: $csv, dryRun: false) { imported } }`, { csv: rows.join('\n') })).importCsv.imported;
  const importSeconds = (performance.now() - t) / 1000;

  const timings: number[] = [];
  for (let run = 0; run < 100; run++) {
    t = performance.now();
    await gql(editor, `{ networks(perPage: 50, page: ${1 + (run % 4)}) { total items { code lead { legalName } members { role partner { legalName partnerType { code } } } compliance { ok } } } }`);
    timings.push(performance.now() - t);
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))].toFixed(1);

  console.log(`start-up (embedded PostgreSQL, migrations, reference data, API): ${(startup / 1000).toFixed(2)} s   target ≤ 10 s`);
  console.log(`createPartner: ${(writes / writeSeconds).toFixed(0)} writes/s (${writes} sequential)   target ≥ 100/s`);
  console.log(`CSV import of ${imported} partners (check and write, one transaction): ${importSeconds.toFixed(2)} s   target ≤ 10 s`);
  console.log(`networks page of 50 with lead, members, partners, compliance: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms (100 runs)   target p95 ≤ 150 ms`);

  await app.apollo.stop();
  await dataSource.destroy();
  await pg.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
