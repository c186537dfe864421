import { ArrayMaxSize, IsDate, IsInt, IsNumber, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsCode, IsPositiveAmount, IsTaxCode } from '../../common/validators';
import { LocalDate, Money } from '../../graphql/scalars';
import { CallStatus, ProposalStatus } from './codesign.entity';

const LONG = 10000;

@InputType()
export class AmbitoMunicipalityFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() ambitoId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string;
}

@InputType()
export class CreateAmbitoMunicipalityInput {
  @Field(() => ID) @IsUUID() ambitoId: string;
  @Field(() => ID) @IsUUID() municipalityId: string;
}
export const UpdateAmbitoMunicipalityInput = partialInput(CreateAmbitoMunicipalityInput, 'UpdateAmbitoMunicipalityInput');

@InputType()
export class TargetGroupFilter extends BaseFilter {}

@InputType()
export class CreateTargetGroupInput {
  @Field() @IsCode() code: string;
  @Field() @Length(1, 300) name: string;
}
export const UpdateTargetGroupInput = partialInput(CreateTargetGroupInput, 'UpdateTargetGroupInput');

@InputType()
export class CodesignCallFilter extends BaseFilter {
  @Field(() => [CallStatus], { nullable: true }) statuses?: CallStatus[];
}

@InputType()
export class CreateCodesignCallInput {
  @Field() @Matches(/^[A-Za-z0-9_./-]{1,40}$/) code: string;
  @Field() @Length(1, 300) title: string;
  @Field({ description: 'Oggetto.' }) @Length(1, LONG) object: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) generalObjectives?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) specificObjectives?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) resources?: string | null;
  @Field(() => Money, { nullable: true }) @IsOptional() @IsPositiveAmount() budget?: string | null;
  @Field(() => [ID], { defaultValue: [] }) @IsUUID('all', { each: true }) @ArrayMaxSize(50) targetGroupIds: string[];
  @Field(() => GraphQLISODateTime) @IsDate() deadline: Date;
}
export const UpdateCodesignCallInput = partialInput(CreateCodesignCallInput, 'UpdateCodesignCallInput');

@InputType()
export class CodesignCriterionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() callId?: string;
}

@InputType()
export class CreateCodesignCriterionInput {
  @Field(() => ID) @IsUUID() callId: string;
  @Field() @Length(1, 500) name: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) weight: number;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(1) position: number;
}
export const UpdateCodesignCriterionInput = partialInput(CreateCodesignCriterionInput, 'UpdateCodesignCriterionInput');

@InputType()
export class CodesignEvaluatorFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() callId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() userId?: string;
}

@InputType()
export class CreateCodesignEvaluatorInput {
  @Field(() => ID) @IsUUID() callId: string;
  @Field(() => ID) @IsUUID() userId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() affiliatedBodyId?: string | null;
}
export const UpdateCodesignEvaluatorInput = partialInput(CreateCodesignEvaluatorInput, 'UpdateCodesignEvaluatorInput');

@InputType()
export class CodesignProposalFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() callId?: string;
  @Field(() => [ProposalStatus], { nullable: true }) statuses?: ProposalStatus[];
}

@InputType()
export class CreateCodesignProposalInput {
  @Field(() => ID) @IsUUID() callId: string;
  @Field() @Length(1, 300) title: string;
  @Field() @Length(1, 300) leadLegalName: string;
  @Field({ description: "The proposing body's codice fiscale / partita IVA." }) @IsTaxCode() leadTaxCode: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) summary?: string | null;
}
export const UpdateCodesignProposalInput = partialInput(CreateCodesignProposalInput, 'UpdateCodesignProposalInput');

@InputType()
export class CodesignProposalPartnerFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() proposalId?: string;
}

@InputType()
export class CreateCodesignProposalPartnerInput {
  @Field(() => ID) @IsUUID() proposalId: string;
  @Field() @Length(1, 300) legalName: string;
  @Field() @IsTaxCode() taxCode: string;
  @Field(() => ID) @IsUUID() partnerTypeId: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) contribution?: string | null;
}
export const UpdateCodesignProposalPartnerInput = partialInput(CreateCodesignProposalPartnerInput, 'UpdateCodesignProposalPartnerInput');

@InputType()
export class CodesignActionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() proposalId?: string;
}

@InputType()
export class CreateCodesignActionInput {
  @Field(() => ID) @IsUUID() proposalId: string;
  @Field() @Length(1, 300) title: string;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(1) position: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) recipientTypes?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) territorialNeeds?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) generalObjectives?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) specificObjectives?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) activities?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) timing?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) humanResources?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) networkActors?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) expectedOutputs?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LONG) monitoringTools?: string | null;
}
export const UpdateCodesignActionInput = partialInput(CreateCodesignActionInput, 'UpdateCodesignActionInput');

@InputType()
export class CodesignScoreFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() callId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() proposalId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() evaluatorId?: string;
}

@InputType()
export class CreateCodesignScoreInput {
  @Field(() => ID) @IsUUID() proposalId: string;
  @Field(() => ID) @IsUUID() criterionId: string;
  @Field(() => Float, { description: 'From 0 to the weight of the criterion, at most 2 decimals.' }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100) score: number;
  @Field({ description: 'Why this score (motivazione).' }) @Length(1, 5000) reason: string;
}
export const UpdateCodesignScoreInput = partialInput(CreateCodesignScoreInput, 'UpdateCodesignScoreInput');

@InputType({ description: 'The award: the chosen proposals, the act that approves it, and the network it starts.' })
export class AwardCodesignCallInput {
  @Field(() => [ID], { description: 'The selected proposals; the first one leads the network.' }) @IsUUID('all', { each: true }) @ArrayMaxSize(50) proposalIds: string[];
  @Field({ description: 'Number of the approving act (e.g. determina n. 123/2024).' }) @Length(1, 100) actNumber: string;
  @Field(() => LocalDate) actDate: string;
  @Field({ description: 'Code of the network the award creates.' }) @Matches(/^[A-Za-z0-9_./-]{1,40}$/) networkCode: string;
  @Field(() => LocalDate) startDate: string;
  @Field(() => LocalDate) endDate: string;
}
