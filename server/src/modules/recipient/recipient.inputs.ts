import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsPersonTaxCode } from '../../common/validators';
import { LocalDate } from '../../graphql/scalars';
import { ContractType, HoursReduction, Outcome, OutsidePolicy, PreviousContract, RecipientKind } from './recipient.entity';

@InputType()
export class RecipientEnrolmentFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() networkId?: string;
  @Field(() => RecipientKind, { nullable: true }) kind?: RecipientKind;
  @Field(() => LocalDate, { nullable: true, description: 'Enrolled on or after.' }) enrolledFrom?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Enrolled on or before.' }) enrolledTo?: string;
  @Field(() => Int, { nullable: true }) aidBand?: number;
  @Field(() => Outcome, { nullable: true }) outcome?: Outcome;
}

@InputType()
export class CreateRecipientEnrolmentInput {
  @Field(() => ID) @IsUUID() networkId: string;
  @Field({ description: "The recipient's 16-character codice fiscale. Only its keyed hash is stored." }) @IsPersonTaxCode() taxCode: string;
  @Field(() => RecipientKind) kind: RecipientKind;
  @Field(() => LocalDate) enrolledOn: string;
  @Field(() => LocalDate, { nullable: true }) endedOn?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(4) aidBand?: number | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() residenceMunicipalityId?: string | null;
  @Field(() => PreviousContract, { nullable: true }) previousContract?: PreviousContract | null;
  @Field({ defaultValue: false }) relocationAllowance: boolean;
  @Field(() => HoursReduction, { nullable: true }) hoursReduction?: HoursReduction | null;
  @Field(() => [OutsidePolicy], { defaultValue: [], description: 'Measures outside the registry the recipient declares taking part in (Dote Unica Lavoro, Garanzia Giovani, …).' })
  outsidePolicies: OutsidePolicy[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() phase2ServiceTypeId?: string | null;
  @Field(() => Outcome, { nullable: true }) outcome?: Outcome | null;
  @Field(() => LocalDate, { nullable: true }) outcomeOn?: string | null;
  @Field(() => ContractType, { nullable: true }) outcomeContract?: ContractType | null;
}
export const UpdateRecipientEnrolmentInput = partialInput(CreateRecipientEnrolmentInput, 'UpdateRecipientEnrolmentInput');
