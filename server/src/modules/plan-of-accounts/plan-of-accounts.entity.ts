import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../crud/record';
import { Money } from '../../graphql/scalars';

@ObjectType({ description: 'A line of a network’s plan of accounts (piano dei conti): the amount planned for a service type.' })
@Entity('network_account_lines')
export class AccountLine extends TenantRecord {
  @Field(() => ID) @Column('uuid') networkId: string;
  @Field(() => ID) @Column('uuid') serviceTypeId: string;
  @Field(() => Money) @Column('numeric') plannedAmount: string;
}

@ObjectType({ description: 'A service type in the plan of accounts: planned against what the recipients’ plans delivered.' })
export class AccountLineSummary {
  @Field(() => ID) serviceTypeId: string;
  @Field(() => Money) planned: string;
  @Field(() => Money) delivered: string;
}

@ObjectType({ description: 'The plan of accounts against the funding tier, the committed allocations and the delivered services.' })
export class PlanOfAccounts {
  @Field(() => Money, { description: 'The total of the plan: the project’s maximum contribution.' }) total: string;
  @Field(() => Money, { nullable: true, description: 'The funding tier’s maximum for the planned recipients, if the measure has tiers.' }) tierMaximum: string | null;
  @Field(() => Money, { description: 'Allocations committed to the network.' }) committed: string;
  @Field(() => Money, { description: 'Services delivered to the recipients.' }) delivered: string;
  @Field(() => Money, { description: 'The share of delivered process-conditional-on-result services still waiting for the result (30 % in Fase II).' })
  conditionalPending: string;
  @Field(() => [AccountLineSummary]) lines: AccountLineSummary[];
}
