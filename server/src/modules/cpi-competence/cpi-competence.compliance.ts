import { BatchReads, present } from '../../common/request';
import { CrisisCompany } from '../crisis-company/crisis-company.entity';
import { Measure, RuleCode } from '../measure/measure.entity';
import { Network, NetworkCompany, NetworkMember } from '../network/network.entity';
import type { RuleViolation } from '../network/network.rules';
import { Partner } from '../partner/partner.entity';
import { PartnerType } from '../reference/reference.entities';
import { cpiCompetenceViolations } from './cpi-competence.rules';

/** CPI_COMPETENCE for networks whose measure lists it (network.service's compliance extension). */
export async function cpiCompetenceCompliance(network: Network, loaders: BatchReads): Promise<RuleViolation[]> {
  const measure = await loaders.byId(Measure).load(network.measureId);
  if (!measure?.rules.includes(RuleCode.CPI_COMPETENCE)) return [];
  const [members, links] = await Promise.all([
    loaders.manyBy(NetworkMember, 'networkId', 'role').load(network.id),
    loaders.manyBy(NetworkCompany, 'networkId').load(network.id),
  ]);
  const [partners, companies] = await Promise.all([
    loaders.byId(Partner).loadMany(members.filter((m) => !m.leftOn).map((m) => m.partnerId)).then(present),
    loaders.byId(CrisisCompany).loadMany(links.map((l) => l.crisisCompanyId)).then(present),
  ]);
  const types = present(await loaders.byId(PartnerType).loadMany([...new Set(partners.map((p) => p.partnerTypeId))]));
  const cpiTypes = new Set(types.filter((t) => t.code === 'CPI').map((t) => t.id));
  return cpiCompetenceViolations(partners.filter((p) => cpiTypes.has(p.partnerTypeId)), companies);
}
