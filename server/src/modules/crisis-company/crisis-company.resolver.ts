import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { equals, Resource, where } from '../../crud/resource';
import { normaliseTaxCode } from '../../common/tax-code';
import { Context } from '../../graphql/context';
import { present } from '../../graphql/loaders';
import { AtecoSector, Municipality } from '../reference/reference.entities';
import { Network, NetworkCompany } from '../network/network.entity';
import { CrisisCompany } from './crisis-company.entity';
import { CreateCrisisCompanyInput, CrisisCompanyFilter, UpdateCrisisCompanyInput } from './crisis-company.inputs';

export const crisisCompanyResource: Resource<CrisisCompany, CreateCrisisCompanyInput, CrisisCompanyFilter> = {
  entity: CrisisCompany,
  name: 'crisisCompany',
  plural: 'crisisCompanies',
  searchable: ['name', 'taxCode', 'supplyChain'],
  filter: CrisisCompanyFilter,
  filterRules: {
    crisisInstrument: equals('crisisInstrument'),
    atecoSectorId: equals('atecoSectorId'),
    municipalityId: equals('municipalityId'),
    networkId: where('EXISTS (SELECT 1 FROM network_companies l WHERE l.tenant_id = r.tenant_id AND l.crisis_company_id = r.id AND l.network_id = :value)'),
  },
  access: 'TENANT',
  createInput: CreateCrisisCompanyInput,
  updateInput: UpdateCrisisCompanyInput,
  defaultSort: { field: 'name', order: 'ASC' },
  hooks: {
    prepare(_ctx, _manager, data) {
      if (data.taxCode) data.taxCode = normaliseTaxCode(data.taxCode);
    },
  },
};

@Resolver(() => CrisisCompany)
export class CrisisCompanyResolver extends crudResolver(crisisCompanyResource) {
  @FieldResolver(() => Municipality)
  municipality(@Root() company: CrisisCompany, @Ctx() ctx: Context): Promise<Municipality | null> {
    return ctx.loaders.byId(Municipality).load(company.municipalityId);
  }

  @FieldResolver(() => AtecoSector, { nullable: true })
  atecoSector(@Root() company: CrisisCompany, @Ctx() ctx: Context): Promise<AtecoSector | null> | null {
    return company.atecoSectorId ? ctx.loaders.byId(AtecoSector).load(company.atecoSectorId) : null;
  }

  @FieldResolver(() => [Network])
  async networks(@Root() company: CrisisCompany, @Ctx() ctx: Context): Promise<Network[]> {
    const links = await ctx.loaders.manyBy(NetworkCompany, 'crisisCompanyId').load(company.id);
    return present(await ctx.loaders.byId(Network).loadMany(links.map((l) => l.networkId)));
  }
}
