import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { GlobalRecord, TenantRecord } from '../../crud/record';
import { LocalDate, Money } from '../../graphql/scalars';

@ObjectType({ description: 'A fund source (fonte di finanziamento) with its total budget.' })
@Entity('fund_sources')
export class FundSource extends GlobalRecord {
  @Field() @Column('text') code: string;
  @Field() @Column('text') name: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) programme: string | null;
  @Field(() => Money) @Column('numeric') budget: string;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) availableFrom: string | null;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) availableTo: string | null;
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
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note: string | null;
}
