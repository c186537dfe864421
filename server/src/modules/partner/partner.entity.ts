import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../crud/record';

@ObjectType({ description: 'A subject that can join networks (soggetto / partner).' })
@Entity('partners')
export class Partner extends TenantRecord {
  @Field() @Column('text') legalName: string;
  @Field({ description: 'Codice fiscale or partita IVA.' }) @Column('text') taxCode: string;
  @Field(() => ID) @Column('uuid') partnerTypeId: string;
  @Field({ description: 'Accredited by Regione Lombardia for labour services.' }) @Column('boolean') labourAccredited: boolean;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) labourRegisterNumber: string | null;
  @Field({ description: 'Accredited by Regione Lombardia for training.' }) @Column('boolean') trainingAccredited: boolean;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) trainingRegisterNumber: string | null;
  @Field(() => ID, { nullable: true }) @Column('uuid', { nullable: true }) municipalityId: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) address: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) phone: string | null;
  @Field(() => [ID], { description: 'For a CPI: the municipalities it is competent for.' }) @Column('uuid', { array: true }) coveredMunicipalityIds: string[];
}
