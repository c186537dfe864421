import { BatchReads } from '../../common/request';
import { RuleCode } from '../measure/measure.entity';
import type { Network } from '../network/network.entity';
import { finding, KIND_LABELS, MeasureParameters, RecipientKind } from '../network/network.rules';
import { networkSnapshot } from '../network/network.snapshot';
import { defineNetworkRule, RuleFinding } from '../network/rule-registry';
import { RecipientEnrolment } from './recipient.entity';
import { DeclaredEnrolment, exclusivePolicyOutside, residenceInLombardy, subordinatePreviousContract } from './recipient.rules';

export const EXCLUSIVE_POLICY = defineNetworkRule({
  code: RuleCode.EXCLUSIVE_POLICY,
  owner: 'recipient',
  kind: 'FLAG',
  reachedBy: ['recipientEnrolment', 'measureCompatibility'],
  namesOffenders: true,
  load: async (network, loaders) => ({ overlappingEnrolments: await loaders.exclusiveOverlaps.load(network.id) }),
  evaluate: (s) => {
    const n = s.overlappingEnrolments.length;
    if (!n) return [];
    return [
      n === 1
        ? finding('recipientEnrolments', "1 destinatario risulta iscritto, nelle stesse date, a un altro intervento di politica attiva finanziato con risorse pubbliche.", '1 recipient is enrolled, on the same dates, in another publicly funded active-labour-policy intervention.', s.overlappingEnrolments)
        : finding('recipientEnrolments', `${n} destinatari risultano iscritti, nelle stesse date, a un altro intervento di politica attiva finanziato con risorse pubbliche.`, `${n} recipients are enrolled, on the same dates, in another publicly funded active-labour-policy intervention.`, s.overlappingEnrolments),
    ];
  },
});

export const RECIPIENT_ELIGIBILITY = defineNetworkRule({
  code: RuleCode.RECIPIENT_ELIGIBILITY,
  owner: 'recipient',
  kind: 'FLAG',
  reachedBy: ['network', 'recipientEnrolment', 'networkCompany', 'crisisCompany'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p: MeasureParameters) => {
    const out: RuleFinding[] = [];
    for (const [kind, { key, field, it, en }] of Object.entries(KIND_LABELS) as [RecipientKind, (typeof KIND_LABELS)[RecipientKind]][]) {
      if (p.eligibleRecipientKinds.length && !p.eligibleRecipientKinds.includes(kind) && (s.planned[key] > 0 || s.enrolled[key] > 0)) {
        out.push(finding(field, `La misura non ammette ${it.toLowerCase()}: previsti ${s.planned[key]}, iscritti ${s.enrolled[key]}.`, `The measure does not admit ${en.toLowerCase()}: ${s.planned[key]} planned, ${s.enrolled[key]} enrolled.`));
      }
    }
    const suspended = s.planned.suspended > 0 || s.enrolled.suspended > 0;
    if (p.suspendedNeedRedundancies && suspended && !s.companies.some((c) => c.expectedRedundancies > 0)) {
      out.push(finding('companies', 'Gli occupati sospesi sono ammessi solo se sono previsti esuberi: nessuna azienda in crisi collegata ne prevede.', 'Suspended workers are admitted only where redundancies are expected: no linked company in crisis expects any.', s.companies.map((c) => c.id)));
    }
    return out;
  },
});

const loadEnrolments = (network: Network, loaders: BatchReads): Promise<DeclaredEnrolment[]> => loaders.manyBy(RecipientEnrolment, 'networkId').load(network.id);

/**
 * A rule on what each recipient declares at enrolment. Flags, not limits: like RECIPIENT_ELIGIBILITY
 * (the same sentence of seed 000) and EXCLUSIVE_POLICY, a draft network may hold an enrolment still
 * being documented; activation waits for it, and an ACTIVE network refuses the enrolment that breaks it.
 */
const declarationRule = (code: RuleCode, evaluate: (enrolments: DeclaredEnrolment[]) => RuleFinding[]) =>
  defineNetworkRule({
    code,
    owner: 'recipient',
    kind: 'FLAG',
    reachedBy: ['recipientEnrolment'],
    namesOffenders: true,
    load: loadEnrolments,
    evaluate,
  });

/** Seed 000: Fase II's unemployed come from subordinate employment. */
export const SUBORDINATE_PREVIOUS_CONTRACT = declarationRule(RuleCode.SUBORDINATE_PREVIOUS_CONTRACT, subordinatePreviousContract);
/** Seeds 000 and 002: the unemployed reside or are domiciled in Lombardy. */
export const RESIDENCE_IN_LOMBARDY = declarationRule(RuleCode.RESIDENCE_IN_LOMBARDY, residenceInLombardy);
/** Seeds 000 and 003: nobody is at the same time in Dote Unica Lavoro, Garanzia Giovani or another public measure. */
export const EXCLUSIVE_POLICY_OUTSIDE = declarationRule(RuleCode.EXCLUSIVE_POLICY_OUTSIDE, exclusivePolicyOutside);
