import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsPersonTaxCode } from '../../common/validators';
import { LocalDate } from '../../graphql/scalars';
import { RecipientKind } from './recipient.entity';

@InputType()
export class RecipientEnrolmentFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() networkId?: string;
  @Field(() => RecipientKind, { nullable: true }) kind?: RecipientKind;
  @Field(() => LocalDate, { nullable: true, description: 'Enrolled on or after.' }) enrolledFrom?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Enrolled on or before.' }) enrolledTo?: string;
}

@InputType()
export class CreateRecipientEnrolmentInput {
  @Field(() => ID) @IsUUID() networkId: string;
  @Field({ description: "The recipient's 16-character codice fiscale. Only its keyed hash is stored." }) @IsPersonTaxCode() taxCode: string;
  @Field(() => RecipientKind) kind: RecipientKind;
  @Field(() => LocalDate) enrolledOn: string;
  @Field(() => LocalDate, { nullable: true }) endedOn?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() residenceMunicipalityId?: string | null;
}
export const UpdateRecipientEnrolmentInput = partialInput(CreateRecipientEnrolmentInput, 'UpdateRecipientEnrolmentInput');
