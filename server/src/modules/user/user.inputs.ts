import { IsBoolean, IsEmail, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsPersonTaxCode } from '../../common/validators';
import { UserRole } from './user.entity';

@InputType()
export class UserFilter extends BaseFilter {
  @Field(() => UserRole, { nullable: true }) role?: UserRole;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() tenantId?: string;
  @Field({ nullable: true }) active?: boolean;
}

@InputType()
export class CreateUserInput {
  @Field() @IsEmail() @Length(3, 254) email: string;
  @Field() @Length(1, 200) displayName: string;
  @Field(() => UserRole) role: UserRole;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() tenantId?: string | null;
  @Field({ defaultValue: true }) @IsBoolean() active: boolean;
  @Field({ defaultValue: false, description: 'Signs in through single sign-on only; marking a user so deletes their password.' }) @IsBoolean() ssoOnly: boolean;
  @Field(() => String, { nullable: true, description: "The person's codice fiscale, which single sign-on maps to this user; only its keyed hash is kept. Null removes it." })
  @IsOptional()
  @IsPersonTaxCode()
  fiscalCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Sets (or, on update, resets) the password; stored only as an argon2id hash.' })
  @IsOptional()
  @Length(10, 200)
  password?: string | null;
}
export const UpdateUserInput = partialInput(CreateUserInput, 'UpdateUserInput');
