import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../crud/record';
import { LocalDate } from '../../graphql/scalars';

export enum RecipientKind {
  SUSPENDED = 'SUSPENDED',
  UNEMPLOYED = 'UNEMPLOYED',
}
registerEnumType(RecipientKind, { name: 'RecipientKind', description: 'Suspended worker on CIGS/CIGD, or unemployed.' });

@ObjectType({ description: 'A recipient (destinatario) enrolled in a network. The codice fiscale is never stored, only a keyed hash.' })
@Entity('recipient_enrolments')
export class RecipientEnrolment extends TenantRecord {
  @Field(() => ID) @Column('uuid') networkId: string;
  @Column('text') recipientHash: string;
  @Field(() => RecipientKind) @Column('text') kind: RecipientKind;
  @Field(() => LocalDate) @Column('date') enrolledOn: string;
  @Field(() => LocalDate, { nullable: true, description: 'Empty while the enrolment lasts until the network ends.' })
  @Column('date', { nullable: true })
  endedOn: string | null;
  @Field(() => ID, { nullable: true, description: 'Municipality of residence; required where the measure has RESIDENCE_IN_AMBITO.' })
  @Column('uuid', { nullable: true })
  residenceMunicipalityId: string | null;
}
