import { BatchReads, present } from '../../common/request';
import { Allocation } from '../funding/funding.entity';
import { FundingTier, Measure, RuleCode, ServicePayment, ServiceType } from '../measure/measure.entity';
import { defineNetworkRule } from '../network/rule-registry';
import type { Network } from '../network/network.entity';
import { tierFor } from '../network/network.rules';
import { Outcome, RecipientEnrolment } from '../recipient/recipient.entity';
import { RecipientService, ServiceStatus } from '../service-plan/service-plan.entity';
import { AccountLine } from './plan-of-accounts.entity';
import { planOfAccountsViolations, summariseAccounts } from './plan-of-accounts.rules';

/** The network's plan of accounts against its tier, allocations and delivered services. */
export async function accountsOf(network: Network, loaders: BatchReads) {
  const [measure, tiers, lines, allocations, services, enrolments] = await Promise.all([
    loaders.byId(Measure).load(network.measureId),
    loaders.manyBy(FundingTier, 'measureId', 'minRecipients').load(network.measureId),
    loaders.manyBy(AccountLine, 'networkId').load(network.id),
    loaders.manyBy(Allocation, 'networkId').load(network.id),
    loaders.manyBy(RecipientService, 'networkId').load(network.id),
    loaders.manyBy(RecipientEnrolment, 'networkId').load(network.id),
  ]);
  const delivered = services.filter((s) => s.status === ServiceStatus.DELIVERED);
  const types = new Map(present(await loaders.byId(ServiceType).loadMany([...new Set(delivered.map((s) => s.serviceTypeId))])).map((t) => [t.id, t]));
  const started = new Set(enrolments.filter((e) => e.outcome === Outcome.BUSINESS_START).map((e) => e.id));
  const tier = measure ? tierFor({ ...measure, tiers }, network.plannedRecipients) : undefined;
  return summariseAccounts({
    lines,
    delivered: delivered.map((s) => ({
      serviceTypeId: s.serviceTypeId,
      amount: s.amount,
      conditional: types.get(s.serviceTypeId)?.payment === ServicePayment.PROCESS_CONDITIONAL_ON_RESULT,
      resultReached: started.has(s.enrolmentId),
    })),
    allocations,
    tierMaximum: tier?.maxContribution ?? null,
    conditionalShare: measure?.conditionalResultShare ?? null,
  });
}

/** PLAN_OF_ACCOUNTS: a plan exists, fits the funding tier, and covers what is committed and delivered. */
export const PLAN_OF_ACCOUNTS = defineNetworkRule({
  code: RuleCode.PLAN_OF_ACCOUNTS,
  owner: 'plan-of-accounts',
  kind: 'FLAG',
  reachedBy: ['accountLine', 'allocation', 'recipientService', 'recipientEnrolment', 'network', 'serviceType'],
  load: accountsOf,
  evaluate: (summary) => planOfAccountsViolations(summary),
});
