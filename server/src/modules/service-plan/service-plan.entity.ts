import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../crud/record';
import { LocalDate, Money } from '../../graphql/scalars';

export enum ServiceStatus {
  PLANNED = 'PLANNED',
  DELIVERED = 'DELIVERED',
}
registerEnumType(ServiceStatus, { name: 'ServiceStatus', description: 'Planned in the PIP, or delivered and reported.' });

export enum DeliveryMode {
  INDIVIDUAL = 'INDIVIDUAL',
  GROUP = 'GROUP',
}
registerEnumType(DeliveryMode, { name: 'DeliveryMode', description: 'Individual or group delivery (group is preferred for GOL P5).' });

@ObjectType({ description: "A service of a recipient's personal plan (PIP), planned or delivered by a member of the network." })
@Entity('recipient_services')
export class RecipientService extends TenantRecord {
  @Field(() => ID, { description: "The enrolment's network, set from the enrolment." }) @Column('uuid') networkId: string;
  @Field(() => ID) @Column('uuid') enrolmentId: string;
  @Field(() => ID) @Column('uuid') serviceTypeId: string;
  @Field(() => ID, { description: 'The delivering partner, a member of the network.' }) @Column('uuid') partnerId: string;
  @Field(() => ServiceStatus) @Column('text') status: ServiceStatus;
  @Field(() => DeliveryMode) @Column('text') delivery: DeliveryMode;
  @Field(() => LocalDate, { description: 'Planned date, or the date of delivery.' }) @Column('date') serviceDate: string;
  @Field(() => Int) @Column('int') hours: number;
  @Field(() => Money, { description: "Hours × the service type's standard unit cost, the voucher's value, or as recorded for result services." })
  @Column('numeric')
  amount: string;
}

@ObjectType({ description: "One service type in a recipient's plan: planned against delivered, and the hours its cap leaves." })
export class PlanLine {
  @Field(() => ID) serviceTypeId: string;
  @Field(() => Int) plannedHours: number;
  @Field(() => Int) deliveredHours: number;
  @Field(() => Int, { nullable: true, description: "The service type's hour cap per recipient." }) maxHours: number | null;
  @Field(() => Int, { nullable: true, description: 'Cap minus the hours planned or delivered, whichever is more; empty without a cap.' }) hoursLeft: number | null;
  @Field(() => Money) plannedAmount: string;
  @Field(() => Money) deliveredAmount: string;
}
