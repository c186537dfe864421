import { Extensions, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../crud/record';
import { LocalDate } from '../../graphql/scalars';
import { sizeClass } from '../../graphql/limits';
import { RuleCode } from '../measure/measure.entity';

export enum NetworkStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NetworkStatus, { name: 'NetworkStatus', description: 'DRAFT → ACTIVE → CLOSED, or DRAFT/ACTIVE → WITHDRAWN.' });

@ObjectType({ description: 'A partnership network (rete) funded under a measure.' })
@Entity('networks')
export class Network extends TenantRecord {
  @Field() @Column('text') code: string;
  @Field() @Column('text') title: string;
  @Field(() => ID) @Column('uuid') measureId: string;
  @Field(() => NetworkStatus) @Column('text') status: NetworkStatus;
  @Field(() => LocalDate) @Column('date') startDate: string;
  @Field(() => LocalDate) @Column('date') endDate: string;
  @Field(() => Int, { description: 'Planned recipients who are suspended workers (CIGS/CIGD).' }) @Column('int') plannedSuspended: number;
  @Field(() => Int, { description: 'Planned recipients who are unemployed.' }) @Column('int') plannedUnemployed: number;
  @Field(() => String, { nullable: true, description: 'Sector or supply chain (filiera).' }) @Column('text', { nullable: true }) supplyChain: string | null;
  @Field(() => ID, { nullable: true }) @Column('uuid', { nullable: true }) atecoSectorId: string | null;
  @Field(() => ID, { nullable: true }) @Column('uuid', { nullable: true }) pactId: string | null;
  @Field(() => String, { nullable: true }) @Extensions(sizeClass(5_000)) @Column('text', { nullable: true }) description: string | null;

  @Field(() => Int, { description: 'Planned recipients of both kinds.' })
  get plannedRecipients(): number {
    return this.plannedSuspended + this.plannedUnemployed;
  }
}

export enum MemberRole {
  LEAD = 'LEAD',
  PARTNER = 'PARTNER',
}
registerEnumType(MemberRole, { name: 'MemberRole', description: 'LEAD is the capofila; a network has exactly one.' });

@ObjectType({ description: "A partner's place in a network (composizione della rete)." })
@Entity('network_members')
export class NetworkMember extends TenantRecord {
  @Field(() => ID) @Column('uuid') networkId: string;
  @Field(() => ID) @Column('uuid') partnerId: string;
  @Field(() => MemberRole) @Column('text') role: MemberRole;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) joinedOn: string | null;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) leftOn: string | null;
}

@ObjectType({ description: 'Links a network to a company in crisis whose workers it serves.' })
@Entity('network_companies')
export class NetworkCompany extends TenantRecord {
  @Field(() => ID) @Column('uuid') networkId: string;
  @Field(() => ID) @Column('uuid') crisisCompanyId: string;
}

@ObjectType({ description: 'A rule of the measure that the network breaks.' })
export class Violation {
  @Field(() => RuleCode) rule: RuleCode;
  @Field({ description: 'In Italian.' }) message: string;
  @Field({ description: 'In English.' }) messageEn: string;
  @Field(() => [ID], { description: 'Records involved, where that helps (partners, companies, allocations, fund sources, enrolments).' }) ids: string[];
  @Field({ description: 'What it concerns: a field of the network (endDate, plannedRecipients, plannedSuspended, plannedUnemployed) or one of its lists (members, companies, allocations, recipientEnrolments).' }) field: string;
  @Field(() => LocalDate, { nullable: true, description: 'Set when the rule is not broken yet: the day a planned departure will break it.' }) from: string | null;
}

@ObjectType({ description: "The network checked against its measure's rules." })
export class ComplianceReport {
  @Field() ok: boolean;
  @Field(() => [Violation], { description: 'Rules broken now: activation needs none.' }) violations: Violation[];
  @Field(() => [Violation], { description: 'Rules the planned departures of members will break, each with the day (from).' }) upcoming: Violation[];
  @Field(() => Int) plannedRecipients: number;
  @Field(() => Int, { description: 'Recipients actually enrolled.' }) enrolledRecipients: number;
}

@ObjectType({ description: 'A status the network may move to, and what blocks it.' })
export class StatusTransition {
  @Field(() => NetworkStatus) status: NetworkStatus;
  @Field() allowed: boolean;
  @Field(() => [Violation], { description: 'The rules that must hold first (activation needs compliance).' }) blockedBy: Violation[];
}

@ObjectType('NetworkImpact', { description: 'An ACTIVE network a change would make break rules it kept, and those rules.' })
export class NetworkImpactReport {
  @Field(() => ID) networkId: string;
  @Field() code: string;
  @Field() title: string;
  @Field(() => [Violation]) violations: Violation[];
}
