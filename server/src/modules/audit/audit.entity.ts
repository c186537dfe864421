import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, Entity } from 'typeorm';
import { GlobalRecord } from '../../crud/record';

export enum AuditAction {
  INSERT = 'INSERT',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

@ObjectType({ description: 'One change to one record, written by the database itself (registro modifiche). Append-only.' })
@Entity('audit_events')
export class AuditEvent extends GlobalRecord {
  @Field(() => ID, { nullable: true }) @Column('uuid', { nullable: true }) tenantId: string | null;
  @Field(() => ID, { nullable: true, description: 'The user who made the change.' }) @Column('uuid', { nullable: true }) actorId: string | null;
  @Field({ description: 'Table of the changed record, e.g. networks.' }) @Column('text') entity: string;
  @Field(() => ID) @Column('uuid') entityId: string;
  @Field(() => AuditAction) @Column('text') action: AuditAction;
  @Field(() => GraphQLJSONObject, { nullable: true }) @Column('jsonb', { nullable: true }) before: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) @Column('jsonb', { nullable: true }) after: Record<string, unknown> | null;
  @Field(() => GraphQLISODateTime) @Column('timestamptz') at: Date;
}
