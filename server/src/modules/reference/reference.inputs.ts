import { IsIn, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsAtecoCode, IsCode, IsIstatMunicipalityCode, IsIstatProvinceCode } from '../../common/validators';
import { AtecoLevel, ProvinceKind } from './reference.entities';

@InputType()
export class PartnerTypeFilter extends BaseFilter {}

@InputType()
export class CreatePartnerTypeInput {
  @Field() @IsCode() code: string;
  @Field() @Length(1, 200) name: string;
}
export const UpdatePartnerTypeInput = partialInput(CreatePartnerTypeInput, 'UpdatePartnerTypeInput');

@InputType()
export class ProvinceFilter extends BaseFilter {
  @Field(() => ProvinceKind, { nullable: true }) kind?: ProvinceKind;
}

@InputType()
export class CreateProvinceInput {
  @Field() @IsIstatProvinceCode() istatCode: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIstatProvinceCode() historicIstatCode?: string | null;
  @Field() @Length(1, 200) name: string;
  @Field() @Matches(/^[A-Z]{2}$/, { message: 'plate must be two capital letters' }) plate: string;
  @Field(() => ProvinceKind) kind: ProvinceKind;
}
export const UpdateProvinceInput = partialInput(CreateProvinceInput, 'UpdateProvinceInput');

@InputType()
export class MunicipalityFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() provinceId?: string;
}

@InputType()
export class CreateMunicipalityInput {
  @Field() @IsIstatMunicipalityCode() istatCode: string;
  @Field() @Length(1, 200) name: string;
  @Field(() => ID) @IsUUID() provinceId: string;
}
export const UpdateMunicipalityInput = partialInput(CreateMunicipalityInput, 'UpdateMunicipalityInput');

@InputType()
export class AtecoSectorFilter extends BaseFilter {
  @Field(() => AtecoLevel, { nullable: true }) level?: AtecoLevel;
  @Field({ nullable: true }) @IsOptional() @Matches(/^[A-U]$/) section?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(['2007', '2025']) atecoVersion?: string;
}

@InputType()
export class CreateAtecoSectorInput {
  @Field() @IsAtecoCode() code: string;
  @Field({ description: 'ATECO edition: 2007 or 2025.' }) @IsIn(['2007', '2025']) atecoVersion: string;
  @Field(() => AtecoLevel) level: AtecoLevel;
  @Field() @Matches(/^[A-U]$/, { message: 'section must be a letter from A to U' }) section: string;
  @Field() @Length(1, 500) title: string;
}
export const UpdateAtecoSectorInput = partialInput(CreateAtecoSectorInput, 'UpdateAtecoSectorInput');
