import { RuleCode } from '../measure/measure.entity';
import { Allocation } from '../funding/funding.entity';
import { defineNetworkRule } from '../network/rule-registry';
import { evaluatePlanRules, resultAllocationViolations } from './service-plan.rules';
import { loadPlans } from './service-plan.rule';

/**
 * Seed 002: result services are "quantificati secondo la Fascia di Aiuto del destinatario". A
 * recipient's result services, planned or delivered, and the network's committed result
 * allocations may not exceed what the measure's amounts per aid band pay.
 */
export const RESULT_BAND_AMOUNTS = defineNetworkRule({
  code: RuleCode.RESULT_BAND_AMOUNTS,
  owner: 'service-plan',
  kind: 'FLAG',
  reachedBy: ['recipientEnrolment', 'recipientService', 'serviceType', 'allocation', 'network'],
  load: async (network, loaders) => {
    const [{ plans, types }, allocations] = await Promise.all([loadPlans(network, loaders), loaders.manyBy(Allocation, 'networkId').load(network.id)]);
    return { plans, types, allocations };
  },
  evaluate: ({ plans, types, allocations }, params, network) => [
    ...evaluatePlanRules(plans, types, { ...params, rules: [RuleCode.RESULT_BAND_AMOUNTS] }),
    ...resultAllocationViolations(plans, network.plannedSuspended + network.plannedUnemployed, allocations, params),
  ],
});
