import type { AnyNetworkRule } from './network/rule-registry';
import * as network from './network/network.rules';
import * as servicePlan from './service-plan/service-plan.rule';
import * as resultBands from './service-plan/result-bands.rule';
import * as planOfAccounts from './plan-of-accounts/plan-of-accounts.rule';
import * as projectSheet from './project-sheet/project-sheet.rule';
import * as cpiCompetence from './cpi-competence/cpi-competence.rule';
import * as funding from './funding/funding.rule';
import * as recipient from './recipient/recipient.rule';
import * as residence from './codesign/residence.rule';

/**
 * Every rule of the measures the network module runs (compliance report, activation, limits on
 * writes, the ACTIVE-network guard). A new rule is one file in the module that owns its data and one
 * line here; server/src/registry.ts hands the list to the network module.
 */
export const networkRuleList: AnyNetworkRule[] = [
  network.MIN_PARTNERS,
  network.ONE_LEAD,
  network.LEAD_TYPE,
  network.PROVINCE_AND_CPI,
  network.MAX_COMPANIES,
  network.RECIPIENTS_RANGE,
  network.DURATION,
  funding.TIER_CAP,
  funding.FUND_BUDGET,
  funding.PER_RECIPIENT_CAPS,
  recipient.EXCLUSIVE_POLICY,
  recipient.RECIPIENT_ELIGIBILITY,
  residence.RESIDENCE_IN_AMBITO,
  servicePlan.PLAN_SERVICES,
  servicePlan.PHASE2_CHOICE,
  servicePlan.SERVICE_HOURS,
  servicePlan.PLAN_PER_RECIPIENT_CAPS,
  servicePlan.RELOCATION_TRAINING_ONLY,
  resultBands.RESULT_BAND_AMOUNTS,
  planOfAccounts.PLAN_OF_ACCOUNTS,
  projectSheet.PROJECT_SHEET,
  projectSheet.APPLICATION_WINDOW,
  cpiCompetence.CPI_COMPETENCE,
  recipient.SUBORDINATE_PREVIOUS_CONTRACT,
  recipient.RESIDENCE_IN_LOMBARDY,
  recipient.EXCLUSIVE_POLICY_OUTSIDE,
];
