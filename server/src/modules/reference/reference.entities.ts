import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { GlobalRecord } from '../../crud/record';

@ObjectType({ description: 'Kind of subject that can join a network (tipologia di soggetto).' })
@Entity('partner_types')
export class PartnerType extends GlobalRecord {
  @Field()
  @Column('text')
  code: string;

  @Field()
  @Column('text')
  name: string;
}

export enum ProvinceKind {
  PROVINCE = 'PROVINCE',
  METROPOLITAN_CITY = 'METROPOLITAN_CITY',
}
registerEnumType(ProvinceKind, { name: 'ProvinceKind' });

@ObjectType({ description: 'A Lombardy province or the Città metropolitana di Milano.' })
@Entity('provinces')
export class Province extends GlobalRecord {
  @Field({ description: 'ISTAT code, 3 digits.' })
  @Column('text')
  istatCode: string;

  @Field(() => String, { nullable: true, description: 'Historic ISTAT province code, e.g. 015 for Milano.' })
  @Column('text', { nullable: true })
  historicIstatCode: string | null;

  @Field()
  @Column('text')
  name: string;

  @Field({ description: 'Vehicle plate abbreviation (sigla), e.g. MI.' })
  @Column('text')
  plate: string;

  @Field(() => ProvinceKind)
  @Column('text')
  kind: ProvinceKind;
}

@ObjectType({ description: 'A municipality (comune).' })
@Entity('municipalities')
export class Municipality extends GlobalRecord {
  @Field({ description: 'ISTAT code, 6 digits.' })
  @Column('text')
  istatCode: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => ID)
  @Column('uuid')
  provinceId: string;
}

export enum AtecoLevel {
  SECTION = 'SECTION',
  DIVISION = 'DIVISION',
  GROUP = 'GROUP',
  CLASS = 'CLASS',
  CATEGORY = 'CATEGORY',
}
registerEnumType(AtecoLevel, { name: 'AtecoLevel' });

@ObjectType({ description: 'An ATECO code (Italian edition of NACE), tagged with its edition.' })
@Entity('ateco_sectors')
export class AtecoSector extends GlobalRecord {
  @Field({ description: 'Section letter or numeric code, e.g. C or 25.11.' })
  @Column('text')
  code: string;

  @Field({ description: 'ATECO edition: 2007 or 2025.' })
  @Column('text')
  atecoVersion: string;

  @Field(() => AtecoLevel)
  @Column('text')
  level: AtecoLevel;

  @Field({ description: 'The section letter the code belongs to.' })
  @Column('text')
  section: string;

  @Field()
  @Column('text')
  title: string;
}
