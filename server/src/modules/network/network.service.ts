import { EntityManager } from 'typeorm';
import { BatchReads, present, RequestContext } from '../../common/request';
import { conflict, DomainError, ErrorCode, notFound } from '../../common/errors';
import { scopedQuery } from '../../db/scoped-query';
import { authorizeWrite } from '../../crud/crud.service';
import { CrisisCompany } from '../crisis-company/crisis-company.entity';
import { Allocation, FundSource } from '../funding/funding.entity';
import { FundingTier, Measure } from '../measure/measure.entity';
import { Partner } from '../partner/partner.entity';
import { AtecoSector, PartnerType } from '../reference/reference.entities';
import { ComplianceReport, Network, NetworkCompany, NetworkMember, NetworkStatus } from './network.entity';
import { RecipientEnrolment, RecipientKind } from '../recipient/recipient.entity';
import { evaluateRules, MeasureParameters, NetworkSnapshot, RuleViolation } from './network.rules';
import { atLeast, atMost, linkedBy, oneOf, Resource, WriteHooks } from '../../crud/resource';
import * as inputs from './network.inputs';
import { servicePlanViolations } from '../service-plan/service-plan.compliance';
import { planOfAccountsCompliance } from '../plan-of-accounts/plan-of-accounts.compliance';
import { projectSheetCompliance } from '../project-sheet/project-sheet.compliance';
import { cpiCompetenceCompliance } from '../cpi-competence/cpi-competence.compliance';

/** Rules other modules check on what hangs on a network; each loads what it needs through the loaders. */
const COMPLIANCE_EXTENSIONS: ((network: Network, loaders: BatchReads) => Promise<RuleViolation[]>)[] = [servicePlanViolations, planOfAccountsCompliance, projectSheetCompliance, cpiCompetenceCompliance];

const TRANSITIONS: Record<NetworkStatus, NetworkStatus[]> = {
  DRAFT: [NetworkStatus.ACTIVE, NetworkStatus.WITHDRAWN],
  ACTIVE: [NetworkStatus.CLOSED, NetworkStatus.WITHDRAWN],
  CLOSED: [],
  WITHDRAWN: [],
};

export const ruleViolation = (message: string, violations: RuleViolation[] = []) =>
  new DomainError(ErrorCode.RULE_VIOLATION, message, { violations });

/** Loads what the rules need through batch loaders, so a list of networks costs a few queries. */
async function snapshotOf(network: Network, loaders: BatchReads): Promise<{ snapshot: NetworkSnapshot; params: MeasureParameters }> {
  const [measure, tiers, members, links, allocations, enrolments, overlappingEnrolments] = await Promise.all([
    loaders.byId(Measure).load(network.measureId),
    loaders.manyBy(FundingTier, 'measureId', 'minRecipients').load(network.measureId),
    loaders.manyBy(NetworkMember, 'networkId', 'role').load(network.id),
    loaders.manyBy(NetworkCompany, 'networkId').load(network.id),
    loaders.manyBy(Allocation, 'networkId').load(network.id),
    loaders.manyBy(RecipientEnrolment, 'networkId').load(network.id),
    loaders.exclusiveOverlaps.load(network.id),
  ]);
  if (!measure) throw notFound('Measure', network.measureId);
  const partners = present(await loaders.byId(Partner).loadMany(members.map((m) => m.partnerId)));
  const [types, companies, sources] = await Promise.all([
    loaders.byId(PartnerType).loadMany([...new Set(partners.map((p) => p.partnerTypeId))]).then(present),
    loaders.byId(CrisisCompany).loadMany(links.map((l) => l.crisisCompanyId)).then(present),
    loaders.byId(FundSource).loadMany([...new Set(allocations.map((a) => a.fundSourceId))]).then(present),
  ]);
  const sectors = present(await loaders.byId(AtecoSector).loadMany(companies.flatMap((c) => (c.atecoSectorId ? [c.atecoSectorId] : []))));
  const committed = await Promise.all(sources.map((s) => loaders.fundCommitted.load(s.id)));
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const typeCode = new Map(types.map((t) => [t.id, t.code]));
  const sectorById = new Map(sectors.map((s) => [s.id, s]));
  return {
    snapshot: {
      startDate: network.startDate,
      endDate: network.endDate,
      planned: { suspended: network.plannedSuspended, unemployed: network.plannedUnemployed },
      enrolled: {
        suspended: enrolments.filter((e) => e.kind === RecipientKind.SUSPENDED).length,
        unemployed: enrolments.filter((e) => e.kind === RecipientKind.UNEMPLOYED).length,
      },
      overlappingEnrolments,
      members: members.map((m) => {
        const partner = partnerById.get(m.partnerId);
        return { partnerId: m.partnerId, role: m.role, leftOn: m.leftOn, partnerTypeCode: typeCode.get(partner?.partnerTypeId ?? '') ?? '', labourAccredited: partner?.labourAccredited ?? false };
      }),
      companies: companies.map((c) => {
        const sector = c.atecoSectorId ? sectorById.get(c.atecoSectorId) : undefined;
        return { id: c.id, supplyChain: c.supplyChain, parentTaxCode: c.parentTaxCode, atecoDivision: sector && sector.level !== 'SECTION' ? sector.code.slice(0, 2) : null };
      }),
      allocations: allocations.map((a) => ({ kind: a.kind, amount: a.amount, status: a.status })),
      fundSources: sources.map((s, i) => ({ id: s.id, code: s.code, budget: s.budget, committed: committed[i] })),
    },
    params: { ...measure, tiers },
  };
}

