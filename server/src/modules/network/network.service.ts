import { EntityManager } from 'typeorm';
import { BatchReads, present, RequestContext } from '../../common/request';
import { conflict, DomainError, ErrorCode, notFound } from '../../common/errors';
import { plainRows, scopedQuery } from '../../db/scoped-query';
import { authorizeWrite } from '../../crud/crud.service';
import { CrisisCompany } from '../crisis-company/crisis-company.entity';
import { Allocation, FundSource } from '../funding/funding.entity';
import { FundingTier, Measure, RuleCode } from '../measure/measure.entity';
import { Partner } from '../partner/partner.entity';
import { AtecoSector, PartnerType } from '../reference/reference.entities';
import { ComplianceReport, MemberRole, Network, NetworkCompany, NetworkMember, NetworkStatus, StatusTransition } from './network.entity';
import { RecipientEnrolment, RecipientKind } from '../recipient/recipient.entity';
import { evaluateRules, judgedOn, MeasureParameters, NetworkSnapshot, RuleViolation, transitionsFrom } from './network.rules';
import { atLeast, atMost, linkedBy, NetworkGuard, NetworkImpact, NetworkReach, oneOf, Resource } from '../../crud/resource';
import { todayInItaly } from '../../common/dates';
import * as inputs from './network.inputs';
import { servicePlanViolations } from '../service-plan/service-plan.compliance';
import { planOfAccountsCompliance } from '../plan-of-accounts/plan-of-accounts.compliance';
import { projectSheetCompliance } from '../project-sheet/project-sheet.compliance';
import { cpiCompetenceCompliance } from '../cpi-competence/cpi-competence.compliance';

/** Rules other modules check on what hangs on a network; each loads what it needs through the loaders. */
const COMPLIANCE_EXTENSIONS: ((network: Network, loaders: BatchReads) => Promise<RuleViolation[]>)[] = [servicePlanViolations, planOfAccountsCompliance, projectSheetCompliance, cpiCompetenceCompliance];

export const ruleViolation = (message: string, violations: RuleViolation[] = [], details: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.RULE_VIOLATION, message, { violations, ...details });

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
  const [types, namedTypes, companies, sources] = await Promise.all([
    loaders.byId(PartnerType).loadMany([...new Set(partners.map((p) => p.partnerTypeId))]).then(present),
    loaders.manyBy(PartnerType, 'code').loadMany([...measure.leadPartnerTypeCodes, ...measure.requiredPartnerTypeCodes]).then((found) => present(found).flat()),
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
      asOf: judgedOn(todayInItaly(), network.startDate, network.endDate),
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
        return { partnerId: m.partnerId, role: m.role, joinedOn: m.joinedOn, leftOn: m.leftOn, partnerTypeCode: typeCode.get(partner?.partnerTypeId ?? '') ?? '', labourAccredited: partner?.labourAccredited ?? false };
      }),
      partnerTypeNames: Object.fromEntries([...types, ...namedTypes].map((t) => [t.code, t.name])),
      companies: companies.map((c) => {
        const sector = c.atecoSectorId ? sectorById.get(c.atecoSectorId) : undefined;
        return { id: c.id, supplyChain: c.supplyChain, expectedRedundancies: c.expectedRedundancies, parentTaxCode: c.parentTaxCode, atecoDivision: sector && sector.level !== 'SECTION' ? sector.code.slice(0, 2) : null };
      }),
      allocations: allocations.map((a) => ({ id: a.id, fundSourceId: a.fundSourceId, kind: a.kind, amount: a.amount, status: a.status, allocatedOn: a.allocatedOn })),
      fundSources: sources.map((s, i) => ({ id: s.id, name: s.name, budget: s.budget, committed: committed[i], availableFrom: s.availableFrom, availableTo: s.availableTo })),
    },
    params: { ...measure, tiers },
  };
}

/** The rules broken now; those a planned departure will break later are `upcoming`. */
export async function complianceOf(network: Network, loaders: BatchReads): Promise<ComplianceReport> {
  const { snapshot, params } = await snapshotOf(network, loaders);
  const extensions = await Promise.all(COMPLIANCE_EXTENSIONS.map((check) => check(network, loaders)));
  const all = [...evaluateRules(snapshot, params), ...extensions.flat()];
  const violations = all.filter((v) => !v.from);
  return {
    ok: violations.length === 0,
    violations,
    upcoming: all.filter((v) => v.from),
    plannedRecipients: network.plannedRecipients,
    enrolledRecipients: snapshot.enrolled.suspended + snapshot.enrolled.unemployed,
  };
}

/**
 * Only the money limits, for an allocation that has just been written: checked whatever the
 * network's status. The fund's total, the one figure other tenants change, is read last under the
 * fund's transaction lock, which serialises its writers: everything else is loaded before it is
 * taken, so the lock is held for the check and the commit only.
 */
