import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { follow } from '../../graphql/relations';
import { Municipality, PartnerType } from '../reference/reference.entities';
import { Network, NetworkMember } from '../network/network.entity';
import { Partner } from './partner.entity';
import { PARTNER } from './partner.relations';
import { partnerResource } from './partner.service';

@Resolver(() => Partner)
export class PartnerResolver extends crudResolver(partnerResource) {
  @FieldResolver(() => PartnerType)
  partnerType(@Root() partner: Partner, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, PARTNER.partnerType, partner);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() partner: Partner, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, PARTNER.municipality, partner);
  }

  @FieldResolver(() => [NetworkMember], { description: "The partner's memberships, with role and dates." })
  memberships(@Root() partner: Partner, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, PARTNER.memberships, partner);
  }

  @FieldResolver(() => [Network], { description: 'Networks the partner belongs to.' })
  networks(@Root() partner: Partner, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, PARTNER.networks, partner);
  }
}
