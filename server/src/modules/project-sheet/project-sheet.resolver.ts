import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { Network } from '../network/network.entity';
import { ProjectSheet } from './project-sheet.entity';
import { projectSheetResource } from './project-sheet.service';

@Resolver(() => ProjectSheet)
export class ProjectSheetResolver extends crudResolver(projectSheetResource) {}

@Resolver(() => Network)
export class NetworkProjectSheetResolver {
  @FieldResolver(() => ProjectSheet, { nullable: true, description: 'The project sheet, once written.' })
  async projectSheet(@Root() network: Network, @Ctx() ctx: Context): Promise<ProjectSheet | null> {
    const [sheet] = await ctx.loaders.manyBy(ProjectSheet, 'networkId').load(network.id);
    return sheet ?? null;
  }
}
