import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../crud/record';
import { LocalDate } from '../../graphql/scalars';

export enum CrisisInstrument {
  CIGS = 'CIGS',
  CIGD = 'CIGD',
  COLLECTIVE_DISMISSAL = 'COLLECTIVE_DISMISSAL',
  INSOLVENCY = 'INSOLVENCY',
  OTHER = 'OTHER',
}
registerEnumType(CrisisInstrument, { name: 'CrisisInstrument', description: 'CIGS, CIGD, licenziamento collettivo, procedura concorsuale, altro.' });

@ObjectType({ description: 'A company in crisis (azienda in crisi) whose workers networks serve.' })
@Entity('crisis_companies')
export class CrisisCompany extends TenantRecord {
  @Field() @Column('text') name: string;
  @Field() @Column('text') taxCode: string;
  @Field(() => ID, { nullable: true }) @Column('uuid', { nullable: true }) atecoSectorId: string | null;
  @Field(() => String, { nullable: true, description: 'Sector or supply chain (filiera).' }) @Column('text', { nullable: true }) supplyChain: string | null;
  @Field(() => ID, { description: 'Municipality of the production unit, in Lombardy.' }) @Column('uuid') municipalityId: string;
  @Field(() => CrisisInstrument) @Column('text') crisisInstrument: CrisisInstrument;
  @Field(() => Int) @Column('int') workersInvolved: number;
  @Field(() => Int) @Column('int') expectedRedundancies: number;
  @Field(() => LocalDate, { nullable: true, description: 'Date of the union agreement.' }) @Column('date', { nullable: true }) unionAgreementOn: string | null;
  @Field(() => String, { nullable: true, description: "The group's parent company (11-digit codice fiscale): companies of one group count as one sector." })
  @Column('text', { nullable: true })
  parentTaxCode: string | null;
}
