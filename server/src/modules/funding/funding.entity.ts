import { Extensions, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { GlobalRecord, TenantRecord } from '../../crud/record';
import { LocalDate, Money } from '../../graphql/scalars';
import { sizeClass } from '../../graphql/limits';

@ObjectType({ description: 'A fund source (fonte di finanziamento) with its total budget.' })
@Entity('fund_sources')
export class FundSource extends GlobalRecord {
  @Field() @Column('text') code: string;
  @Field() @Column('text') name: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) programme: string | null;
  @Field(() => Money) @Column('numeric') budget: string;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) availableFrom: string | null;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) availableTo: string | null;
  @Field(() => [String], { description: 'FUND_MEASURES: codes of the measures this source may pay; empty for any.' }) @Column('text', { array: true }) measureCodes: string[];
  @Field(() => ID, { nullable: true, description: 'FUND_ORDER: the source to draw on first, while it can pay.' }) @Column('uuid', { nullable: true }) drawnAfterId: string | null;
  @Field({ description: 'FUND_RECIPIENTS: only for workers whose hours were cut by more than 30 %.' }) @Column('boolean') reducedHoursOnly: boolean;
}

export enum AllocationKind {
  PROCESS = 'PROCESS',
  RESULT = 'RESULT',
  VOUCHER = 'VOUCHER',
}
registerEnumType(AllocationKind, { name: 'AllocationKind', description: 'Servizi a processo, servizi a risultato, voucher.' });

export enum AllocationStatus {
  COMMITTED = 'COMMITTED',
  REVOKED = 'REVOKED',
}
registerEnumType(AllocationStatus, { name: 'AllocationStatus' });

@ObjectType({ description: 'Money from a fund source assigned to a network (assegnazione).' })
@Entity('allocations')
export class Allocation extends TenantRecord {
  @Field(() => ID) @Column('uuid') networkId: string;
  @Field(() => ID) @Column('uuid') fundSourceId: string;
  @Field(() => Money) @Column('numeric') amount: string;
  @Field(() => LocalDate) @Column('date') allocatedOn: string;
  @Field(() => AllocationKind) @Column('text') kind: AllocationKind;
  @Field(() => AllocationStatus) @Column('text') status: AllocationStatus;
  @Field(() => String, { nullable: true }) @Extensions(sizeClass(2_000)) @Column('text', { nullable: true }) note: string | null;
}
