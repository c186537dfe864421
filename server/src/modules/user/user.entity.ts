import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { GlobalRecord } from '../../crud/record';

export enum UserRole {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  ANALYST = 'ANALYST',
}
registerEnumType(UserRole, { name: 'UserRole', description: 'ADMIN: all tenants and reference data. EDITOR: one tenant. ANALYST: read only, one tenant or all.' });

@ObjectType({ description: 'A person who signs in to the registry.' })
@Entity('users')
export class User extends GlobalRecord {
  @Field() @Column('text') email: string;
  @Field() @Column('text') displayName: string;
  @Field(() => UserRole) @Column('text') role: UserRole;
  @Field(() => ID, { nullable: true, description: 'The tenant an editor or analyst works in; empty for admins and regional analysts.' })
  @Column('uuid', { nullable: true })
  tenantId: string | null;
  @Field() @Column('boolean') active: boolean;
  @Field({ description: 'Signs in through single sign-on only: no password exists for the user.' }) @Column('boolean') ssoOnly: boolean;
  /** The keyed hash of the codice fiscale single sign-on finds the user by (common/crypto.ts); never shown. */
  @Column('text', { nullable: true }) fiscalCodeHash: string | null;
  @Field({ description: 'Whether a codice fiscale maps the user to their digital identity (SPID, CIE). The code itself is never shown.' })
  @Column({ type: 'boolean', insert: false, update: false })
  hasFiscalCode: boolean;
}

@ObjectType({ description: "An active user of the caller's own tenant, by name only." })
export class Colleague {
  @Field(() => ID) id: string;
  @Field() displayName: string;
}
