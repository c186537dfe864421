import { ArrayUnique, IsBoolean, IsEmail, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsTaxCode } from '../../common/validators';

@InputType()
export class PartnerFilter extends BaseFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) partnerTypeIds?: string[];
  @Field({ nullable: true }) @IsOptional() @Length(1, 16) taxCode?: string;
  @Field({ nullable: true }) labourAccredited?: boolean;
  @Field({ nullable: true }) trainingAccredited?: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string;
  @Field(() => ID, { nullable: true, description: 'Partners that are members of this network.' }) @IsOptional() @IsUUID() networkId?: string;
}

@InputType()
export class CreatePartnerInput {
  @Field() @Length(1, 300) legalName: string;
  @Field({ description: 'Codice fiscale: 11 digits for organisations, 16 characters for persons.' }) @IsTaxCode() taxCode: string;
  @Field(() => ID) @IsUUID() partnerTypeId: string;
  @Field({ defaultValue: false }) @IsBoolean() labourAccredited: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 50) labourRegisterNumber?: string | null;
  @Field({ defaultValue: false }) @IsBoolean() trainingAccredited: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 50) trainingRegisterNumber?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 300) address?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @Length(3, 254) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+?[0-9 ./-]{5,40}$/, { message: 'phone must contain digits, spaces and + . / - only' }) phone?: string | null;
  @Field(() => [ID], { defaultValue: [] }) @ArrayUnique() @IsUUID('all', { each: true }) coveredMunicipalityIds: string[];
}
export const UpdatePartnerInput = partialInput(CreatePartnerInput, 'UpdatePartnerInput');
