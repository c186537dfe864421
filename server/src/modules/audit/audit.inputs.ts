import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { BaseFilter } from '../../crud/inputs';
import { AuditAction } from './audit.entity';

@InputType()
export class AuditEventFilter extends BaseFilter {
  @Field({ nullable: true, description: 'Table name, e.g. networks.' }) @IsOptional() @Length(1, 60) entity?: string;
  @Field(() => ID, { nullable: true, description: 'History of one record.' }) @IsOptional() @IsUUID() entityId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() actorId?: string;
  @Field(() => AuditAction, { nullable: true }) action?: AuditAction;
  @Field(() => GraphQLISODateTime, { nullable: true }) from?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) to?: Date;
}
