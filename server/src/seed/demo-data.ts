import { createHash } from 'node:crypto';
import { CrudService } from '../crud/crud.service';
import { Resource } from '../crud/resource';
import { createContext, Services } from '../graphql/context';
import { Principal } from '../common/request';
import { personCheckCharacter } from '../common/tax-code';
import { tenantResource } from '../modules/tenant/tenant.service';
import { userResource } from '../modules/user/user.service';
import { partnerResource } from '../modules/partner/partner.service';
import { crisisCompanyResource } from '../modules/crisis-company/crisis-company.service';
import { networkCompanyResource, networkMemberResource, networkResource, setNetworkStatus } from '../modules/network/network.service';
import { NetworkStatus } from '../modules/network/network.entity';
import { allocationResource } from '../modules/funding/funding.service';
import { recipientEnrolmentResource } from '../modules/recipient/recipient.service';
import { recipientServiceResource } from '../modules/service-plan/service-plan.service';
import { accountLineResource } from '../modules/plan-of-accounts/plan-of-accounts.service';
import { projectSheetResource } from '../modules/project-sheet/project-sheet.service';
import {
  ambitoMunicipalityResource,
  awardCodesignCall,
  codesignActionResource,
  codesignCallResource,
  codesignCriterionResource,
  codesignEvaluatorResource,
  codesignProposalPartnerResource,
  codesignProposalResource,
  codesignScoreResource,
  setCodesignCallStatus,
  submitCodesignProposal,
} from '../modules/codesign/codesign.service';
import { CallStatus } from '../modules/codesign/codesign.entity';
import { AMBITO_RHODENSE } from './codesign-reference';

export const DEMO_TENANT_CODE = 'DEMO_MI';
export const DEMO_PASSWORD = 'reti-demo-2026';

/** Who to sign in as for each journey (README, "Demo data"). */
export const DEMO_ROLES = {
  editor: 'Operatore della Città metropolitana: reti, piani individuali, piano dei conti, scheda progetto',
  analyst: 'Analista della Città metropolitana: sola lettura, area di analisi',
  ambito: "Ufficio di piano dell'Ambito: istruttorie di coprogettazione, chiusura, valutazione, aggiudicazione",
  evaluator: "Secondo valutatore dell'Ambito",
  body1: 'Ente del terzo settore: proposte',
  body2: 'Secondo ente del terzo settore: proposte',
} as const;
export type DemoRole = keyof typeof DEMO_ROLES;

/** The demo users' e-mails; a tag (tests) gives a separate set beside the real demo. */
export function demoUsers(tag = ''): Record<DemoRole, string> {
  const at = (name: string) => `${name}${tag ? `.${tag.toLowerCase()}` : ''}@demo.reti.local`;
  return { editor: at('editor'), analyst: at('analyst'), ambito: at('ambito'), evaluator: at('valutatore'), body1: at('ets1'), body2: at('ets2') };
}
export const DEMO_USERS = demoUsers();

export interface DemoData {
  users: Record<DemoRole, string>;
  userIds: Record<DemoRole, string>;
  tenants: { province: string; ambito: string; body1: string; body2: string };
  networks: { gol: string; faseII: string };
  calls: { open: string; pastDeadline: string; underEvaluation: string; awarded: string };
  /** The latest of the deadlines that have passed (every call's but the open one's). */
  deadline: Date;
}

const SECTIONS = {
  recipientTypes: 'Giovani inoccupati e adulti over 50 residenti nei comuni dell’Ambito',
  territorialNeeds: 'Scarso accesso al lavoro e poche occasioni di tirocinio nel Rhodense',
  generalObjectives: 'Sostenere l’integrazione lavorativa delle persone fragili',
  specificObjectives: 'Tirocini inclusivi e mediazione con le imprese del territorio',
  activities: 'Orientamento, bilancio di competenze, tirocini accompagnati da un tutor',
  timing: '12 mesi dall’avvio',
  humanResources: '2 educatori, 1 tutor aziendale, 1 coordinatore',
  networkActors: 'Servizi sociali comunali, Centro per l’Impiego, associazioni di categoria',
  expectedOutputs: '30 tirocini avviati, 10 assunzioni',
  monitoringTools: 'Schede individuali, report trimestrali, questionari alle imprese',
};

