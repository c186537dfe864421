import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { ComplianceReport, Network, NetworkCompany, NetworkMember, NetworkStatus, StatusTransition } from './network.entity';
import { allowedTransitions, activeViolationCount, complianceOf, makeNetworkLead, setNetworkStatus, networkResource, networkMemberResource, networkCompanyResource } from './network.service';

@Resolver(() => Network)
export class NetworkResolver extends crudResolver(networkResource) {
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
}

@Resolver(() => NetworkCompany)
export class NetworkCompanyResolver extends crudResolver(networkCompanyResource) {}
