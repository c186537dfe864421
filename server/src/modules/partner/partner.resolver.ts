import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { equals, oneOf, Resource, where } from '../../crud/resource';
import { normaliseTaxCode } from '../../common/tax-code';
import { Context } from '../../graphql/context';
import { present } from '../../graphql/loaders';
import { Municipality, PartnerType } from '../reference/reference.entities';
import { Network, NetworkMember } from '../network/network.entity';
import { Partner } from './partner.entity';
import { CreatePartnerInput, PartnerFilter, UpdatePartnerInput } from './partner.inputs';

export const partnerResource: Resource<Partner, CreatePartnerInput, PartnerFilter> = {
  entity: Partner,
  name: 'partner',
  plural: 'partners',
  searchable: ['legalName', 'taxCode'],
  filter: PartnerFilter,
  filterRules: {
    partnerTypeIds: oneOf('partnerTypeId'),
    taxCode: (qb, value, p) => void qb.andWhere(`r.taxCode = :${p}`, { [p]: normaliseTaxCode(String(value)) }),
    labourAccredited: equals('labourAccredited'),
    trainingAccredited: equals('trainingAccredited'),
    municipalityId: equals('municipalityId'),
    networkId: where('EXISTS (SELECT 1 FROM network_members m WHERE m.tenant_id = r.tenant_id AND m.partner_id = r.id AND m.network_id = :value)'),
  },
  access: 'TENANT',
  createInput: CreatePartnerInput,
  updateInput: UpdatePartnerInput,
  defaultSort: { field: 'legalName', order: 'ASC' },
  hooks: {
    prepare(_ctx, _manager, data) {
      if (data.taxCode) data.taxCode = normaliseTaxCode(data.taxCode);
    },
  },
};

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
