import { IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsTaxCode } from '../../common/validators';
import { LocalDate } from '../../graphql/scalars';
import { CrisisInstrument } from './crisis-company.entity';

@InputType()
export class CrisisCompanyFilter extends BaseFilter {
  @Field(() => CrisisInstrument, { nullable: true }) crisisInstrument?: CrisisInstrument;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() atecoSectorId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string;
  @Field(() => ID, { nullable: true, description: 'Companies linked to this network.' }) @IsOptional() @IsUUID() networkId?: string;
}

@InputType()
export class CreateCrisisCompanyInput {
  @Field() @Length(1, 300) name: string;
  @Field() @IsTaxCode() taxCode: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() atecoSectorId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) supplyChain?: string | null;
  @Field(() => ID) @IsUUID() municipalityId: string;
  @Field(() => CrisisInstrument) @IsEnum(CrisisInstrument) crisisInstrument: CrisisInstrument;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(1000000) workersInvolved: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(1000000) expectedRedundancies: number;
  @Field(() => LocalDate, { nullable: true }) unionAgreementOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9]{11}$/, { message: 'parentTaxCode is an 11-digit codice fiscale' }) parentTaxCode?: string | null;
}
export const UpdateCrisisCompanyInput = partialInput(CreateCrisisCompanyInput, 'UpdateCrisisCompanyInput');
