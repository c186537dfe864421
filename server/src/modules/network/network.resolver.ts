import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { atLeast, atMost, equals, oneOf, Resource, where } from '../../crud/resource';
import { Context } from '../../graphql/context';
import { present } from '../../graphql/loaders';
import { Partner } from '../partner/partner.entity';
import { CrisisCompany } from '../crisis-company/crisis-company.entity';
import { CompetencePact } from '../competence-pact/competence-pact.entity';
import { Allocation } from '../funding/funding.entity';
import { Measure } from '../measure/measure.entity';
import { AtecoSector } from '../reference/reference.entities';
import { ComplianceReport, MemberRole, Network, NetworkCompany, NetworkMember, NetworkStatus } from './network.entity';
import { complianceOf, guardNetworkChange, ruleViolation, setNetworkStatus } from './network.service';
import * as inputs from './network.inputs';

export const networkResource: Resource<Network, inputs.CreateNetworkInput, inputs.NetworkFilter> = {
  entity: Network,
  name: 'network',
  plural: 'networks',
  searchable: ['code', 'title', 'supplyChain'],
  filter: inputs.NetworkFilter,
  filterRules: {
    statuses: oneOf('status'),
    measureId: equals('measureId'),
    pactId: equals('pactId'),
    partnerId: where('EXISTS (SELECT 1 FROM network_members m WHERE m.tenant_id = r.tenant_id AND m.network_id = r.id AND m.partner_id = :value)'),
    startDateFrom: atLeast('startDate'),
    startDateTo: atMost('startDate'),
  },
  access: 'TENANT',
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

@Resolver(() => Network)
export class NetworkResolver extends crudResolver(networkResource) {
  @FieldResolver(() => Measure)
  measure(@Root() network: Network, @Ctx() ctx: Context): Promise<Measure | null> {
    return ctx.loaders.byId(Measure).load(network.measureId);
  }

  @FieldResolver(() => [NetworkMember], { description: 'The roster: every member with role and dates.' })
  members(@Root() network: Network, @Ctx() ctx: Context): Promise<NetworkMember[]> {
    return ctx.loaders.manyBy(NetworkMember, 'networkId', 'role').load(network.id);
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The lead partner (capofila).' })
  async lead(@Root() network: Network, @Ctx() ctx: Context): Promise<Partner | null> {
    const members = await ctx.loaders.manyBy(NetworkMember, 'networkId', 'role').load(network.id);
    const lead = members.find((m) => m.role === MemberRole.LEAD);
    return lead ? ctx.loaders.byId(Partner).load(lead.partnerId) : null;
  }

  @FieldResolver(() => [CrisisCompany], { description: 'The companies in crisis the network serves.' })
  async companies(@Root() network: Network, @Ctx() ctx: Context): Promise<CrisisCompany[]> {
    const links = await ctx.loaders.manyBy(NetworkCompany, 'networkId').load(network.id);
    return present(await ctx.loaders.byId(CrisisCompany).loadMany(links.map((l) => l.crisisCompanyId)));
  }

  @FieldResolver(() => CompetencePact, { nullable: true })
  pact(@Root() network: Network, @Ctx() ctx: Context): Promise<CompetencePact | null> | null {
    return network.pactId ? ctx.loaders.byId(CompetencePact).load(network.pactId) : null;
  }

  @FieldResolver(() => AtecoSector, { nullable: true })
  atecoSector(@Root() network: Network, @Ctx() ctx: Context): Promise<AtecoSector | null> | null {
    return network.atecoSectorId ? ctx.loaders.byId(AtecoSector).load(network.atecoSectorId) : null;
  }

  @FieldResolver(() => [Allocation])
  allocations(@Root() network: Network, @Ctx() ctx: Context): Promise<Allocation[]> {
    return ctx.loaders.manyBy(Allocation, 'networkId').load(network.id);
  }

  @FieldResolver(() => ComplianceReport, { description: "The network checked against its measure's rules." })
  compliance(@Root() network: Network, @Ctx() ctx: Context): Promise<ComplianceReport> {
    return complianceOf(network, ctx.loaders);
  }

  @Mutation(() => Network, { description: 'DRAFT → ACTIVE (only when compliant) → CLOSED, or DRAFT/ACTIVE → WITHDRAWN.' })
  setNetworkStatus(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => NetworkStatus) status: NetworkStatus,
    @Ctx() ctx: Context,
  ): Promise<Network> {
    return setNetworkStatus(ctx, id, version, status);
  }
}

export const networkMemberResource: Resource<NetworkMember, inputs.CreateNetworkMemberInput, inputs.NetworkMemberFilter> = {
  entity: NetworkMember,
  name: 'networkMember',
  plural: 'networkMembers',
  searchable: [],
  filter: inputs.NetworkMemberFilter,
  filterRules: { networkId: equals('networkId'), partnerId: equals('partnerId'), role: equals('role') },
  access: 'TENANT',
  hooks: {
    async afterWrite(ctx, manager, member, previous) {
      if (previous && previous.networkId !== member.networkId) await guardNetworkChange(ctx, manager, previous.networkId);
      await guardNetworkChange(ctx, manager, member.networkId);
    },
    afterRemove: (ctx, manager, member) => guardNetworkChange(ctx, manager, member.networkId),
  },
  createInput: inputs.CreateNetworkMemberInput,
  updateInput: inputs.UpdateNetworkMemberInput,
};

@Resolver(() => NetworkMember)
export class NetworkMemberResolver extends crudResolver(networkMemberResource) {
  @FieldResolver(() => Network)
  network(@Root() member: NetworkMember, @Ctx() ctx: Context): Promise<Network | null> {
    return ctx.loaders.byId(Network).load(member.networkId);
  }

  @FieldResolver(() => Partner)
  partner(@Root() member: NetworkMember, @Ctx() ctx: Context): Promise<Partner | null> {
    return ctx.loaders.byId(Partner).load(member.partnerId);
  }
}

export const networkCompanyResource: Resource<NetworkCompany, inputs.CreateNetworkCompanyInput, inputs.NetworkCompanyFilter> = {
  entity: NetworkCompany,
  name: 'networkCompany',
  plural: 'networkCompanies',
  searchable: [],
  filter: inputs.NetworkCompanyFilter,
  filterRules: { networkId: equals('networkId'), crisisCompanyId: equals('crisisCompanyId') },
  access: 'TENANT',
  hooks: {
    async afterWrite(ctx, manager, link, previous) {
      if (previous && previous.networkId !== link.networkId) await guardNetworkChange(ctx, manager, previous.networkId);
      await guardNetworkChange(ctx, manager, link.networkId);
    },
    afterRemove: (ctx, manager, link) => guardNetworkChange(ctx, manager, link.networkId),
  },
  createInput: inputs.CreateNetworkCompanyInput,
  updateInput: inputs.UpdateNetworkCompanyInput,
};

@Resolver(() => NetworkCompany)
export class NetworkCompanyResolver extends crudResolver(networkCompanyResource) {
  @FieldResolver(() => Network)
  network(@Root() link: NetworkCompany, @Ctx() ctx: Context): Promise<Network | null> {
    return ctx.loaders.byId(Network).load(link.networkId);
  }

  @FieldResolver(() => CrisisCompany)
  crisisCompany(@Root() link: NetworkCompany, @Ctx() ctx: Context): Promise<CrisisCompany | null> {
    return ctx.loaders.byId(CrisisCompany).load(link.crisisCompanyId);
  }
}
