import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { ServiceType } from '../measure/measure.entity';
import { Network } from '../network/network.entity';
import { accountsOf } from './plan-of-accounts.rule';
import { AccountLine, PlanOfAccounts } from './plan-of-accounts.entity';
import { accountLineResource } from './plan-of-accounts.service';

@Resolver(() => AccountLine)
export class AccountLineResolver extends crudResolver(accountLineResource) {
  @FieldResolver(() => ServiceType)
  serviceType(@Root() line: AccountLine, @Ctx() ctx: Context): Promise<ServiceType | null> {
    return ctx.loaders.byId(ServiceType).load(line.serviceTypeId);
  }
}

@Resolver(() => Network)
export class NetworkAccountsResolver {
  @FieldResolver(() => PlanOfAccounts, { description: 'The plan of accounts (piano dei conti) against the funding tier, the allocations and the delivered services.' })
  planOfAccounts(@Root() network: Network, @Ctx() ctx: Context): Promise<PlanOfAccounts> {
    return accountsOf(network, ctx.loaders);
  }
}
