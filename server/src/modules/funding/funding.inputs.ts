import { ArrayUnique, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsCode, IsPositiveAmount } from '../../common/validators';
import { LocalDate, Money } from '../../graphql/scalars';
import { AllocationKind, AllocationStatus } from './funding.entity';

@InputType()
export class FundSourceFilter extends BaseFilter {}

@InputType()
export class CreateFundSourceInput {
  @Field() @IsCode() code: string;
  @Field() @Length(1, 300) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 300) programme?: string | null;
  @Field(() => Money) @IsPositiveAmount() budget: string;
  @Field(() => LocalDate, { nullable: true }) availableFrom?: string | null;
  @Field(() => LocalDate, { nullable: true }) availableTo?: string | null;
  @Field(() => [String], { defaultValue: [] }) @ArrayUnique() @IsCode({ each: true }) measureCodes: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() drawnAfterId?: string | null;
  @Field({ defaultValue: false }) reducedHoursOnly: boolean;
}
export const UpdateFundSourceInput = partialInput(CreateFundSourceInput, 'UpdateFundSourceInput');

@InputType()
export class AllocationFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() fundSourceId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() networkId?: string;
  @Field(() => AllocationKind, { nullable: true }) kind?: AllocationKind;
  @Field(() => AllocationStatus, { nullable: true }) status?: AllocationStatus;
  @Field(() => LocalDate, { nullable: true, description: 'Allocated on or after.' }) allocatedFrom?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Allocated on or before.' }) allocatedTo?: string;
}

@InputType()
export class CreateAllocationInput {
  @Field(() => ID) @IsUUID() networkId: string;
  @Field(() => ID) @IsUUID() fundSourceId: string;
  @Field(() => Money, { description: 'Greater than zero, at most 2 decimals.' }) @IsPositiveAmount() amount: string;
  @Field(() => LocalDate) allocatedOn: string;
  @Field(() => AllocationKind) kind: AllocationKind;
  @Field(() => AllocationStatus, { defaultValue: AllocationStatus.COMMITTED }) status: AllocationStatus;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 2000) note?: string | null;
}
export const UpdateAllocationInput = partialInput(CreateAllocationInput, 'UpdateAllocationInput');
