import { IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { LocalDate } from '../../graphql/scalars';

@InputType()
export class ProjectSheetFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() networkId?: string;
}

@InputType()
export class CreateProjectSheetInput {
  @Field(() => ID, { description: 'One sheet per network.' }) @IsUUID() networkId: string;
  @Field(() => LocalDate, { nullable: true }) applicationDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 10000) companyContext?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 10000) recipientsProfile?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 10000) specificObjectives?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 10000) partnership?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 10000) organisation?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 10000) timeline?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 10000) expectedResults?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100000) expectedPlacements?: number | null;
}
export const UpdateProjectSheetInput = partialInput(CreateProjectSheetInput, 'UpdateProjectSheetInput');
