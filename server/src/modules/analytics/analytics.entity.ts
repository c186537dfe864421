import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../graphql/scalars';
import { AllocationKind, AllocationStatus } from '../funding/funding.entity';

export enum AllocationDimension {
  MEASURE = 'MEASURE',
  FUND_SOURCE = 'FUND_SOURCE',
  PROVINCE = 'PROVINCE',
  TENANT = 'TENANT',
  KIND = 'KIND',
  STATUS = 'STATUS',
  YEAR = 'YEAR',
}
registerEnumType(AllocationDimension, { name: 'AllocationDimension', description: 'What allocation totals can be grouped by.' });

@InputType({ description: 'Keeps only the groups whose totals pass (SQL HAVING).' })
export class AllocationTotalsHaving {
  @Field(() => Money, { nullable: true }) minTotal?: string;
  @Field(() => Int, { nullable: true }) minCount?: number;
}

@ObjectType({ description: 'One group of allocations: the keys it was grouped by, its total and count.' })
export class AllocationTotal {
  @Field(() => String, { nullable: true, description: 'Measure code.' }) measure?: string | null;
  @Field(() => String, { nullable: true, description: 'Fund source code.' }) fundSource?: string | null;
  @Field(() => String, { nullable: true, description: "Province of the owning tenant's territory." }) province?: string | null;
  @Field(() => String, { nullable: true, description: 'Tenant code.' }) tenant?: string | null;
  @Field(() => AllocationKind, { nullable: true }) kind?: AllocationKind | null;
  @Field(() => AllocationStatus, { nullable: true }) status?: AllocationStatus | null;
  @Field(() => Int, { nullable: true, description: 'Year of the allocation date.' }) year?: number | null;
  @Field(() => Money) total: string;
  @Field(() => Int) count: number;
}
