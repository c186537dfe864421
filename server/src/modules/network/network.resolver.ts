import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { follow } from '../../graphql/relations';
import { Partner } from '../partner/partner.entity';
import { CrisisCompany } from '../crisis-company/crisis-company.entity';
import { CompetencePact } from '../competence-pact/competence-pact.entity';
import { Allocation } from '../funding/funding.entity';
import { Measure } from '../measure/measure.entity';
import { AtecoSector } from '../reference/reference.entities';
import { ComplianceReport, Network, NetworkCompany, NetworkMember, NetworkStatus, StatusTransition } from './network.entity';
import { NETWORK, NETWORK_COMPANY, NETWORK_MEMBER } from './network.relations';
import { allowedTransitions, activeViolationCount, complianceOf, makeNetworkLead, setNetworkStatus, networkResource, networkMemberResource, networkCompanyResource } from './network.service';

@Resolver(() => Network)
export class NetworkResolver extends crudResolver(networkResource) {
  @FieldResolver(() => Measure)
  measure(@Root() network: Network, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK.measure, network);
  }

  @FieldResolver(() => [NetworkMember], { description: 'The roster: every member with role and dates.' })
  members(@Root() network: Network, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK.members, network);
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The lead partner (capofila).' })
  lead(@Root() network: Network, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK.lead, network);
  }

  @FieldResolver(() => [CrisisCompany], { description: 'The companies in crisis the network serves.' })
  companies(@Root() network: Network, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK.companies, network);
  }

  @FieldResolver(() => CompetencePact, { nullable: true })
  pact(@Root() network: Network, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK.pact, network);
  }

  @FieldResolver(() => AtecoSector, { nullable: true })
  atecoSector(@Root() network: Network, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK.atecoSector, network);
  }

  @FieldResolver(() => [Allocation])
  allocations(@Root() network: Network, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK.allocations, network);
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
  @Mutation(() => NetworkMember, { description: "Makes the member the network's lead; the previous lead stays as a partner. Fails with CONFLICT if version is stale." })
  makeNetworkLead(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context): Promise<NetworkMember> {
    return makeNetworkLead(ctx, id, version);
  }

  @FieldResolver(() => Network)
  network(@Root() member: NetworkMember, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK_MEMBER.network, member);
  }

  @FieldResolver(() => Partner)
  partner(@Root() member: NetworkMember, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK_MEMBER.partner, member);
  }
}

@Resolver(() => NetworkCompany)
export class NetworkCompanyResolver extends crudResolver(networkCompanyResource) {
  @FieldResolver(() => Network)
  network(@Root() link: NetworkCompany, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK_COMPANY.network, link);
  }

  @FieldResolver(() => CrisisCompany)
  crisisCompany(@Root() link: NetworkCompany, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, NETWORK_COMPANY.crisisCompany, link);
  }
}
