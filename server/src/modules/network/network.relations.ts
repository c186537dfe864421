import { many, one, relationsOf, through } from '../../graphql/relations';
import { CompetencePact } from '../competence-pact/competence-pact.entity';
import { CrisisCompany } from '../crisis-company/crisis-company.entity';
import { Allocation } from '../funding/funding.entity';
import { Measure } from '../measure/measure.entity';
import { Partner } from '../partner/partner.entity';
import { AtecoSector } from '../reference/reference.entities';
import { MemberRole, Network, NetworkCompany, NetworkMember } from './network.entity';

export const NETWORK = relationsOf(Network, {
  measure: one(() => Measure, 'measureId'),
  members: many(() => NetworkMember, 'networkId', 'role'),
  lead: through(() => NetworkMember, 'networkId', 'partnerId', () => Partner, { orderBy: 'role', where: { role: MemberRole.LEAD }, first: true }),
  companies: through(() => NetworkCompany, 'networkId', 'crisisCompanyId', () => CrisisCompany),
  pact: one(() => CompetencePact, 'pactId'),
  atecoSector: one(() => AtecoSector, 'atecoSectorId'),
  allocations: many(() => Allocation, 'networkId'),
});

export const NETWORK_MEMBER = relationsOf(NetworkMember, {
  network: one(() => Network, 'networkId'),
  partner: one(() => Partner, 'partnerId'),
});

export const NETWORK_COMPANY = relationsOf(NetworkCompany, {
  network: one(() => Network, 'networkId'),
  crisisCompany: one(() => CrisisCompany, 'crisisCompanyId'),
});
