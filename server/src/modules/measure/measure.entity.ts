import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { GlobalRecord } from '../../crud/record';
import { LocalDate, Money } from '../../graphql/scalars';
import { RecipientKind } from '../recipient/recipient.entity';

/** The rule codes of DOMAIN.md ("Rules"). A measure lists the ones that apply to its networks. */
export enum RuleCode {
  MIN_PARTNERS = 'MIN_PARTNERS',
  ONE_LEAD = 'ONE_LEAD',
  LEAD_TYPE = 'LEAD_TYPE',
  PROVINCE_AND_CPI = 'PROVINCE_AND_CPI',
  MAX_COMPANIES = 'MAX_COMPANIES',
  RECIPIENTS_RANGE = 'RECIPIENTS_RANGE',
  DURATION = 'DURATION',
  TIER_CAP = 'TIER_CAP',
  FUND_BUDGET = 'FUND_BUDGET',
  PER_RECIPIENT_CAPS = 'PER_RECIPIENT_CAPS',
  EXCLUSIVE_POLICY = 'EXCLUSIVE_POLICY',
  RECIPIENT_ELIGIBILITY = 'RECIPIENT_ELIGIBILITY',
  RESIDENCE_IN_AMBITO = 'RESIDENCE_IN_AMBITO',
  // Recipients' personal plans (modules/service-plan).
  PLAN_SERVICES = 'PLAN_SERVICES',
  PHASE2_CHOICE = 'PHASE2_CHOICE',
  SERVICE_HOURS = 'SERVICE_HOURS',
  RELOCATION_TRAINING_ONLY = 'RELOCATION_TRAINING_ONLY',
  // The plan of accounts (modules/plan-of-accounts).
  PLAN_OF_ACCOUNTS = 'PLAN_OF_ACCOUNTS',
  // The project sheet (modules/project-sheet).
  PROJECT_SHEET = 'PROJECT_SHEET',
  APPLICATION_WINDOW = 'APPLICATION_WINDOW',
  // Which funds may pay (modules/fund-eligibility), checked on every allocation.
  FUND_MEASURES = 'FUND_MEASURES',
  FUND_ORDER = 'FUND_ORDER',
  FUND_RECIPIENTS = 'FUND_RECIPIENTS',
  // The CPI competent for the crisis companies (modules/cpi-competence).
  CPI_COMPETENCE = 'CPI_COMPETENCE',
  // What recipients declare at enrolment (modules/recipient).
  SUBORDINATE_PREVIOUS_CONTRACT = 'SUBORDINATE_PREVIOUS_CONTRACT',
  RESIDENCE_IN_LOMBARDY = 'RESIDENCE_IN_LOMBARDY',
  EXCLUSIVE_POLICY_OUTSIDE = 'EXCLUSIVE_POLICY_OUTSIDE',
  // Result services by the recipient's aid band (modules/service-plan).
  RESULT_BAND_AMOUNTS = 'RESULT_BAND_AMOUNTS',
}
registerEnumType(RuleCode, { name: 'RuleCode' });

@ObjectType({ description: 'A funding measure (misura / avviso) and the rule parameters its networks must respect.' })
@Entity('measures')
export class Measure extends GlobalRecord {
  @Field() @Column('text') code: string;
  @Field() @Column('text') name: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) legalAct: string | null;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) openFrom: string | null;
  @Field(() => LocalDate, { nullable: true }) @Column('date', { nullable: true }) openTo: string | null;

  @Field(() => [RuleCode], { description: 'Rules that apply to networks of this measure.' })
  @Column('text', { array: true })
  rules: RuleCode[];

  @Field(() => Int, { nullable: true, description: 'MIN_PARTNERS: subjects in the partnership, lead included.' })
  @Column('int', { nullable: true })
  minPartners: number | null;

  @Field(() => [String], { description: 'LEAD_TYPE: partner type codes allowed as lead besides operators accredited for labour services (whatever their type).' })
  @Column('text', { array: true })
  leadPartnerTypeCodes: string[];

  @Field(() => [String], { description: 'PROVINCE_AND_CPI: partner type codes the network must include.' })
  @Column('text', { array: true })
  requiredPartnerTypeCodes: string[];

  @Field(() => Int, { nullable: true, description: 'MAX_COMPANIES: at least this many companies in crisis per network.' })
  @Column('int', { nullable: true })
  minCompanies: number | null;

  @Field(() => Int, { nullable: true, description: 'MAX_COMPANIES: companies in crisis per network.' })
  @Column('int', { nullable: true })
  maxCompanies: number | null;

  @Field(() => Int, { nullable: true, description: 'RECIPIENTS_RANGE: minimum planned recipients.' })
  @Column('int', { nullable: true })
  minRecipients: number | null;

  @Field(() => Int, { nullable: true, description: 'RECIPIENTS_RANGE: maximum planned recipients.' })
  @Column('int', { nullable: true })
  maxRecipients: number | null;

  @Field(() => [RecipientKind], { description: 'RECIPIENT_ELIGIBILITY: kinds of recipient admitted; empty admits both.' })
  @Column('text', { array: true })
  eligibleRecipientKinds: RecipientKind[];

  @Field({ description: 'RECIPIENT_ELIGIBILITY: suspended workers only where a linked company in crisis expects redundancies.' })
  @Column('boolean')
  suspendedNeedRedundancies: boolean;

  @Field(() => Int, { nullable: true, description: 'DURATION: months from the start date.' })
  @Column('int', { nullable: true })
  maxDurationMonths: number | null;

  @Field(() => Money, { nullable: true, description: 'PER_RECIPIENT_CAPS: process services per recipient.' })
  @Column('numeric', { nullable: true })
  processCapPerRecipient: string | null;

  @Field(() => Money, { nullable: true, description: 'PER_RECIPIENT_CAPS: job-placement result services per recipient.' })
  @Column('numeric', { nullable: true })
  placementCapPerRecipient: string | null;

  @Field(() => Money, { nullable: true, description: 'PER_RECIPIENT_CAPS: self-employment result services per recipient.' })
  @Column('numeric', { nullable: true })
  selfEmploymentCapPerRecipient: string | null;

  @Field(() => [Money], { nullable: 'items', description: 'RESULT_BAND_AMOUNTS: job-placement result amount per aid band (fascia di aiuto), band 1 first; null for a band with no amount of its own.' })
  @Column('numeric', { array: true })
  placementAmountsByBand: (string | null)[];

  @Field(() => [Money], { nullable: 'items', description: 'RESULT_BAND_AMOUNTS: self-employment result amount per aid band, band 1 first; null for a band with no amount of its own.' })
  @Column('numeric', { array: true })
  selfEmploymentAmountsByBand: (string | null)[];

  @Field(() => Int, { nullable: true, description: 'PLAN_SERVICES: guidance services (orientamento) each plan needs.' })
  @Column('int', { nullable: true })
  minGuidanceServices: number | null;

  @Field(() => Int, { nullable: true, description: 'PLAN_SERVICES: intensive-assistance services each plan needs.' })
  @Column('int', { nullable: true })
  minIntensiveServices: number | null;

  @Field(() => Int, { nullable: true, description: 'PHASE2_CHOICE: phase-2 alternatives a recipient may take.' })
  @Column('int', { nullable: true })
  maxPhase2Alternatives: number | null;

  @Field(() => String, { nullable: true, description: 'Share of a process-conditional-on-result service paid only on the result, e.g. "0.30".' })
  @Column('numeric', { nullable: true })
  conditionalResultShare: string | null;
}

