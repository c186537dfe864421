import { BatchReads } from '../../common/request';
import { RuleCode } from '../measure/measure.entity';
import type { Network } from '../network/network.entity';
import { defineNetworkRule, RuleFinding } from '../network/rule-registry';
import { RecipientEnrolment } from './recipient.entity';
import { DeclaredEnrolment, exclusivePolicyOutside, residenceInLombardy, subordinatePreviousContract } from './recipient.rules';

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
    load: loadEnrolments,
    evaluate,
  });

/** Seed 000: Fase II's unemployed come from subordinate employment. */
export const SUBORDINATE_PREVIOUS_CONTRACT = declarationRule(RuleCode.SUBORDINATE_PREVIOUS_CONTRACT, subordinatePreviousContract);
/** Seeds 000 and 002: the unemployed reside or are domiciled in Lombardy. */
export const RESIDENCE_IN_LOMBARDY = declarationRule(RuleCode.RESIDENCE_IN_LOMBARDY, residenceInLombardy);
/** Seeds 000 and 003: nobody is at the same time in Dote Unica Lavoro, Garanzia Giovani or another public measure. */
export const EXCLUSIVE_POLICY_OUTSIDE = declarationRule(RuleCode.EXCLUSIVE_POLICY_OUTSIDE, exclusivePolicyOutside);
