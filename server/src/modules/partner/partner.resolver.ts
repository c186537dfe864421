import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { present } from '../../common/request';
import { Municipality, PartnerType } from '../reference/reference.entities';
import { Network, NetworkMember } from '../network/network.entity';
import { Partner } from './partner.entity';
import { partnerResource } from './partner.service';

@Resolver(() => Partner)
export class PartnerResolver extends crudResolver(partnerResource) {
  @FieldResolver(() => PartnerType)
  partnerType(@Root() partner: Partner, @Ctx() ctx: Context): Promise<PartnerType | null> {
    return ctx.loaders.byId(PartnerType).load(partner.partnerTypeId);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() partner: Partner, @Ctx() ctx: Context): Promise<Municipality | null> | null {
    return partner.municipalityId ? ctx.loaders.byId(Municipality).load(partner.municipalityId) : null;
  }

  @FieldResolver(() => [NetworkMember], { description: "The partner's memberships, with role and dates." })
  memberships(@Root() partner: Partner, @Ctx() ctx: Context): Promise<NetworkMember[]> {
    return ctx.loaders.manyBy(NetworkMember, 'partnerId').load(partner.id);
  }

  @FieldResolver(() => [Network], { description: 'Networks the partner belongs to.' })
  async networks(@Root() partner: Partner, @Ctx() ctx: Context): Promise<Network[]> {
    const memberships = await ctx.loaders.manyBy(NetworkMember, 'partnerId').load(partner.id);
    return present(await ctx.loaders.byId(Network).loadMany(memberships.map((m) => m.networkId)));
  }
}
