import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../crud/record';
import { LocalDate } from '../../graphql/scalars';

@ObjectType({ description: 'A territorial competence pact (patto territoriale per le competenze, DGR 7231/2022).' })
@Entity('competence_pacts')
export class CompetencePact extends TenantRecord {
  @Field() @Column('text') name: string;
  @Field() @Column('text') territory: string;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) signedOn: string | null;
  @Field() @Column('text') referenceAct: string;
}

@ObjectType({ description: 'A partner that signed a competence pact.' })
@Entity('pact_signatories')
export class PactSignatory extends TenantRecord {
  @Field(() => ID) @Column('uuid') pactId: string;
  @Field(() => ID) @Column('uuid') partnerId: string;
}
