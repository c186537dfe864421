import { BatchReads } from '../../common/request';
import { RuleCode, ServiceType } from '../measure/measure.entity';
import { NetworkStatus, type Network } from '../network/network.entity';
import { defineNetworkRule, RuleParameters } from '../network/rule-registry';
import { RecipientEnrolment } from '../recipient/recipient.entity';
import { RecipientService } from './service-plan.entity';
import { EnrolmentPlan, evaluatePlanRules, PLAN_RULES } from './service-plan.rules';

/** The network's recipients' plans and the measure's service types, through the loaders. */
export async function loadPlans(network: Network, loaders: BatchReads): Promise<{ plans: EnrolmentPlan[]; types: ServiceType[] }> {
  const [enrolments, services, types] = await Promise.all([
    loaders.manyBy(RecipientEnrolment, 'networkId').load(network.id),
    loaders.manyBy(RecipientService, 'networkId').load(network.id),
    loaders.manyBy(ServiceType, 'measureId').load(network.measureId),
  ]);
  return { plans: enrolments.map((e) => ({ ...e, services: services.filter((s) => s.enrolmentId === e.id) })), types };
}

/** Plans are still being written while their network is ACTIVE (PLAN_SERVICES). */
export const planTiming = (network: Network) => ({ active: network.status === NetworkStatus.ACTIVE, endDate: network.endDate });

/** A rule on every recipient's personal plan (service-plan.rules.ts: PLAN_CHECKS). */
const planRule = (code: (typeof PLAN_RULES)[number]) =>
  defineNetworkRule({
    code,
    owner: 'service-plan',
    kind: 'FLAG',
    reachedBy: ['recipientEnrolment', 'recipientService', 'serviceType'],
    namesOffenders: true,
    load: loadPlans,
    evaluate: ({ plans, types }, params: RuleParameters, network) => evaluatePlanRules(plans, types, { ...params, rules: [code] }, planTiming(network)),
  });

export const PLAN_SERVICES = planRule(RuleCode.PLAN_SERVICES);
export const PHASE2_CHOICE = planRule(RuleCode.PHASE2_CHOICE);
export const SERVICE_HOURS = planRule(RuleCode.SERVICE_HOURS);
/** The plan's amounts per recipient; the network's allocations against the same caps are funding's. */
export const PLAN_PER_RECIPIENT_CAPS = planRule(RuleCode.PER_RECIPIENT_CAPS);
export const RELOCATION_TRAINING_ONLY = planRule(RuleCode.RELOCATION_TRAINING_ONLY);
