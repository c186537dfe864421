import { ArrayMaxSize, ArrayUnique, IsBoolean, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsBandAmounts, IsCode, IsPositiveAmount } from '../../common/validators';
import { LocalDate, Money } from '../../graphql/scalars';
import { RecipientKind } from '../recipient/recipient.entity';
import { ResultKind, RuleCode, ServiceCategory, ServicePayment } from './measure.entity';

@InputType()
export class MeasureFilter extends BaseFilter {
  @Field(() => RuleCode, { nullable: true, description: 'Measures whose networks follow this rule.' }) rule?: RuleCode;
}

@InputType()
export class CreateMeasureInput {
  @Field() @IsCode() code: string;
  @Field() @Length(1, 300) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 500) legalAct?: string | null;
  @Field(() => LocalDate, { nullable: true }) openFrom?: string | null;
  @Field(() => LocalDate, { nullable: true }) openTo?: string | null;
  @Field(() => [RuleCode], { defaultValue: [] }) @ArrayUnique() rules: RuleCode[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) minPartners?: number | null;
  @Field(() => [String], { defaultValue: [] }) @ArrayUnique() @IsCode({ each: true }) leadPartnerTypeCodes: string[];
  @Field(() => [String], { defaultValue: [] }) @ArrayUnique() @IsCode({ each: true }) requiredPartnerTypeCodes: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1000) minCompanies?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) maxCompanies?: number | null;
  @Field(() => [RecipientKind], { defaultValue: [] }) @ArrayUnique() eligibleRecipientKinds: RecipientKind[];
  @Field({ defaultValue: false }) @IsBoolean() suspendedNeedRedundancies: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1000000) minRecipients?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1000000) maxRecipients?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(120) maxDurationMonths?: number | null;
  @Field(() => Money, { nullable: true }) processCapPerRecipient?: string | null;
  @Field(() => Money, { nullable: true }) placementCapPerRecipient?: string | null;
  @Field(() => Money, { nullable: true }) selfEmploymentCapPerRecipient?: string | null;
  @Field(() => [Money], { nullable: 'items', defaultValue: [], description: 'Band 1 first, at most 4 bands; null for a band with no amount of its own.' })
  @ArrayMaxSize(4) @IsBandAmounts()
  placementAmountsByBand: (string | null)[];
  @Field(() => [Money], { nullable: 'items', defaultValue: [] }) @ArrayMaxSize(4) @IsBandAmounts() selfEmploymentAmountsByBand: (string | null)[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100) minGuidanceServices?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100) minIntensiveServices?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10) maxPhase2Alternatives?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^(0(\.[0-9]{1,4})?|1(\.0{1,4})?)$/, { message: 'conditionalResultShare is a share between 0 and 1, e.g. 0.30' }) conditionalResultShare?: string | null;
}
export const UpdateMeasureInput = partialInput(CreateMeasureInput, 'UpdateMeasureInput');

@InputType()
export class FundingTierFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() measureId?: string;
}

@InputType()
export class CreateFundingTierInput {
  @Field(() => ID) @IsUUID() measureId: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(1000000) minRecipients: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1000000) maxRecipients: number;
  @Field(() => Money) @IsPositiveAmount() maxContribution: string;
}
export const UpdateFundingTierInput = partialInput(CreateFundingTierInput, 'UpdateFundingTierInput');

@InputType()
export class ServiceTypeFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() measureId?: string;
  @Field(() => Int, { nullable: true }) phase?: number;
  @Field(() => ServiceCategory, { nullable: true }) category?: ServiceCategory;
}

@InputType()
export class CreateServiceTypeInput {
  @Field(() => ID) @IsUUID() measureId: string;
  @Field() @IsCode() code: string;
  @Field() @Length(1, 300) name: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(2) phase: number;
  @Field(() => ServiceCategory) category: ServiceCategory;
  @Field(() => ServicePayment) payment: ServicePayment;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10000) maxHours?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10000) minHours?: number | null;
  @Field(() => Money, { nullable: true }) voucherValue?: string | null;
  @Field(() => Money, { nullable: true }) hourlyUnitCost?: string | null;
  @Field({ defaultValue: false }) training: boolean;
  @Field(() => ResultKind, { nullable: true }) resultKind?: ResultKind | null;
}
export const UpdateServiceTypeInput = partialInput(CreateServiceTypeInput, 'UpdateServiceTypeInput');

@InputType()
export class MeasureCompatibilityFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Pairs that include this measure, on either side.' }) @IsOptional() @IsUUID() measureId?: string;
}

@InputType()
export class CreateMeasureCompatibilityInput {
  @Field(() => ID) @IsUUID() measureId: string;
  @Field(() => ID) @IsUUID() compatibleMeasureId: string;
}
export const UpdateMeasureCompatibilityInput = partialInput(CreateMeasureCompatibilityInput, 'UpdateMeasureCompatibilityInput');
