import { Extensions, Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { GlobalRecord, TenantRecord } from '../../crud/record';
import { LocalDate, Money } from '../../graphql/scalars';
import { sizeClass } from '../../graphql/limits';

@ObjectType({ description: 'A municipality that is part of an ambito (a tenant of kind AMBITO). Reference data.' })
@Entity('ambito_municipalities')
export class AmbitoMunicipality extends GlobalRecord {
  @Field(() => ID, { description: 'The tenant of kind AMBITO.' }) @Column('uuid') ambitoId: string;
  @Field(() => ID) @Column('uuid') municipalityId: string;
}

@ObjectType({ description: 'A group of people (or companies) a co-design call addresses (seed 004). Reference data.' })
@Entity('target_groups')
export class TargetGroup extends GlobalRecord {
  @Field() @Column('text') code: string;
  @Field() @Column('text') name: string;
}

export enum CallStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
  AWARDED = 'AWARDED',
}
registerEnumType(CallStatus, { name: 'CodesignCallStatus', description: 'DRAFT → PUBLISHED → CLOSED (after the deadline) → AWARDED.' });

export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  UNDER_EVALUATION = 'UNDER_EVALUATION',
  SELECTED = 'SELECTED',
  NOT_SELECTED = 'NOT_SELECTED',
}
registerEnumType(ProposalStatus, {
  name: 'CodesignProposalStatus',
  description: 'DRAFT → SUBMITTED (by the body, complete, before the deadline) → UNDER_EVALUATION (when the call closes) → SELECTED or NOT_SELECTED (at the award).',
});

/**
 * Rows another tenant may also read: `sharedReads` is the condition, besides the own tenant, under
 * which the code looks for them (db/scoped-query.ts); row-level security decides which it gets.
 */
@ObjectType({ description: "An Ambito's public co-design procedure under art. 55 D.Lgs. 117/2017 (istruttoria pubblica)." })
@Entity('codesign_calls')
export class CodesignCall extends TenantRecord {
  static sharedReads = (alias: string) => `${alias}.status <> 'DRAFT'`;

