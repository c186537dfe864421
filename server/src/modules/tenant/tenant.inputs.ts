import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { BaseFilter, partialInput } from '../../crud/inputs';
import { IsCode } from '../../common/validators';
import { TenantKind } from './tenant.entity';

@InputType()
export class TenantFilter extends BaseFilter {
  @Field(() => TenantKind, { nullable: true })
  kind?: TenantKind;
}

@InputType()
export class CreateTenantInput {
  @Field()
  @IsCode()
  code: string;

  @Field()
  @Length(1, 200)
  name: string;

  @Field(() => TenantKind)
  kind: TenantKind;

  @Field(() => String, { nullable: true, description: 'ISTAT code of the province (3 digits) or municipality (6 digits).' })
  @IsOptional()
  @Length(3, 6)
  istatCode?: string | null;
}

export const UpdateTenantInput = partialInput(CreateTenantInput, 'UpdateTenantInput');