export async function complianceOf(network: Network, loaders: BatchReads): Promise<ComplianceReport> {
  const { snapshot, params } = await snapshotOf(network, loaders);
  const extensions = await Promise.all(COMPLIANCE_EXTENSIONS.map((check) => check(network, loaders)));
  const violations = [...evaluateRules(snapshot, params), ...extensions.flat()];
  return {
    ok: violations.length === 0,
    violations,
    plannedRecipients: network.plannedRecipients,
    enrolledRecipients: snapshot.enrolled.suspended + snapshot.enrolled.unemployed,
  };
}

/**
 * Hooks of the records that hang on a network (members, company links, enrolments): a change
 * re-checks the network the record joins, and the one it leaves when it moves.
 */
export function guardsItsNetwork<E extends { networkId: string }, C>(): WriteHooks<E, C> {
  return {
    async afterWrite(ctx, manager, record, previous) {
      if (previous && previous.networkId !== record.networkId) await guardNetworkChange(ctx, manager, previous.networkId);
      await guardNetworkChange(ctx, manager, record.networkId);
    },
    afterRemove: (ctx, manager, record) => guardNetworkChange(ctx, manager, record.networkId),
  };
}

/**
 * Called after any write that touches a network (its fields, members, companies, allocations),
 * inside the write's savepoint. CLOSED and WITHDRAWN networks are read-only; an ACTIVE network
 * must stay compliant. Fresh loaders: the request's own may hold rows from before the write.
 */
export async function guardNetworkChange(ctx: RequestContext, manager: EntityManager, networkId: string, statusBefore?: NetworkStatus): Promise<void> {
  const network = await scopedQuery(manager, Network, ctx.principal).andWhere('r.id = :networkId', { networkId }).getOne();
  const status = statusBefore ?? network?.status;
  if (status === NetworkStatus.CLOSED || status === NetworkStatus.WITHDRAWN) {
    throw ruleViolation(`The network is ${status} and can no longer change`);
  }
  if (network?.status === NetworkStatus.ACTIVE) {
    const report = await complianceOf(network, ctx.newLoaders());
    if (!report.ok) throw ruleViolation('The change would make an active network break its measure’s rules', report.violations);
  }
}

export async function setNetworkStatus(ctx: RequestContext, id: string, version: number, status: NetworkStatus): Promise<Network> {
  authorizeWrite(ctx, 'TENANT');
  return ctx.scope.write(async (manager) => {
    const network = await scopedQuery(manager, Network, ctx.principal).andWhere('r.id = :id', { id }).getOne();
    if (!network) throw notFound('Network', id);
    if (network.version !== version) throw conflict('Network was changed by someone else; reload it and retry', { id, version });
    if (!TRANSITIONS[network.status].includes(status)) {
      throw ruleViolation(`A ${network.status} network cannot become ${status}`);
    }
    if (status === NetworkStatus.ACTIVE) {
      const report = await complianceOf(network, ctx.newLoaders());
      if (!report.ok) throw ruleViolation('The network does not meet its measure’s rules yet', report.violations);
    }
    const result = await manager
      .createQueryBuilder()
      .update(Network)
      .set({ status, updatedAt: () => 'now()' })
      .where('tenant_id = :tenantId AND id = :id AND version = :version', { tenantId: network.tenantId, id, version })
      .returning('*')
      .execute();
    if (!result.raw.length) throw conflict('Network was changed by someone else; reload it and retry', { id, version });
    return manager.getRepository(Network).create({ ...network, status, version: version + 1, updatedAt: result.raw[0].updated_at });
  });
}

export const networkResource: Resource<Network, inputs.CreateNetworkInput, inputs.NetworkFilter> = {
  entity: Network,
  name: 'network',
  plural: 'networks',
  searchable: ['code', 'title', 'supplyChain'],
  filter: inputs.NetworkFilter,
  filterRules: {
    statuses: oneOf('status'),
    partnerId: linkedBy(NetworkMember, 'networkId', 'partnerId'),
    startDateFrom: atLeast('startDate'),
    startDateTo: atMost('startDate'),
  },
  hooks: {
    afterWrite: (ctx, manager, network, previous) => guardNetworkChange(ctx, manager, network.id, previous?.status),
    afterRemove(_ctx, _manager, network) {
      if (network.status !== NetworkStatus.DRAFT) throw ruleViolation('Only draft networks can be deleted; withdraw it instead');
    },
  },
  createInput: inputs.CreateNetworkInput,
  updateInput: inputs.UpdateNetworkInput,
  defaultSort: { field: 'startDate', order: 'DESC' },
};

export const networkMemberResource: Resource<NetworkMember, inputs.CreateNetworkMemberInput, inputs.NetworkMemberFilter> = {
  entity: NetworkMember,
  name: 'networkMember',
  plural: 'networkMembers',
  searchable: [],
  filter: inputs.NetworkMemberFilter,
  hooks: guardsItsNetwork(),
  createInput: inputs.CreateNetworkMemberInput,
  updateInput: inputs.UpdateNetworkMemberInput,
};

export const networkCompanyResource: Resource<NetworkCompany, inputs.CreateNetworkCompanyInput, inputs.NetworkCompanyFilter> = {
  entity: NetworkCompany,
  name: 'networkCompany',
  plural: 'networkCompanies',
  searchable: [],
  filter: inputs.NetworkCompanyFilter,
  hooks: guardsItsNetwork(),
  createInput: inputs.CreateNetworkCompanyInput,
  updateInput: inputs.UpdateNetworkCompanyInput,
};
