import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsPositiveAmount } from '../../common/validators';
import { Money } from '../../graphql/scalars';

@InputType()
export class AccountLineFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() networkId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() serviceTypeId?: string;
}

@InputType()
export class CreateAccountLineInput {
  @Field(() => ID) @IsUUID() networkId: string;
  @Field(() => ID, { description: "One of the network's measure's service types, once per network." }) @IsUUID() serviceTypeId: string;
  @Field(() => Money) @IsPositiveAmount() plannedAmount: string;
}
export const UpdateAccountLineInput = partialInput(CreateAccountLineInput, 'UpdateAccountLineInput');