export async function allocationLimitsOf(ctx: RequestContext, manager: EntityManager, allocation: Allocation): Promise<RuleViolation[]> {
  const network = await scopedQuery(manager, Network, ctx.principal).andWhere('r.id = :id', { id: allocation.networkId }).getOne();
  if (!network) throw notFound('Network', allocation.networkId);
  const { snapshot, params } = await snapshotOf(network, ctx.newLoaders());
  const [{ committed }] = await manager.query('SELECT fund_source_committed($1, true)::text AS committed', [allocation.fundSourceId]);
  const fundSources = snapshot.fundSources.map((f) => (f.id === allocation.fundSourceId ? { ...f, committed } : f));
  const rules = [RuleCode.FUND_BUDGET, ...params.rules.filter((r) => r === RuleCode.TIER_CAP)];
  return evaluateRules({ ...snapshot, fundSources }, { ...params, rules }).filter((v) => v.rule === RuleCode.TIER_CAP || v.ids.includes(allocation.id) || v.ids.includes(allocation.fundSourceId));
}

/** Where a network may go from its status, and the rules that block activation. */
export async function allowedTransitions(network: Network, loaders: BatchReads): Promise<StatusTransition[]> {
  const violations = network.status === NetworkStatus.DRAFT ? (await complianceOf(network, loaders)).violations : [];
  return transitionsFrom(network.status, violations).map(({ status, blockedBy }) => ({ status, allowed: blockedBy.length === 0, blockedBy }));
}

/** An ACTIVE network that breaks a rule, e.g. after an administrator changed its measure's parameters. */
export async function activeViolationCount(network: Network, loaders: BatchReads): Promise<number> {
  return network.status === NetworkStatus.ACTIVE ? (await complianceOf(network, loaders)).violations.length : 0;
}

const READ_ONLY = [NetworkStatus.CLOSED, NetworkStatus.WITHDRAWN];
const ruleKey = (v: RuleViolation) => `${v.rule}:${v.field}`;

async function networksByIds(ctx: RequestContext, manager: EntityManager, ids: string[]): Promise<Network[]> {
  return ids.length ? scopedQuery(manager, Network, ctx.principal).andWhere('r.id IN (:...ids)', { ids }).getMany() : [];
}

/**
 * How a resource's writes are checked against the networks they reach:
 * - OWN: the network's own records (itself, members, companies, allocations, enrolments). A closed
 *   or withdrawn network refuses them; an ACTIVE one refuses what would break a rule.
 * - ENFORCE: records networks draw on (partners, companies in crisis, partner types, fund
 *   sources): refused when they would make an ACTIVE network break a rule.
 * - PREVIEW: administrators' rule parameters (measures, tiers, compatibilities): allowed, and
 *   previewUpdateX lists beforehand the ACTIVE networks they would put out of compliance.
 * A rule an ACTIVE network already broke (after a parameter change, say) does not block other
 * changes: only rules the write newly breaks count.
 */
function guardNetworks(mode: 'OWN' | 'ENFORCE' | 'PREVIEW'): NetworkGuard {
  return {
    async before(ctx, manager, ids) {
      const loaders = ctx.newLoaders();
      const networks = await networksByIds(ctx, manager, ids);
      const states = await Promise.all(
        networks.map(async (n) => [n.id, { status: n.status, broken: n.status === NetworkStatus.ACTIVE ? new Set((await complianceOf(n, loaders)).violations.map(ruleKey)) : new Set<string>() }] as const),
      );
      return new Map(states);
    },
    async after(ctx, manager, ids, before, preview) {
      const previous = before as Map<string, { status: NetworkStatus; broken: Set<string> }>;
      const loaders = ctx.newLoaders();
      const networks = await networksByIds(ctx, manager, ids);
      if (mode === 'OWN') {
        const frozen = networks.find((n) => READ_ONLY.includes(previous.get(n.id)?.status ?? n.status));
        if (frozen) throw ruleViolation(`La rete ${frozen.code} è ${frozen.status === NetworkStatus.CLOSED ? 'chiusa' : 'ritirata'} e non può più cambiare.`);
      }
      // All at once, so the loaders batch their reads across the networks.
      const checked = await Promise.all(
        networks
          .filter((n) => n.status === NetworkStatus.ACTIVE)
          .map(async (network) => {
            const broken = previous.get(network.id)?.broken ?? new Set<string>();
            const fresh = (await complianceOf(network, loaders)).violations.filter((v) => !broken.has(ruleKey(v)));
            return { networkId: network.id, code: network.code, title: network.title, violations: fresh };
          }),
      );
      const impacts: NetworkImpact[] = checked.filter((impact) => impact.violations.length);
      if (impacts.length && mode !== 'PREVIEW' && !preview) {
        const codes = impacts.map((i) => i.code).join(', ');
        throw ruleViolation(
          impacts.length === 1 ? `La modifica farebbe violare le regole della misura alla rete attiva ${codes}.` : `La modifica farebbe violare le regole della misura alle reti attive ${codes}.`,
          impacts.flatMap((i) => i.violations as RuleViolation[]),
          { networks: impacts.map(({ networkId, code, title }) => ({ networkId, code, title })) },
        );
      }
      return impacts;
    },
  };
}

