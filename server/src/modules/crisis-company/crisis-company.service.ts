import { EntityManager } from 'typeorm';
import { linkedBy, Resource } from '../../crud/resource';
import { NetworkCompany } from '../network/network.entity';
import { activeNetworks, networkComplianceGuard } from '../network/network.service';
import { badInput } from '../../common/errors';
import { Municipality } from '../reference/reference.entities';
import { normaliseTaxCode } from '../../common/tax-code';
import { CrisisCompany } from './crisis-company.entity';
import { CreateCrisisCompanyInput, CrisisCompanyFilter, UpdateCrisisCompanyInput } from './crisis-company.inputs';

/**
 * ISTAT codes of Lombardy's provinces: a municipality's code starts with its province's (Milan's
 * with the historic 015). Fixed by law, so a territory an administrator adds elsewhere stays out.
 */
export const LOMBARDY_PROVINCES = ['012', '013', '014', '015', '016', '017', '018', '019', '020', '097', '098', '108'];

/** Production units are in Lombardy (seeds 000, 002). */
async function requireLombardy(manager: EntityManager, municipalityId: string): Promise<void> {
  const municipality = await manager.getRepository(Municipality).findOneBy({ id: municipalityId });
  if (municipality && !LOMBARDY_PROVINCES.includes(municipality.istatCode.slice(0, 3))) {
    throw badInput('municipalityId', `L'unità produttiva deve trovarsi in Lombardia: ${municipality.name} non è un comune lombardo.`);
  }
}

export const crisisCompanyResource: Resource<CrisisCompany, CreateCrisisCompanyInput, CrisisCompanyFilter> = {
  entity: CrisisCompany,
  name: 'crisisCompany',
  plural: 'crisisCompanies',
  searchable: ['name', 'taxCode', 'supplyChain'],
  filter: CrisisCompanyFilter,
  filterRules: {
    networkId: linkedBy(NetworkCompany, 'crisisCompanyId', 'networkId'),
  },
  // Its sector, supply chain and expected redundancies decide MAX_COMPANIES and RECIPIENT_ELIGIBILITY.
  guards: [
    networkComplianceGuard({
      mode: 'ENFORCE',
      networksOf: (manager, company) =>
        company.id ? activeNetworks(manager, 'EXISTS (SELECT 1 FROM network_companies c WHERE c.tenant_id = n.tenant_id AND c.network_id = n.id AND c.crisis_company_id = $1)', [company.id]) : [],
    }),
  ],
  createInput: CreateCrisisCompanyInput,
  updateInput: UpdateCrisisCompanyInput,
  defaultSort: { field: 'name', order: 'ASC' },
  hooks: {
    async prepare(_ctx, manager, data) {
      if (data.taxCode) data.taxCode = normaliseTaxCode(data.taxCode);
      if (data.municipalityId) await requireLombardy(manager, data.municipalityId);
    },
  },
};
