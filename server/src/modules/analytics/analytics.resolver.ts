import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { AllocationFilter } from '../funding/funding.inputs';
import { AllocationDimension, AllocationTotal, AllocationTotalsHaving } from './analytics.entity';
import { allocationTotals } from './analytics.service';

@Resolver()
export class AnalyticsResolver {
  @Query(() => [AllocationTotal], { description: 'Allocation totals grouped by the given dimensions, largest first (GROUP BY / HAVING).' })
  allocationTotals(
    @Arg('groupBy', () => [AllocationDimension]) groupBy: AllocationDimension[],
    @Arg('filter', () => AllocationFilter, { nullable: true }) filter: AllocationFilter | undefined,
    @Arg('having', () => AllocationTotalsHaving, { nullable: true }) having: AllocationTotalsHaving | undefined,
    @Ctx() ctx: Context,
  ): Promise<AllocationTotal[]> {
    return allocationTotals(ctx, groupBy, filter, having);
  }
}
