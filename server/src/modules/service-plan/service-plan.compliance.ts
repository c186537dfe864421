import { BatchReads } from '../../common/request';
import { Measure, ServiceType } from '../measure/measure.entity';
import type { Network } from '../network/network.entity';
import type { RuleViolation } from '../network/network.rules';
import { RecipientEnrolment } from '../recipient/recipient.entity';
import { RecipientService } from './service-plan.entity';
import { evaluatePlanRules, PLAN_RULES } from './service-plan.rules';

/** The network's recipients' plans against its measure's plan rules (network.service's compliance extension). */
export async function servicePlanViolations(network: Network, loaders: BatchReads): Promise<RuleViolation[]> {
  const measure = await loaders.byId(Measure).load(network.measureId);
  if (!measure || !PLAN_RULES.some((rule) => measure.rules.includes(rule))) return [];
  const [enrolments, services, types] = await Promise.all([
    loaders.manyBy(RecipientEnrolment, 'networkId').load(network.id),
    loaders.manyBy(RecipientService, 'networkId').load(network.id),
    loaders.manyBy(ServiceType, 'measureId').load(network.measureId),
  ]);
  const plans = enrolments.map((e) => ({ ...e, services: services.filter((s) => s.enrolmentId === e.id) }));
  return evaluatePlanRules(plans, types, measure);
}
