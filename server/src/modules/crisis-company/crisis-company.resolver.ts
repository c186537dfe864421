import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { present } from '../../common/request';
import { AtecoSector, Municipality } from '../reference/reference.entities';
import { Network, NetworkCompany } from '../network/network.entity';
import { CrisisCompany } from './crisis-company.entity';
import { crisisCompanyResource } from './crisis-company.service';

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
