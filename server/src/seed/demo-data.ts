import { CrudService } from '../crud/crud.service';
import { Resource } from '../crud/resource';
import { createContext, Services } from '../graphql/context';
import { Principal } from '../common/request';
import { tenantResource } from '../modules/tenant/tenant.service';
import { userResource } from '../modules/user/user.service';
import { partnerResource } from '../modules/partner/partner.service';
import { crisisCompanyResource } from '../modules/crisis-company/crisis-company.service';
import { networkCompanyResource, networkMemberResource, networkResource } from '../modules/network/network.service';
import { allocationResource } from '../modules/funding/funding.service';

export const DEMO_TENANT_CODE = 'DEMO_MI';
export const DEMO_PASSWORD = 'reti-demo-2026';
export const DEMO_USERS = { editor: 'editor@demo.reti.local', analyst: 'analyst@demo.reti.local' };

/**
 * A small, clearly labelled demo dataset so that a newcomer sees a populated registry. It goes
 * through the same services and rules as the API. Loaded once: skipped when the demo tenant exists.
 */
export async function loadDemoData(services: Services): Promise<boolean> {
  const dataSource = services.pools.app;
  const [existing] = await dataSource.query('SELECT 1 FROM tenants WHERE code = $1', [DEMO_TENANT_CODE]);
  if (existing) return false;
  const ids = async (table: string, key: string) =>
    new Map<string, string>((await dataSource.query(`SELECT ${key} AS k, id FROM ${table}`)).map((r: { k: string; id: string }) => [r.k, r.id]));
  const [types, measures, sources, municipalities] = await Promise.all([
    ids('partner_types', 'code'), ids('measures', 'code'), ids('fund_sources', 'code'), ids('municipalities', 'istat_code'),
  ]);

  const run = async <T>(principal: Principal, work: (create: <E extends object>(r: Resource<E & { id: string }, object>, input: object) => Promise<E & { id: string }>) => Promise<T>) => {
    const ctx = createContext(services, principal);
    try {
      return await work((resource, input) => new CrudService(resource).create(ctx, input));
    } finally {
      await ctx.scope.finish();
    }
  };
  const admin: Principal = { userId: null, role: 'ADMIN', tenantId: null };
  const tenant = await run(admin, async (create) => {
    const created = await create(tenantResource, { code: DEMO_TENANT_CODE, name: 'DEMO – Città metropolitana di Milano', kind: 'METROPOLITAN_CITY', istatCode: '215' });
    await create(userResource, { email: DEMO_USERS.editor, displayName: 'Operatore demo', role: 'EDITOR', tenantId: created.id, active: true, password: DEMO_PASSWORD });
    await create(userResource, { email: DEMO_USERS.analyst, displayName: 'Analista demo', role: 'ANALYST', tenantId: created.id, active: true, password: DEMO_PASSWORD });
    return created;
  });

  await run({ ...admin, tenantId: tenant.id }, async (create) => {
    const partner = (legalName: string, taxCode: string, type: string, extra: object = {}) =>
      create(partnerResource, { legalName, taxCode, partnerTypeId: types.get(type), municipalityId: municipalities.get('015182'), labourAccredited: false, trainingAccredited: false, ...extra });
    const province = await partner('Città metropolitana di Milano', '08911820960', 'PROVINCE');
    await partner('Comune di Rho', '00893240150', 'LOCAL_AUTHORITY');
    const cpi = await partner('DEMO – Centro per l’Impiego di Rho', '09118200964', 'CPI');
    const operator = await partner('DEMO – Operatore accreditato al lavoro', '12345678903', 'LABOUR_OPERATOR', { labourAccredited: true, labourRegisterNumber: 'DEMO-0001' });
    const union = await partner('DEMO – Organizzazione sindacale territoriale', '07654321095', 'TRADE_UNION');
    const company = await create(crisisCompanyResource, {
      name: 'DEMO – Meccanica Rhodense S.p.A.', taxCode: '13579246805', municipalityId: municipalities.get('015182'),
      crisisInstrument: 'CIGS', workersInvolved: 60, expectedRedundancies: 25, supplyChain: 'Meccanica', unionAgreementOn: '2022-09-15',
    });
    const network = await create(networkResource, {
      code: 'DEMO-GOL5-001', title: 'DEMO – Rete per la ricollocazione dei lavoratori della Meccanica Rhodense',
      measureId: measures.get('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2023-01-16', endDate: '2023-12-31',
      plannedSuspended: 25, plannedUnemployed: 0, supplyChain: 'Meccanica', description: 'Dati dimostrativi: DEMO_DATA=0 li disattiva.',
    });
    for (const [member, role] of [[operator, 'LEAD'], [province, 'PARTNER'], [cpi, 'PARTNER'], [union, 'PARTNER']] as const) {
      await create(networkMemberResource, { networkId: network.id, partnerId: member.id, role, joinedOn: '2023-01-16' });
    }
    await create(networkCompanyResource, { networkId: network.id, crisisCompanyId: company.id });
    await create(allocationResource, { networkId: network.id, fundSourceId: sources.get('GOL_PNRR_2022'), amount: '48500.00', allocatedOn: '2023-01-20', kind: 'PROCESS', status: 'COMMITTED' });
  });
  return true;
}
