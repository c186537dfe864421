import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { AllocationFilter } from '../funding/funding.inputs';
import { AllocationDimension, AllocationTotal, AllocationTotalsHaving } from './analytics.entity';
import { allocationTotals } from './analytics.service';
import { OutcomeTotal, ServiceTotal } from './delivery.entity';
import { outcomeTotals, serviceTotals } from './delivery.service';
import { DeliveryDimension } from './delivery.sql';

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

  @Query(() => [ServiceTotal], { description: "Recipients' services grouped by the given dimensions (GROUP BY); groups under minRecipients recipients are left out." })
  serviceTotals(
    @Arg('groupBy', () => [DeliveryDimension]) groupBy: DeliveryDimension[],
    @Arg('minRecipients', () => Int, { defaultValue: 1 }) minRecipients: number,
    @Ctx() ctx: Context,
  ): Promise<ServiceTotal[]> {
    return serviceTotals(ctx, groupBy, minRecipients);
  }

  @Query(() => [OutcomeTotal], { description: "Recipients and their outcomes grouped by the given dimensions, with the share placed; groups under minRecipients recipients are left out." })
  outcomeTotals(
    @Arg('groupBy', () => [DeliveryDimension]) groupBy: DeliveryDimension[],
    @Arg('minRecipients', () => Int, { defaultValue: 1 }) minRecipients: number,
    @Ctx() ctx: Context,
  ): Promise<OutcomeTotal[]> {
    return outcomeTotals(ctx, groupBy, minRecipients);
  }
}
