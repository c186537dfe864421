import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Column, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Columns every record has. version is bumped by a trigger on every update (optimistic concurrency). */
@ObjectType()
export abstract class GlobalRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, { description: 'Optimistic-concurrency version; pass it back to update or delete.' })
  @Column('int')
  version: number;

  @Field(() => GraphQLISODateTime)
  @Column('timestamptz')
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @Column('timestamptz')
  updatedAt: Date;
}

/**
 * A record owned by one tenant; tenant_id leads the primary key so tables can be distributed by tenant.
 * Extending it is the one declaration that records are tenant-owned: the server writes them for the
 * caller's tenant only, the database checks (test/access) expect row-level security on their tables,
 * and the console reads it from the API, where the type has a non-null tenantId.
 */
@ObjectType()
export abstract class TenantRecord extends GlobalRecord {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  tenantId: string;
}

export function isTenantRecord(entity: Function): boolean {
  return entity.prototype instanceof TenantRecord;
}
