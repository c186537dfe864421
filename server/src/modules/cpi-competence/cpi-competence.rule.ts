import { BatchReads, present } from '../../common/request';
import { CrisisCompany } from '../crisis-company/crisis-company.entity';
import { RuleCode } from '../measure/measure.entity';
import { Network, NetworkCompany, NetworkMember } from '../network/network.entity';
import { defineNetworkRule } from '../network/rule-registry';
import { Partner } from '../partner/partner.entity';
import { PartnerType } from '../reference/reference.entities';
import { cpiCompetenceViolations } from './cpi-competence.rules';

/** The network's CPIs (members that have not left) and its companies in crisis. */
async function loadCpisAndCompanies(network: Network, loaders: BatchReads) {
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
  return { cpis: partners.filter((p) => cpiTypes.has(p.partnerTypeId)), companies };
}

/** A CPI of the network covers every crisis company's production unit. */
export const CPI_COMPETENCE = defineNetworkRule({
  code: RuleCode.CPI_COMPETENCE,
  owner: 'cpi-competence',
  kind: 'FLAG',
  reachedBy: ['networkMember', 'networkCompany', 'partner', 'crisisCompany'],
  load: loadCpisAndCompanies,
  evaluate: ({ cpis, companies }) => cpiCompetenceViolations(cpis, companies),
});
