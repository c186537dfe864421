import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { LocalDate } from '../../graphql/scalars';

@InputType()
export class CompetencePactFilter extends BaseFilter {
  @Field(() => LocalDate, { nullable: true }) signedFrom?: string;
  @Field(() => LocalDate, { nullable: true }) signedTo?: string;
  @Field(() => ID, { nullable: true, description: 'Pacts signed by this partner.' }) @IsOptional() @IsUUID() partnerId?: string;
}

@InputType()
export class CreateCompetencePactInput {
  @Field() @Length(1, 300) name: string;
  @Field() @Length(1, 300) territory: string;
  @Field(() => LocalDate, { nullable: true }) signedOn?: string | null;
  @Field({ defaultValue: 'DGR 7231/2022' }) @Length(1, 200) referenceAct: string;
}
export const UpdateCompetencePactInput = partialInput(CreateCompetencePactInput, 'UpdateCompetencePactInput');

@InputType()
export class PactSignatoryFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() pactId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() partnerId?: string;
}

@InputType()
export class CreatePactSignatoryInput {
  @Field(() => ID) @IsUUID() pactId: string;
  @Field(() => ID) @IsUUID() partnerId: string;
}
export const UpdatePactSignatoryInput = partialInput(CreatePactSignatoryInput, 'UpdatePactSignatoryInput');
