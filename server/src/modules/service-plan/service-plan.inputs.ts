import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { LocalDate, Money } from '../../graphql/scalars';
import { DeliveryMode, ServiceStatus } from './service-plan.entity';

@InputType()
export class RecipientServiceFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() networkId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() enrolmentId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() serviceTypeId?: string;
  @Field(() => ID, { nullable: true, description: 'Services this partner delivers.' }) @IsOptional() @IsUUID() partnerId?: string;
  @Field(() => ServiceStatus, { nullable: true }) status?: ServiceStatus;
  @Field(() => DeliveryMode, { nullable: true }) delivery?: DeliveryMode;
  @Field(() => LocalDate, { nullable: true, description: 'On or after.' }) serviceDateFrom?: string;
  @Field(() => LocalDate, { nullable: true, description: 'On or before.' }) serviceDateTo?: string;
}

@InputType()
export class CreateRecipientServiceInput {
  @Field(() => ID) @IsUUID() enrolmentId: string;
  @Field(() => ID) @IsUUID() serviceTypeId: string;
  @Field(() => ID) @IsUUID() partnerId: string;
  @Field(() => ServiceStatus, { defaultValue: ServiceStatus.PLANNED }) status: ServiceStatus;
  @Field(() => DeliveryMode, { defaultValue: DeliveryMode.INDIVIDUAL }) delivery: DeliveryMode;
  @Field(() => LocalDate) serviceDate: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(10000) hours: number;
  @Field(() => Money, { nullable: true, description: 'Needed only when the service type has neither a standard unit cost nor a voucher value.' })
  amount?: string | null;
}
export const UpdateRecipientServiceInput = partialInput(CreateRecipientServiceInput, 'UpdateRecipientServiceInput');
