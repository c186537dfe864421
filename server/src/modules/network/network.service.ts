import { EntityManager } from 'typeorm';
import { BatchReads, RequestContext } from '../../common/request';
import { conflict, notFound } from '../../common/errors';
import { plainRows, scopedQuery } from '../../db/scoped-query';
import { authorizeWrite } from '../../crud/crud.service';
import { Allocation } from '../funding/funding.entity';
import { ComplianceReport, MemberRole, Network, NetworkCompany, NetworkMember, NetworkStatus, StatusTransition } from './network.entity';
import { RuleViolation, transitionsFrom } from './network.rules';
import { evaluateNetworkRules, networkRules, ruleViolation } from './rule-registry';
import { forgetSnapshots, networkSnapshot } from './network.snapshot';
import { atLeast, atMost, linkedBy, oneOf, Resource, WriteGuard } from '../../crud/resource';
import * as inputs from './network.inputs';

export { ruleViolation } from './rule-registry';

/** The registered rules broken now; those a planned departure will break later are `upcoming`. */
export async function complianceOf(network: Network, loaders: BatchReads): Promise<ComplianceReport> {
  const [all, snapshot] = await Promise.all([evaluateNetworkRules(network, loaders), networkSnapshot(network, loaders)]);
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
 * The hard limits (LIMIT rules) a write to `resource` reaches, judged whatever the network's status
 * on the network after the write, as far as they concern the record written: findings that name no
 * record, or the record, or one it refers to. `settle` runs once everything is loaded and before the
 * rules judge: the place to read, under a lock held only from then to the commit, the one figure
 * other tenants change.
 */
export async function limitsBrokenBy(
  ctx: RequestContext,
  manager: EntityManager,
  resource: string,
  networkId: string,
  record: object,
  settle?: (loaders: BatchReads) => Promise<void>,
): Promise<RuleViolation[]> {
  const network = await scopedQuery(manager, Network, ctx.principal).andWhere('r.id = :id', { id: networkId }).getOne();
  if (!network) throw notFound('Network', networkId);
  const loaders = ctx.newLoaders();
  const options = { limits: true, which: (rule: { kind: string; reachedBy: readonly string[] }) => rule.kind === 'LIMIT' && rule.reachedBy.includes(resource) };
  let violations = await evaluateNetworkRules(network, loaders, options);
  if (settle) {
    await settle(loaders);
    forgetSnapshots(loaders);
    violations = await evaluateNetworkRules(network, loaders, options);
  }
  const named = new Set(Object.values(record).filter((v): v is string => typeof v === 'string'));
  return violations.filter((v) => !v.ids.length || v.ids.some((id) => named.has(id)));
}

/**
 * Only the money limits, for an allocation that has just been written: checked whatever the
 * network's status. The fund's total, the one figure other tenants change, is read last under the
 * fund's transaction lock, which serialises its writers: everything else is loaded before it is
 * taken, so the lock is held for the check and the commit only.
 */
export function allocationLimitsOf(ctx: RequestContext, manager: EntityManager, allocation: Allocation): Promise<RuleViolation[]> {
  return limitsBrokenBy(ctx, manager, 'allocation', allocation.networkId, allocation, async (loaders) => {
    const [{ committed }] = await manager.query('SELECT fund_source_committed($1, true)::text AS committed', [allocation.fundSourceId]);
    loaders.fundCommitted.clear(allocation.fundSourceId).prime(allocation.fundSourceId, committed);
  });
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
/** What an ACTIVE network broke: each rule and field, with the records named. */
type Broken = Map<string, Set<string>>;
const brokenBy = (violations: RuleViolation[]): Broken => {
  const broken: Broken = new Map();
  for (const v of violations) broken.set(ruleKey(v), new Set([...(broken.get(ruleKey(v)) ?? []), ...v.ids]));
  return broken;
};
/** A rule it did not break before, or, for a rule that names its offenders, a record it did not name. */
function newlyBroken(v: RuleViolation, broken: Broken): boolean {
  const named = broken.get(ruleKey(v));
  if (!named) return true;
  return networkRules().some((rule) => rule.code === v.rule && rule.namesOffenders) && v.ids.some((id) => !named.has(id));
}

async function networksByIds(ctx: RequestContext, manager: EntityManager, ids: string[]): Promise<Network[]> {
  return ids.length ? scopedQuery(manager, Network, ctx.principal).andWhere('r.id IN (:...ids)', { ids }).getMany() : [];
}

/** An ACTIVE network a change would make break rules it kept before, and those rules (previewUpdateX lists them). */
export interface NetworkImpact {
  networkId: string;
  code: string;
  title: string;
  violations: RuleViolation[];
}

/** What the compliance guard knew before a write: the networks it reached, each one's status and the rules it already broke. */
interface NetworksBefore {
  ids: string[];
  networks: Map<string, { status: NetworkStatus; broken: Broken }>;
}

/**
 * How a resource's writes are checked against the networks they reach:
 * - OWN: the network's own records (itself, members, companies, allocations, enrolments). A closed
 *   or withdrawn network refuses them; an ACTIVE one refuses what would break a rule.
 * - ENFORCE: records networks draw on (partners, companies in crisis, partner types, fund
 *   sources): refused when they would make an ACTIVE network break a rule.
 * - PREVIEW: administrators' rule parameters (measures, tiers, compatibilities): allowed, and
 *   previewUpdateX lists beforehand the ACTIVE networks they would put out of compliance.
 */
export type NetworkGuardMode = 'OWN' | 'ENFORCE' | 'PREVIEW';

/**
 * The write guard that re-checks the networks a record reaches (`networksOf`, from the record as it
 * stands and as written) against the registered rules. A rule an ACTIVE network already broke
 * (after a parameter change, say) does not block other changes: only rules the write newly breaks count.
 */
export function networkComplianceGuard<E>(options: {
  mode: NetworkGuardMode;
  /** From the record written, or from the input of a record about to be created. */
  networksOf(manager: EntityManager, record: Partial<E>): Promise<string[]> | string[];
}): WriteGuard<E, NetworksBefore, NetworkImpact> {
  const { mode, networksOf } = options;
  return {
    async before(ctx, manager, record) {
      const ids = await networksOf(manager, record);
      const loaders = ctx.newLoaders();
      const networks = await networksByIds(ctx, manager, ids);
      const states = await Promise.all(
        networks.map(async (n) => [n.id, { status: n.status, broken: n.status === NetworkStatus.ACTIVE ? brokenBy((await complianceOf(n, loaders)).violations) : (new Map() as Broken) }] as const),
      );
      return { ids, networks: new Map(states) };
    },
    async after(ctx, manager, before, record, { preview }) {
      const ids = [...new Set([...before.ids, ...(record ? await networksOf(manager, record) : [])])];
      const loaders = ctx.newLoaders();
      const networks = await networksByIds(ctx, manager, ids);
      if (mode === 'OWN') {
        const frozen = networks.find((n) => READ_ONLY.includes(before.networks.get(n.id)?.status ?? n.status));
        if (frozen) {
          const closed = frozen.status === NetworkStatus.CLOSED;
          throw ruleViolation(`La rete ${frozen.code} è ${closed ? 'chiusa' : 'ritirata'} e non può più cambiare.`, `Network ${frozen.code} is ${closed ? 'closed' : 'withdrawn'} and can no longer change.`);
        }
      }
      // All at once, so the loaders batch their reads across the networks.
      const checked = await Promise.all(
        networks
          .filter((n) => n.status === NetworkStatus.ACTIVE)
          .map(async (network) => {
            const broken = before.networks.get(network.id)?.broken ?? new Map();
            const fresh = (await complianceOf(network, loaders)).violations.filter((v) => newlyBroken(v, broken));
            return { networkId: network.id, code: network.code, title: network.title, violations: fresh };
          }),
      );
      const impacts = checked.filter((impact) => impact.violations.length);
      if (impacts.length && mode !== 'PREVIEW' && !preview) {
        const codes = impacts.map((i) => i.code).join(', ');
        throw ruleViolation(
          impacts.length === 1 ? `La modifica farebbe violare le regole della misura alla rete attiva ${codes}.` : `La modifica farebbe violare le regole della misura alle reti attive ${codes}.`,
          impacts.length === 1 ? `The change would make active network ${codes} break its measure's rules.` : `The change would make active networks ${codes} break their measure's rules.`,
          impacts.flatMap((i) => i.violations),
          { networks: impacts.map(({ networkId, code, title }) => ({ networkId, code, title })) },
        );
      }
      return impacts;
    },
  };
}

/** The ids of the ACTIVE networks a query over `networks n` finds (visible to the caller). */
export async function activeNetworks(manager: EntityManager, where: string, params: unknown[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(`SELECT n.id FROM networks n WHERE n.status = 'ACTIVE' AND (${where})`, params);
  return rows.map((r) => r.id);
}

/** The guard of a network's own records (a member, company link, allocation or enrolment): the network it belongs to. */
export const ownNetworkGuard = <E extends { networkId: string }>() =>
  networkComplianceGuard<E>({ mode: 'OWN', networksOf: (_manager, record) => (record.networkId ? [record.networkId] : []) });

export async function setNetworkStatus(ctx: RequestContext, id: string, version: number, status: NetworkStatus): Promise<Network> {
  authorizeWrite(ctx, 'TENANT');
  return ctx.scope.write(async (manager) => {
    const network = await scopedQuery(manager, Network, ctx.principal).andWhere('r.id = :id', { id }).getOne();
    if (!network) throw notFound('Network', id);
    if (network.version !== version) throw conflict('Network was changed by someone else; reload it and retry', { id, version });
    const transition = (await allowedTransitions(network, ctx.newLoaders())).find((t) => t.status === status);
    if (!transition) throw ruleViolation(`Una rete nello stato ${network.status} non può passare a ${status}.`, `A network in status ${network.status} cannot move to ${status}.`);
    if (!transition.allowed) throw ruleViolation('La rete non rispetta ancora le regole della misura.', "The network does not keep its measure's rules yet.", transition.blockedBy);
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
    const guard = ownNetworkGuard<NetworkMember>();
    const before = await guard.before(ctx, manager, member);
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
    await guard.after(ctx, manager, before, member, { preview: false });
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
      if (network.status !== NetworkStatus.DRAFT) throw ruleViolation('Si possono eliminare solo le reti in bozza: ritirala invece.', 'Only draft networks can be deleted: withdraw it instead.');
    },
  },
  guards: [networkComplianceGuard<Network>({ mode: 'OWN', networksOf: (_manager, network) => (network.id ? [network.id] : []) })],
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
  guards: [ownNetworkGuard()],
  createInput: inputs.CreateNetworkMemberInput,
  updateInput: inputs.UpdateNetworkMemberInput,
};

export const networkCompanyResource: Resource<NetworkCompany, inputs.CreateNetworkCompanyInput, inputs.NetworkCompanyFilter> = {
  entity: NetworkCompany,
  name: 'networkCompany',
  plural: 'networkCompanies',
  searchable: [],
  filter: inputs.NetworkCompanyFilter,
  guards: [ownNetworkGuard()],
  createInput: inputs.CreateNetworkCompanyInput,
  updateInput: inputs.UpdateNetworkCompanyInput,
};
