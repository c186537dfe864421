import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { follow } from '../../graphql/relations';
import { AtecoSector, Municipality } from '../reference/reference.entities';
import { Network } from '../network/network.entity';
import { CrisisCompany } from './crisis-company.entity';
import { CRISIS_COMPANY } from './crisis-company.relations';
import { crisisCompanyResource } from './crisis-company.service';

@Resolver(() => CrisisCompany)
export class CrisisCompanyResolver extends crudResolver(crisisCompanyResource) {
  @FieldResolver(() => Municipality)
  municipality(@Root() company: CrisisCompany, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, CRISIS_COMPANY.municipality, company);
  }

  @FieldResolver(() => AtecoSector, { nullable: true })
  atecoSector(@Root() company: CrisisCompany, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, CRISIS_COMPANY.atecoSector, company);
  }

  @FieldResolver(() => [Network])
  networks(@Root() company: CrisisCompany, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, CRISIS_COMPANY.networks, company);
  }
}
