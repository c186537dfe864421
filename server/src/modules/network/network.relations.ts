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
  members: many(() => NetworkMember, 'networkId', 'role', { description: 'The roster: every member with role and dates.' }),
  lead: through(() => NetworkMember, 'networkId', 'partnerId', () => Partner, { orderBy: 'role', where: { role: MemberRole.LEAD }, first: true, description: 'The lead partner (capofila).' }),
  companies: through(() => NetworkCompany, 'networkId', 'crisisCompanyId', () => CrisisCompany, { description: 'The companies in crisis the network serves.' }),
  pact: one(() => CompetencePact, 'pactId', { nullable: true }),
  atecoSector: one(() => AtecoSector, 'atecoSectorId', { nullable: true }),
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