/**
 * A person's codice fiscale that no real person has (invented surname and name letters), distinct per
 * tag and index. The tests seed several tagged datasets into one database at once, so every character
 * a tag decides comes from its hash: tags that differ only in digits used to share their people, and
 * an activation then found them enrolled in another network.
 */
export function demoPersonTaxCode(tag: string, i: number): string {
  const h = tag ? createHash('sha256').update(tag).digest() : undefined;
  const letters = h ? [0, 1, 2].map((k) => String.fromCharCode(65 + (h[k] % 26))).join('') : 'XXX';
  const year = h ? String(h[3] % 100).padStart(2, '0') : '80';
  const month = h ? 'ABCDEHLMPRST'[h[4] % 12] : 'A';
  const first15 = `DMO${letters}${year}${month}${String(i + 1).padStart(2, '0')}F205`;
  return first15 + personCheckCharacter(first15);
}

/**
 * A small, clearly labelled demo dataset with which every documented journey can be tried at once:
 * a Fase II network with its catalogue, enrolled recipients, planned and delivered services, plan of
 * accounts and project sheet; an ACTIVE GOL Percorso 5 network that raising its measure's minimum
 * partners would break; co-design calls published, past their deadline, under evaluation and
 * awarded. Everything goes through the same services and rules as the API, as the people concerned
 * (the calls' deadline really passes, without waiting: see the co-design part).
 */
