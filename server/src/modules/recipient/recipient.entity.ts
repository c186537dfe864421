import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../crud/record';
import { LocalDate } from '../../graphql/scalars';

export enum RecipientKind {
  SUSPENDED = 'SUSPENDED',
  UNEMPLOYED = 'UNEMPLOYED',
}
registerEnumType(RecipientKind, { name: 'RecipientKind', description: 'Suspended worker on CIGS/CIGD, or unemployed.' });

export enum PreviousContract {
  SUBORDINATE = 'SUBORDINATE',
  OTHER = 'OTHER',
}
registerEnumType(PreviousContract, { name: 'PreviousContract', description: 'The kind of the employment the recipient comes from: subordinate (lavoro subordinato) or other.' });

export enum HoursReduction {
  UP_TO_30 = 'UP_TO_30',
  OVER_30 = 'OVER_30',
}
export enum Outcome {
  PLACEMENT = 'PLACEMENT',
  TRAINEESHIP = 'TRAINEESHIP',
  BUSINESS_START = 'BUSINESS_START',
}
registerEnumType(Outcome, { name: 'Outcome', description: 'What phase 2 led to: a job, a traineeship (tirocinio) or a new business.' });

export enum ContractType {
  PERMANENT = 'PERMANENT',
  FIXED_TERM = 'FIXED_TERM',
  APPRENTICESHIP = 'APPRENTICESHIP',
  OTHER = 'OTHER',
}
registerEnumType(ContractType, { name: 'ContractType', description: 'The contract of a placement.' });

/** Seeds 000 and 003: publicly funded active-labour-policy measures the registry does not keep. */
export enum OutsidePolicy {
  DOTE_UNICA_LAVORO = 'DOTE_UNICA_LAVORO',
  GARANZIA_GIOVANI = 'GARANZIA_GIOVANI',
  OTHER_PUBLIC_POLICY = 'OTHER_PUBLIC_POLICY',
}
registerEnumType(OutsidePolicy, { name: 'OutsidePolicy', description: 'A publicly funded active-labour-policy measure kept outside the registry: Dote Unica Lavoro, Programma Garanzia Giovani, or another.' });

registerEnumType(HoursReduction, { name: 'HoursReduction', description: "A suspended worker's cut in working hours: up to 30 %, or more than 30 % (the competence fund's threshold)." });

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

  // Coarse attributes the rules and the analysts need; none identifies a person by itself.
  @Field(() => Int, { nullable: true, description: 'Fascia di aiuto (1–4) from the profiling: it sets the result services.' })
  @Column('smallint', { nullable: true })
  aidBand: number | null;

  @Field(() => ID, { nullable: true, description: 'Municipality of residence or domicile (Lombardy); required where the measure has RESIDENCE_IN_AMBITO.' })
  @Column('uuid', { nullable: true })
  residenceMunicipalityId: string | null;

  @Field(() => PreviousContract, { nullable: true }) @Column('text', { nullable: true }) previousContract: PreviousContract | null;

  @Field({ description: 'Holds an Assegno di Ricollocazione: may receive training services only.' })
  @Column('boolean')
  relocationAllowance: boolean;

  @Field(() => HoursReduction, { nullable: true }) @Column('text', { nullable: true }) hoursReduction: HoursReduction | null;

  @Field(() => [OutsidePolicy], { description: 'Measures outside the registry the recipient declared taking part in at enrolment (EXCLUSIVE_POLICY_OUTSIDE); empty when none.' })
  @Column('text', { array: true })
  outsidePolicies: OutsidePolicy[];

  // The personal plan's phase 2 and what came of it; the services themselves are RecipientService records.
  @Field(() => ID, { nullable: true, description: 'The phase-2 alternative chosen for this recipient (a phase-2 service type).' })
  @Column('uuid', { nullable: true })
  phase2ServiceTypeId: string | null;

  @Field(() => Outcome, { nullable: true }) @Column('text', { nullable: true }) outcome: Outcome | null;
  @Field(() => LocalDate, { nullable: true, description: 'Set exactly when the outcome is.' }) @Column('date', { nullable: true }) outcomeOn: string | null;
  @Field(() => ContractType, { nullable: true }) @Column('text', { nullable: true }) outcomeContract: ContractType | null;
}
