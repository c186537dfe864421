import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { present } from '../../common/request';
import { Partner } from '../partner/partner.entity';
import { CrisisCompany } from '../crisis-company/crisis-company.entity';
import { CompetencePact } from '../competence-pact/competence-pact.entity';
import { Allocation } from '../funding/funding.entity';
import { Measure } from '../measure/measure.entity';
import { AtecoSector } from '../reference/reference.entities';
import { ComplianceReport, MemberRole, Network, NetworkCompany, NetworkMember, NetworkStatus, StatusTransition } from './network.entity';
import { allowedTransitions, activeViolationCount, complianceOf, setNetworkStatus, networkResource, networkMemberResource, networkCompanyResource } from './network.service';

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

  @FieldResolver(() => Boolean, { description: 'An ACTIVE network that breaks a rule of its measure, e.g. after an administrator changed a parameter.' })
  async outOfCompliance(@Root() network: Network, @Ctx() ctx: Context): Promise<boolean> {
    return (await activeViolationCount(network, ctx.loaders)) > 0;
  }

  @FieldResolver(() => Int, { description: 'Rules an ACTIVE network breaks (0 for other statuses).' })
  violationCount(@Root() network: Network, @Ctx() ctx: Context): Promise<number> {
    return activeViolationCount(network, ctx.loaders);
  }

  @FieldResolver(() => [StatusTransition], { description: 'The statuses this network may move to, and the rules that block each.' })
  allowedTransitions(@Root() network: Network, @Ctx() ctx: Context): Promise<StatusTransition[]> {
    return allowedTransitions(network, ctx.loaders);
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