@ObjectType({ description: 'Maximum contribution for a range of planned recipients (fascia di contributo).' })
@Entity('funding_tiers')
export class FundingTier extends GlobalRecord {
  @Field(() => ID) @Column('uuid') measureId: string;
  @Field(() => Int) @Column('int') minRecipients: number;
  @Field(() => Int) @Column('int') maxRecipients: number;
  @Field(() => Money) @Column('numeric') maxContribution: string;
}

export enum ServiceCategory {
  ACCESS = 'ACCESS',
  GUIDANCE_TRAINING = 'GUIDANCE_TRAINING',
  VOUCHER_TRAINING = 'VOUCHER_TRAINING',
  INTENSIVE_ASSISTANCE = 'INTENSIVE_ASSISTANCE',
}
registerEnumType(ServiceCategory, { name: 'ServiceCategory' });

export enum ServicePayment {
  PROCESS = 'PROCESS',
  RESULT = 'RESULT',
  PROCESS_CONDITIONAL_ON_RESULT = 'PROCESS_CONDITIONAL_ON_RESULT',
  VOUCHER = 'VOUCHER',
}
registerEnumType(ServicePayment, { name: 'ServicePayment' });

export enum ResultKind {
  PLACEMENT = 'PLACEMENT',
  SELF_EMPLOYMENT = 'SELF_EMPLOYMENT',
}
registerEnumType(ResultKind, { name: 'ResultKind', description: "Which per-recipient result cap bounds a service: placement or self-employment." });

@ObjectType({ description: "A service of a measure's catalogue, with its hour caps." })
@Entity('service_types')
export class ServiceType extends GlobalRecord {
  @Field(() => ID) @Column('uuid') measureId: string;
  @Field() @Column('text') code: string;
  @Field() @Column('text') name: string;
  @Field(() => Int) @Column('int') phase: number;
  @Field(() => ServiceCategory) @Column('text') category: ServiceCategory;
  @Field(() => ServicePayment) @Column('text') payment: ServicePayment;
  @Field(() => Int, { nullable: true }) @Column('int', { nullable: true }) maxHours: number | null;
  @Field(() => Int, { nullable: true }) @Column('int', { nullable: true }) minHours: number | null;
  @Field(() => Money, { nullable: true }) @Column('numeric', { nullable: true }) voucherValue: string | null;
  @Field(() => Money, { nullable: true, description: "Standard unit cost per hour: a service's amount is its hours times this." })
  @Column('numeric', { nullable: true })
  hourlyUnitCost: string | null;

  @Field({ description: 'A training service: all that an Assegno di Ricollocazione holder may receive.' }) @Column('boolean') training: boolean;
  @Field(() => ResultKind, { nullable: true }) @Column('text', { nullable: true }) resultKind: ResultKind | null;
}

@ObjectType({ description: 'Two measures an administrator declared compatible: a recipient may follow both at once (EXCLUSIVE_POLICY).' })
@Entity('measure_compatibilities')
export class MeasureCompatibility extends GlobalRecord {
  @Field(() => ID) @Column('uuid') measureId: string;
  @Field(() => ID) @Column('uuid') compatibleMeasureId: string;
}