  @Field() @Column('text') code: string;
  @Field() @Column('text') title: string;
  @Field({ description: 'Oggetto.' }) @Extensions(sizeClass(10_000)) @Column('text') object: string;
  @Field(() => String, { nullable: true }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) generalObjectives: string | null;
  @Field(() => String, { nullable: true }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) specificObjectives: string | null;
  @Field(() => String, { nullable: true, description: 'Resources the Ambito makes available.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) resources: string | null;
  @Field(() => Money, { nullable: true }) @Column('numeric', { nullable: true }) budget: string | null;
  @Field(() => [ID]) @Column('uuid', { array: true }) targetGroupIds: string[];
  @Field(() => GraphQLISODateTime, { description: 'Proposals are submitted up to this moment.' }) @Column('timestamptz') deadline: Date;
  @Field(() => CallStatus) @Column('text') status: CallStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column('timestamptz', { nullable: true }) publishedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Number of the act approving the award.' }) @Column('text', { nullable: true }) awardActNumber: string | null;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) awardActDate: string | null;
  @Field(() => ID, { nullable: true, description: 'The co-designed project: a network of measure COPROGETTAZIONE_ART55.' })
  @Column('uuid', { nullable: true })
  networkId: string | null;
}

@ObjectType({ description: 'An evaluation criterion of a call; the weights of a call add up to 100.' })
@Entity('codesign_criteria')
export class CodesignCriterion extends TenantRecord {
  static sharedReads = (alias: string) => `${alias}.callId IN (SELECT id FROM codesign_calls WHERE status <> 'DRAFT')`;

  @Field(() => ID) @Column('uuid') callId: string;
  @Field() @Column('text') name: string;
  @Field(() => Int, { description: 'Points the criterion is worth; a score ranges from 0 to it.' }) @Column('int') weight: number;
  @Field(() => Int) @Column('int') position: number;
}

@ObjectType({ description: "A user of the Ambito appointed to score a call's proposals, with the body they are tied to, if any." })
@Entity('codesign_evaluators')
export class CodesignEvaluator extends TenantRecord {
  @Field(() => ID) @Column('uuid') callId: string;
  @Field(() => ID) @Column('uuid') userId: string;
  @Field(() => ID, { nullable: true, description: "A third-sector body the evaluator works for: they may not score that body's proposal." })
  @Column('uuid', { nullable: true })
  affiliatedBodyId: string | null;
}

@ObjectType({ description: "A third-sector body's proposal for a call. The Ambito reads it once submitted; other bodies never." })
@Entity('codesign_proposals')
export class CodesignProposal extends TenantRecord {
  static sharedReads = (alias: string) => `${alias}.callTenantId = :scopeTenantId`;
  /** A draft is its body's until submitted. */
  static allTenantsReads = (alias: string) => `${alias}.status <> 'DRAFT'`;

  @Field(() => ID, { description: 'The Ambito that published the call.' }) @Column('uuid') callTenantId: string;
  @Field(() => ID) @Column('uuid') callId: string;
  @Field() @Column('text') title: string;
  @Field({ description: 'The proposing body (capofila) as it will join the network.' }) @Column('text') leadLegalName: string;
  @Field() @Column('text') leadTaxCode: string;
  @Field(() => String, { nullable: true }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) summary: string | null;
  @Field(() => ProposalStatus) @Column('text') status: ProposalStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
}

@ObjectType({ description: 'A partner the body brings to its proposal.' })
@Entity('codesign_proposal_partners')
export class CodesignProposalPartner extends TenantRecord {
  static sharedReads = CodesignProposal.sharedReads;
  static allTenantsReads = (alias: string) => `${alias}.proposalId IN (SELECT id FROM codesign_proposals WHERE status <> 'DRAFT')`;

  @Field(() => ID) @Column('uuid') callTenantId: string;
  @Field(() => ID) @Column('uuid') proposalId: string;
  @Field() @Column('text') legalName: string;
  @Field() @Column('text') taxCode: string;
  @Field(() => ID) @Column('uuid') partnerTypeId: string;
  @Field(() => String, { nullable: true, description: 'What the partner contributes.' }) @Extensions(sizeClass(5_000)) @Column('text', { nullable: true }) contribution: string | null;
}

/** The ten sections of the seed's schema ("secondo il seguente schema"), in order. */
export const ACTION_SECTIONS = [
  'recipientTypes', 'territorialNeeds', 'generalObjectives', 'specificObjectives', 'activities',
  'timing', 'humanResources', 'networkActors', 'expectedOutputs', 'monitoringTools',
] as const;
export type ActionSection = (typeof ACTION_SECTIONS)[number];

@ObjectType({ description: 'One action of a proposal, described by the ten sections of the call (seed 004).' })
@Entity('codesign_actions')
export class CodesignAction extends TenantRecord {
  static sharedReads = CodesignProposal.sharedReads;
  static allTenantsReads = (alias: string) => `${alias}.proposalId IN (SELECT id FROM codesign_proposals WHERE status <> 'DRAFT')`;

  @Field(() => ID) @Column('uuid') callTenantId: string;
  @Field(() => ID) @Column('uuid') proposalId: string;
  @Field() @Column('text') title: string;
  @Field(() => Int) @Column('int') position: number;
  @Field(() => String, { nullable: true, description: '1. Differenti tipologie di destinatari.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) recipientTypes: string | null;
  @Field(() => String, { nullable: true, description: '2. Bisogni del target rilevati sul territorio.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) territorialNeeds: string | null;
  @Field(() => String, { nullable: true, description: '3. Obiettivi generali.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) generalObjectives: string | null;
  @Field(() => String, { nullable: true, description: '4. Obiettivi specifici.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) specificObjectives: string | null;
  @Field(() => String, { nullable: true, description: '5. Descrizione azioni e attività previste.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) activities: string | null;
  @Field(() => String, { nullable: true, description: '6. Tempi di realizzazione.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) timing: string | null;
  @Field(() => String, { nullable: true, description: '7. Risorse umane coinvolte.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) humanResources: string | null;
  @Field(() => String, { nullable: true, description: '8. Altri soggetti della rete coinvolgibili.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) networkActors: string | null;
  @Field(() => String, { nullable: true, description: '9. Output e risultati attesi (elementi osservabili).' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) expectedOutputs: string | null;
  @Field(() => String, { nullable: true, description: '10. Strumenti di raccolta dati, monitoraggio e valutazione.' }) @Extensions(sizeClass(10_000)) @Column('text', { nullable: true }) monitoringTools: string | null;
}

@ObjectType({ description: "An evaluator's score of a proposal against one criterion, with its reason." })
@Entity('codesign_scores')
export class CodesignScore extends TenantRecord {
  /** The Ambito's until the ranking is published with the award. */
  static allTenantsReads = (alias: string) => `${alias}.callId IN (SELECT id FROM codesign_calls WHERE status = 'AWARDED')`;
  @Field(() => ID) @Column('uuid') callId: string;
  @Field(() => ID) @Column('uuid') proposalTenantId: string;
  @Field(() => ID) @Column('uuid') proposalId: string;
  @Field(() => ID) @Column('uuid') criterionId: string;
  @Field(() => ID, { description: 'The signed-in user who gave it.' }) @Column('uuid') evaluatorId: string;
  @Field(() => Float, { description: 'From 0 to the weight of the criterion.' }) @Column('numeric') score: string;
  @Field() @Extensions(sizeClass(5_000)) @Column('text') reason: string;
}

@ObjectType({ description: 'How far a proposal is from complete: every action needs all ten sections.' })
export class Completeness {
  @Field(() => Int) actions: number;
  @Field(() => Int) sectionsFilled: number;
  @Field(() => Int) sectionsRequired: number;
  @Field(() => Int, { description: '0 to 100.' }) percent: number;
  @Field() complete: boolean;
}

@ObjectType({ description: 'A line of the ranking: each criterion’s mean score over its evaluators, added up.' })
export class RankingEntry {
  @Field(() => ID) proposalId: string;
  @Field() leadLegalName: string;
  @Field() title: string;
  @Field(() => ProposalStatus) status: ProposalStatus;
  @Field(() => Float) total: number;
  @Field(() => Int, { description: 'Criteria with at least one score.' }) scoredCriteria: number;
  @Field(() => Int) criteria: number;
  @Field(() => Int) rank: number;
}

/** Every TypeORM entity of the co-design module. */
export const codesignEntities = [
  AmbitoMunicipality, TargetGroup, CodesignCall, CodesignCriterion, CodesignEvaluator, CodesignProposal, CodesignProposalPartner, CodesignAction, CodesignScore,
];
