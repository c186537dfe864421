import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { GlobalRecord } from '../../crud/record';

export enum TenantKind {
  PROVINCE = 'PROVINCE',
  METROPOLITAN_CITY = 'METROPOLITAN_CITY',
  AMBITO = 'AMBITO',
  REGION = 'REGION',
  THIRD_SECTOR_BODY = 'THIRD_SECTOR_BODY',
}
registerEnumType(TenantKind, { name: 'TenantKind', description: 'Provincia, Città metropolitana, ambito territoriale, Regione, or a third-sector body (ente del terzo settore) that writes co-design proposals.' });

@ObjectType({ description: 'A provincial office or district that keeps its own rosters (ente).' })
@Entity('tenants')
export class Tenant extends GlobalRecord {
  @Field()
  @Column('text')
  code: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => TenantKind)
  @Column('text')
  kind: TenantKind;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  istatCode: string | null;
}
