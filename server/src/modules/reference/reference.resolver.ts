import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { AtecoSector, Municipality, PartnerType, Province } from './reference.entities';
import { partnerTypeResource, provinceResource, municipalityResource, atecoSectorResource } from './reference.service';

@Resolver(() => PartnerType)
export class PartnerTypeResolver extends crudResolver(partnerTypeResource) {}

@Resolver(() => Province)
export class ProvinceResolver extends crudResolver(provinceResource) {
  @FieldResolver(() => [Municipality])
  municipalities(@Root() province: Province, @Ctx() ctx: Context): Promise<Municipality[]> {
    return ctx.loaders.manyBy(Municipality, 'provinceId').load(province.id);
  }
}

@Resolver(() => Municipality)
export class MunicipalityResolver extends crudResolver(municipalityResource) {
  @FieldResolver(() => Province)
  province(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<Province | null> {
    return ctx.loaders.byId(Province).load(municipality.provinceId);
  }
}

@Resolver(() => AtecoSector)
export class AtecoSectorResolver extends crudResolver(atecoSectorResource) {}
