import { IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { LocalDate } from '../../graphql/scalars';
import { MemberRole, NetworkStatus } from './network.entity';

@InputType()
export class NetworkFilter extends BaseFilter {
  @Field(() => [NetworkStatus], { nullable: true }) statuses?: NetworkStatus[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() measureId?: string;
  @Field(() => ID, { nullable: true, description: 'Networks this partner belongs to.' }) @IsOptional() @IsUUID() partnerId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() pactId?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Start date on or after.' }) startDateFrom?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Start date on or before.' }) startDateTo?: string;
}

@InputType()
export class CreateNetworkInput {
  @Field() @Matches(/^[A-Za-z0-9_./-]{1,40}$/, { message: 'code may use letters, digits and _ . / - (at most 40)' }) code: string;
  @Field() @Length(1, 300) title: string;
  @Field(() => ID) @IsUUID() measureId: string;
  @Field(() => LocalDate) startDate: string;
  @Field(() => LocalDate) endDate: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(100000) plannedSuspended: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(100000) plannedUnemployed: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) supplyChain?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() atecoSectorId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() pactId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 5000) description?: string | null;
}
export const UpdateNetworkInput = partialInput(CreateNetworkInput, 'UpdateNetworkInput');

@InputType()
export class NetworkMemberFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() networkId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() partnerId?: string;
  @Field(() => MemberRole, { nullable: true }) role?: MemberRole;
}

@InputType()
export class CreateNetworkMemberInput {
  @Field(() => ID) @IsUUID() networkId: string;
  @Field(() => ID) @IsUUID() partnerId: string;
  @Field(() => MemberRole, { defaultValue: MemberRole.PARTNER }) role: MemberRole;
  @Field(() => LocalDate, { nullable: true }) joinedOn?: string | null;
  @Field(() => LocalDate, { nullable: true }) leftOn?: string | null;
}
export const UpdateNetworkMemberInput = partialInput(CreateNetworkMemberInput, 'UpdateNetworkMemberInput');

@InputType()
export class NetworkCompanyFilter extends BaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() networkId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() crisisCompanyId?: string;
}

@InputType()
export class CreateNetworkCompanyInput {
  @Field(() => ID) @IsUUID() networkId: string;
  @Field(() => ID) @IsUUID() crisisCompanyId: string;
}
export const UpdateNetworkCompanyInput = partialInput(CreateNetworkCompanyInput, 'UpdateNetworkCompanyInput');