export async function seedDemo(services: Services, tag = ''): Promise<DemoData> {
  const dataSource = services.pools.app;
  const suffix = tag ? `_${tag.toUpperCase()}` : '';
  const codeOf = (code: string) => `${code}${suffix.replace('_', '-')}`;
  const users = demoUsers(tag);
  const ids = async (table: string, key: string) =>
    new Map<string, string>((await dataSource.query(`SELECT ${key} AS k, id FROM ${table}`)).map((r: { k: string; id: string }) => [r.k, r.id]));
  const [types, measures, sources, municipalities, targetGroups] = await Promise.all([
    ids('partner_types', 'code'), ids('measures', 'code'), ids('fund_sources', 'code'), ids('municipalities', 'istat_code'), ids('target_groups', 'code'),
  ]);
  const serviceTypes = new Map<string, string>(
    (await dataSource.query('SELECT m.code || \'/\' || s.code AS k, s.id FROM service_types s JOIN measures m ON m.id = s.measure_id')).map((r: { k: string; id: string }) => [r.k, r.id]),
  );
  const rho = municipalities.get('015182');

  type Create = <E extends object>(r: Resource<E & { id: string }, object>, input: object) => Promise<E & { id: string }>;
  type Ctx = ReturnType<typeof createContext>;
  /** One transaction as `principal` (the deadline checks read the transaction's time). */
  const run = async <T>(principal: Principal, work: (create: Create, ctx: Ctx) => Promise<T>) => {
    const ctx = createContext(services, principal);
    try {
      return await work((resource, input) => new CrudService(resource).create(ctx, input), ctx);
    } finally {
      await ctx.scope.finish();
    }
  };
  const admin: Principal = { userId: null, role: 'ADMIN', tenantId: null };

  const userIds = {} as Record<DemoRole, string>;
  const tenants = await run(admin, async (create) => {
    const tenant = (code: string, name: string, kind: string, istatCode?: string) => create(tenantResource, { code: `${code}${suffix}`, name, kind, istatCode });
    const province = await tenant(DEMO_TENANT_CODE, 'DEMO – Città metropolitana di Milano', 'METROPOLITAN_CITY', '215');
    const ambito = await tenant('DEMO_AMBITO_RHO', 'DEMO – Ambito territoriale del Rhodense', 'AMBITO', AMBITO_RHODENSE.istatCode);
    const body1 = await tenant('DEMO_ETS_1', 'DEMO – Cooperativa sociale Il Ponte', 'THIRD_SECTOR_BODY');
    const body2 = await tenant('DEMO_ETS_2', 'DEMO – Associazione Lavoro e Comunità', 'THIRD_SECTOR_BODY');
    for (const istat of AMBITO_RHODENSE.municipalities) await create(ambitoMunicipalityResource, { ambitoId: ambito.id, municipalityId: municipalities.get(istat) });
    const user = async (role: DemoRole, displayName: string, kind: 'EDITOR' | 'ANALYST', tenantId: string) => {
      userIds[role] = (await create(userResource, { email: users[role], displayName, role: kind, tenantId, active: true, password: DEMO_PASSWORD })).id;
    };
    await user('editor', 'Operatore demo', 'EDITOR', province.id);
    await user('analyst', 'Analista demo', 'ANALYST', province.id);
    await user('ambito', 'Ufficio di piano demo', 'EDITOR', ambito.id);
    await user('evaluator', 'Valutatrice demo', 'EDITOR', ambito.id);
    await user('body1', 'Referente Il Ponte (demo)', 'EDITOR', body1.id);
    await user('body2', 'Referente Lavoro e Comunità (demo)', 'EDITOR', body2.id);
    return { province: province.id, ambito: ambito.id, body1: body1.id, body2: body2.id };
  });

  // Co-design first. Every deadline check reads the time its transaction started (now()), so the
  // bodies' transactions open first, then the Ambito's, and the deadlines of the calls that are to
  // close fall just after: the Ambito publishes before them and the bodies submit before them, as
  // people would have done in the days before; the transactions that close the calls start after.
  // Nothing waits, and nothing is written behind the rules' back.
  const ambitoEditor: Principal = { userId: userIds.ambito, role: 'EDITOR', tenantId: tenants.ambito };
  const evaluator: Principal = { userId: userIds.evaluator, role: 'EDITOR', tenantId: tenants.ambito };
  const bodies = [
    { principal: { userId: userIds.body1, role: 'EDITOR', tenantId: tenants.body1 } as Principal, name: 'DEMO – Cooperativa sociale Il Ponte', taxCode: '02468013574' },
    { principal: { userId: userIds.body2, role: 'EDITOR', tenantId: tenants.body2 } as Principal, name: 'DEMO – Associazione Lavoro e Comunità', taxCode: '97531086425' },
  ];
  const later = new Date(Date.now() + 90 * 86_400_000);
  const callSpecs = [
    ['pastDeadline', 'SCADUTA', 'Reinserimento lavorativo degli adulti over 50'],
    ['underEvaluation', 'VALUTAZIONE', 'Lavoro e conciliazione per genitori soli'],
    ['awarded', 'AGGIUDICATA', 'Integrazione lavorativa di soggetti fragili'],
    ['open', 'APERTA', 'Tirocini inclusivi per giovani inoccupati'],
  ] as const;
  const calls = {} as Record<keyof DemoData['calls'], { id: string; version: number; criteria: string[] }>;
  const proposals = {} as Record<string, string[]>;
  const bodyContexts = bodies.map((body) => createContext(services, body.principal));
  let deadline: Date;
  try {
    for (const ctx of bodyContexts) await ctx.scope.begin();
    await run(ambitoEditor, async (create, ctx) => {
      // A moment after the Ambito's transaction began, hence after the bodies' too, by the database's clock.
      const [{ ms }] = await (await ctx.scope.manager()).query(`SELECT floor(extract(epoch FROM now()) * 1000)::bigint + 1 AS ms`);
      deadline = new Date(Number(ms));
      for (const [key, code, title] of callSpecs) {
        const call = await create(codesignCallResource, {
          code: codeOf(`DEMO-COPROG-${code}`),
          title: `DEMO – ${title}`,
          object: 'Coprogettazione (art. 55 D.Lgs. 117/2017) di azioni per l’integrazione lavorativa di soggetti fragili residenti nell’Ambito.',
          generalObjectives: 'Favorire l’accesso al lavoro delle persone fragili del territorio.',
          resources: 'Fondi dell’Ambito per le politiche sociali (dati dimostrativi).',
          budget: '120000.00',
          targetGroupIds: [targetGroups.get('YOUNG_NOT_IN_WORK'), targetGroups.get('ADULTS_OVER_50'), targetGroups.get('SINGLE_PARENTS')],
          deadline: key === 'open' ? later : deadline,
        });
        const criteria = [];
        for (const [position, name, weight] of [[1, 'Qualità della proposta', 60], [2, 'Radicamento territoriale', 40]] as const) {
          criteria.push((await create(codesignCriterionResource, { callId: call.id, name, weight, position })).id);
        }
        const published = await setCodesignCallStatus(ctx, call.id, (call as unknown as { version: number }).version, CallStatus.PUBLISHED);
        calls[key] = { id: call.id, version: published.version, criteria };
      }
    });
    // The bodies' transactions, open since before the deadline, read the published calls now.
    for (const [i, body] of bodies.entries()) {
      const ctx = bodyContexts[i];
      const create: Create = (resource, input) => new CrudService(resource).create(ctx, input);
      for (const [key] of callSpecs) {
        const proposal = await create(codesignProposalResource, {
          callId: calls[key].id, title: i === 0 ? 'DEMO – Lavoro in rete' : 'DEMO – Comunità al lavoro', leadLegalName: body.name, leadTaxCode: body.taxCode,
          summary: 'Proposta dimostrativa.',
        });
        await create(codesignActionResource, { proposalId: proposal.id, title: i === 0 ? 'Tirocini inclusivi' : 'Mediazione con le imprese', position: 1, ...SECTIONS });
        await create(codesignProposalPartnerResource, {
          proposalId: proposal.id, legalName: i === 0 ? 'DEMO – Associazione Partner Rho' : 'DEMO – Fondazione Comunità Nord Milano',
          taxCode: i === 0 ? '13579024681' : '86420975319', partnerTypeId: types.get('THIRD_SECTOR'),
        });
        // On the open call the second body keeps a draft, which the Ambito never sees.
        if (key === 'open' && i === 1) continue;
        await submitCodesignProposal(ctx, proposal.id, (proposal as unknown as { version: number }).version);
        (proposals[key] ??= []).push(proposal.id);
      }
      await ctx.scope.finish();
    }
  } finally {
    for (const ctx of bodyContexts) await ctx.scope.discard();
  }

  // The commission is fixed when a call closes and nobody appoints themself: the two Ambito users
  // appoint each other (on the call past its deadline, only the demo user is appointed so far).
  await run(evaluator, async (create) => {
    for (const key of ['pastDeadline', 'underEvaluation', 'awarded'] as const) await create(codesignEvaluatorResource, { callId: calls[key].id, userId: userIds.ambito });
  });
  await run(ambitoEditor, async (create) => {
    for (const key of ['underEvaluation', 'awarded'] as const) await create(codesignEvaluatorResource, { callId: calls[key].id, userId: userIds.evaluator });
  });

  const networks = await run({ ...admin, tenantId: tenants.province }, async (create, ctx) => {
    const partner = (legalName: string, taxCode: string, type: string, extra: object = {}) =>
      create(partnerResource, { legalName, taxCode, partnerTypeId: types.get(type), municipalityId: rho, labourAccredited: false, trainingAccredited: false, ...extra });
    const province = await partner('Città metropolitana di Milano', '08911820960', 'PROVINCE');
    await partner('Comune di Rho', '00893240150', 'LOCAL_AUTHORITY');
    const cpi = await partner('DEMO – Centro per l’Impiego di Rho', '09118200964', 'CPI', { coveredMunicipalityIds: AMBITO_RHODENSE.municipalities.map((m) => municipalities.get(m)) });
    const operator = await partner('DEMO – Operatore accreditato al lavoro', '12345678903', 'LABOUR_OPERATOR', { labourAccredited: true, labourRegisterNumber: 'DEMO-0001' });
    const union = await partner('DEMO – Organizzazione sindacale territoriale', '07654321095', 'TRADE_UNION');
    const trainer = await partner('DEMO – Ente di formazione accreditato', '11223344554', 'TRAINING_OPERATOR', { trainingAccredited: true });

    // GOL Percorso 5: ACTIVE; with its four members, a minimum of more partners would break it.
    const company = await create(crisisCompanyResource, {
      name: 'DEMO – Meccanica Rhodense S.p.A.', taxCode: '13579246805', municipalityId: rho,
      crisisInstrument: 'CIGS', workersInvolved: 60, expectedRedundancies: 25, supplyChain: 'Meccanica', unionAgreementOn: '2022-09-15',
    });
    const gol = await create(networkResource, {
      code: codeOf('DEMO-GOL5-001'), title: 'DEMO – Rete per la ricollocazione dei lavoratori della Meccanica Rhodense',
      measureId: measures.get('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2023-01-16', endDate: '2023-12-31',
      plannedSuspended: 25, plannedUnemployed: 0, supplyChain: 'Meccanica', description: 'Dati dimostrativi: DEMO_DATA=0 li disattiva.',
    });
    for (const [member, role] of [[operator, 'LEAD'], [province, 'PARTNER'], [cpi, 'PARTNER'], [union, 'PARTNER']] as const) {
      await create(networkMemberResource, { networkId: gol.id, partnerId: member.id, role, joinedOn: '2023-01-16' });
    }
    await create(networkCompanyResource, { networkId: gol.id, crisisCompanyId: company.id });
    await create(allocationResource, { networkId: gol.id, fundSourceId: sources.get('GOL_PNRR_2022'), amount: '48500.00', allocatedOn: '2023-01-20', kind: 'PROCESS', status: 'COMMITTED' });
    for (let i = 0; i < 3; i++) {
      const enrolment = await create(recipientEnrolmentResource, {
        networkId: gol.id, taxCode: demoPersonTaxCode(tag, 20 + i), kind: 'SUSPENDED', enrolledOn: '2023-02-01', residenceMunicipalityId: rho, relocationAllowance: false,
      });
      await create(recipientServiceResource, {
        enrolmentId: enrolment.id, serviceTypeId: serviceTypes.get('RETE_RICOLLOCAZIONE_GOL_P5/ORIENTAMENTO_SPECIALISTICO'), partnerId: cpi.id,
        status: 'DELIVERED', delivery: 'GROUP', serviceDate: '2023-02-15', hours: 4, amount: '140.00',
      });
    }
    const golActive = await setNetworkStatus(ctx, gol.id, (gol as unknown as { version: number }).version, NetworkStatus.ACTIVE);

    // Fase II, ACTIVE too: the measure with a service catalogue and hour caps; recipients with their
    // plans, the plan of accounts and the project sheet.
    const faseII = await create(networkResource, {
      code: codeOf('DEMO-FASE2-001'), title: 'DEMO – Rete Fase II per i lavoratori della logistica del Nord Ovest',
      measureId: measures.get('AZIONI_RETE_FASE_II'), startDate: '2021-04-01', endDate: '2022-03-31',
      plannedSuspended: 0, plannedUnemployed: 12, supplyChain: 'Logistica', description: 'Dati dimostrativi: DEMO_DATA=0 li disattiva.',
    });
    for (const [member, role] of [[operator, 'LEAD'], [cpi, 'PARTNER'], [trainer, 'PARTNER'], [union, 'PARTNER']] as const) {
      await create(networkMemberResource, { networkId: faseII.id, partnerId: member.id, role, joinedOn: '2021-04-01' });
    }
    const logistics = await create(crisisCompanyResource, {
      name: 'DEMO – Logistica Nord Ovest S.r.l.', taxCode: '24681357901', municipalityId: municipalities.get('015170'),
      crisisInstrument: 'CIGS', workersInvolved: 40, expectedRedundancies: 12, supplyChain: 'Logistica', unionAgreementOn: '2021-02-10',
    });
    await create(networkCompanyResource, { networkId: faseII.id, crisisCompanyId: logistics.id });
    const st = (code: string) => serviceTypes.get(`AZIONI_RETE_FASE_II/${code}`);
    for (let i = 0; i < 12; i++) {
      const enrolment = await create(recipientEnrolmentResource, {
        networkId: faseII.id, taxCode: demoPersonTaxCode(tag, i), kind: 'UNEMPLOYED', enrolledOn: '2021-04-15', aidBand: 1 + (i % 4),
        residenceMunicipalityId: municipalities.get(AMBITO_RHODENSE.municipalities[i % 9]), previousContract: 'SUBORDINATE', relocationAllowance: false,
        phase2ServiceTypeId: st('INSERIMENTO_LAVORO'),
      });
      const service = (code: string, status: string, serviceDate: string, hours: number, amount: string, partnerId = operator.id) =>
        create(recipientServiceResource, { enrolmentId: enrolment.id, serviceTypeId: st(code), partnerId, status, delivery: 'INDIVIDUAL', serviceDate, hours, amount });
      await service('PRESA_IN_CARICO', 'DELIVERED', '2021-04-20', 1, '35.00');
      await service('COLLOQUIO_SPECIALISTICO', 'DELIVERED', '2021-04-27', 1, '35.00');
      await service('COACHING', 'PLANNED', '2021-05-10', 4, '140.00');
      await service('INSERIMENTO_LAVORO', 'PLANNED', '2021-09-01', 0, '1835.00');
    }
    for (const [code, amount] of [['PRESA_IN_CARICO', '840.00'], ['COLLOQUIO_SPECIALISTICO', '840.00'], ['COACHING', '16800.00'], ['FORMAZIONE', '24000.00'], ['INSERIMENTO_LAVORO', '22020.00']] as const) {
      await create(accountLineResource, { networkId: faseII.id, serviceTypeId: st(code), plannedAmount: amount });
    }
    await create(projectSheetResource, {
      networkId: faseII.id, applicationDate: '2021-03-15',
      companyContext: 'Un’azienda della logistica in crisi, con esuberi previsti nel magazzino di Pero.',
      recipientsProfile: '12 lavoratori disoccupati, magazzinieri e carrellisti, residenti nel Rhodense.',
      specificObjectives: 'Ricollocare almeno metà dei lavoratori entro 12 mesi.',
      partnership: 'Capofila accreditato ai servizi al lavoro, CPI di Rho, ente di formazione, sindacato.',
      organisation: 'Cabina di regia mensile presso il capofila.',
      timeline: 'Aprile 2021 – marzo 2022.',
      expectedResults: 'Inserimenti lavorativi e qualificazioni nella logistica.',
      expectedPlacements: 6,
    });
    await create(allocationResource, { networkId: faseII.id, fundSourceId: sources.get('AZIONI_RETE'), amount: '20000.00', allocatedOn: '2021-04-20', kind: 'PROCESS', status: 'COMMITTED' });
    await setNetworkStatus(ctx, faseII.id, (faseII as unknown as { version: number }).version, NetworkStatus.ACTIVE);
    return { gol: golActive.id, faseII: faseII.id };
  });

  // The deadline passed a millisecond after the Ambito's transaction began, long before this one: the Ambito closes two calls and awards one.
  await run(ambitoEditor, async (_create, ctx) => {
    for (const key of ['underEvaluation', 'awarded'] as const) {
      calls[key].version = (await setCodesignCallStatus(ctx, calls[key].id, calls[key].version, CallStatus.CLOSED)).version;
    }
  });
  // Both evaluators score the call to award; on the call under evaluation only the second has begun.
  const score = (principal: Principal, key: keyof typeof calls, marks: number[][]) =>
    run(principal, async (create) => {
      for (const [p, proposalId] of proposals[key].entries()) {
        for (const [c, criterionId] of calls[key].criteria.entries()) {
          await create(codesignScoreResource, { proposalId, criterionId, score: marks[p][c], reason: 'Valutazione dimostrativa: proposta coerente con gli obiettivi del bando.' });
        }
      }
    });
  await score(ambitoEditor, 'awarded', [[52, 34], [45, 30]]);
  await score(evaluator, 'awarded', [[50, 36], [44, 28]]);
  await score(evaluator, 'underEvaluation', [[48, 30], [40, 35]]);
  await run(ambitoEditor, (_create, ctx) =>
    awardCodesignCall(ctx, calls.awarded.id, calls.awarded.version, {
      proposalIds: [proposals.awarded[0]], actNumber: 'Determina DEMO 12/2026', actDate: new Date().toISOString().slice(0, 10),
      networkCode: codeOf('DEMO-COPROG-001'), startDate: new Date().toISOString().slice(0, 10), endDate: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    }),
  );

  return {
    users,
    userIds,
    tenants,
    networks,
    calls: { open: calls.open.id, pastDeadline: calls.pastDeadline.id, underEvaluation: calls.underEvaluation.id, awarded: calls.awarded.id },
    deadline: deadline!,
  };
}

/** Loads the demo once: skipped when the demo tenant exists. */
export async function loadDemoData(services: Services): Promise<boolean> {
  const [existing] = await services.pools.app.query('SELECT 1 FROM tenants WHERE code = $1', [DEMO_TENANT_CODE]);
  if (existing) return false;
  await seedDemo(services);
  return true;
}