/** A resource's reach: which networks a record touches, and how its writes are checked. */
export function reachesNetworks<E>(mode: 'OWN' | 'ENFORCE' | 'PREVIEW', networksOf: NetworkReach<E>['networksOf']): NetworkReach<E> {
  return { networksOf, guard: guardNetworks(mode) };
}

/** The ids of the ACTIVE networks a query over `networks n` finds (visible to the caller). */
export async function activeNetworks(manager: EntityManager, where: string, params: unknown[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(`SELECT n.id FROM networks n WHERE n.status = 'ACTIVE' AND (${where})`, params);
  return rows.map((r) => r.id);
}

/** The network a member, company link, allocation or enrolment belongs to. */
export const ownNetwork = <E extends { networkId: string }>(): NetworkReach<E> => reachesNetworks<E>('OWN', (_manager, record) => (record.networkId ? [record.networkId] : []));

export async function setNetworkStatus(ctx: RequestContext, id: string, version: number, status: NetworkStatus): Promise<Network> {
  authorizeWrite(ctx, 'TENANT');
  return ctx.scope.write(async (manager) => {
    const network = await scopedQuery(manager, Network, ctx.principal).andWhere('r.id = :id', { id }).getOne();
    if (!network) throw notFound('Network', id);
    if (network.version !== version) throw conflict('Network was changed by someone else; reload it and retry', { id, version });
    const transition = (await allowedTransitions(network, ctx.newLoaders())).find((t) => t.status === status);
    if (!transition) throw ruleViolation(`Una rete nello stato ${network.status} non può passare a ${status}.`);
    if (!transition.allowed) throw ruleViolation('La rete non rispetta ancora le regole della misura.', transition.blockedBy);
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

/**
 * Makes a member the network's lead (capofila) in one step: the current lead becomes a partner
 * and the member the lead, in one savepoint, each UPDATE checking the version it read, then the
 * network's rules are checked as after any change to its roster.
 */
export async function makeNetworkLead(ctx: RequestContext, memberId: string, version: number): Promise<NetworkMember> {
  authorizeWrite(ctx, 'TENANT');
  return ctx.scope.write(async (manager) => {
    const [member] = await plainRows(scopedQuery(manager, NetworkMember, ctx.principal).andWhere('r.id = :memberId', { memberId }));
    if (!member) throw notFound('NetworkMember', memberId);
    if (member.version !== version) throw conflict('The member was changed by someone else; reload it and retry', { id: memberId, version });
    if (member.role === MemberRole.LEAD) return member;
    const guard = guardNetworks('OWN');
    const before = await guard.before(ctx, manager, [member.networkId]);
    const setRole = async (id: string, role: MemberRole, expected: number) => {
      const result = await manager
        .createQueryBuilder()
        .update(NetworkMember)
        .set({ role, updatedAt: () => 'now()' })
        .where('tenant_id = :tenantId AND id = :id AND version = :expected', { tenantId: member.tenantId, id, expected })
        .returning('id')
        .execute();
      if (!result.raw.length) throw conflict('The roster was changed by someone else; reload it and retry', { id, version: expected });
    };
    const [lead] = await plainRows(
      scopedQuery(manager, NetworkMember, ctx.principal).andWhere('r.networkId = :networkId AND r.role = :role', { networkId: member.networkId, role: MemberRole.LEAD }),
    );
    if (lead) await setRole(lead.id, MemberRole.PARTNER, lead.version);
    await setRole(member.id, MemberRole.LEAD, version);
    await guard.after(ctx, manager, [member.networkId], before, false);
    const [updated] = await plainRows(scopedQuery(manager, NetworkMember, ctx.principal).andWhere('r.id = :memberId', { memberId }));
    return updated;
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
    afterRemove(_ctx, _manager, network) {
      if (network.status !== NetworkStatus.DRAFT) throw ruleViolation('Si possono eliminare solo le reti in bozza: ritirala invece.');
    },
  },
  networks: reachesNetworks('OWN', (_manager, network) => (network.id ? [network.id] : [])),
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
  networks: ownNetwork(),
  createInput: inputs.CreateNetworkMemberInput,
  updateInput: inputs.UpdateNetworkMemberInput,
};

export const networkCompanyResource: Resource<NetworkCompany, inputs.CreateNetworkCompanyInput, inputs.NetworkCompanyFilter> = {
  entity: NetworkCompany,
  name: 'networkCompany',
  plural: 'networkCompanies',
  searchable: [],
  filter: inputs.NetworkCompanyFilter,
  networks: ownNetwork(),
  createInput: inputs.CreateNetworkCompanyInput,
  updateInput: inputs.UpdateNetworkCompanyInput,
};
