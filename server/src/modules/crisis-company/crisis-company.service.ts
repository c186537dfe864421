import { equals, Resource, where } from '../../crud/resource';
import { normaliseTaxCode } from '../../common/tax-code';
import { CrisisCompany } from './crisis-company.entity';
import { CreateCrisisCompanyInput, CrisisCompanyFilter, UpdateCrisisCompanyInput } from './crisis-company.inputs';

export const crisisCompanyResource: Resource<CrisisCompany, CreateCrisisCompanyInput, CrisisCompanyFilter> = {
  entity: CrisisCompany,
  name: 'crisisCompany',
  plural: 'crisisCompanies',
  searchable: ['name', 'taxCode', 'supplyChain'],
  filter: CrisisCompanyFilter,
  filterRules: {
    crisisInstrument: equals('crisisInstrument'),
    atecoSectorId: equals('atecoSectorId'),
    municipalityId: equals('municipalityId'),
    networkId: where('EXISTS (SELECT 1 FROM network_companies l WHERE l.tenant_id = r.tenant_id AND l.crisis_company_id = r.id AND l.network_id = :value)'),
  },
  access: 'TENANT',
  createInput: CreateCrisisCompanyInput,
  updateInput: UpdateCrisisCompanyInput,
  defaultSort: { field: 'name', order: 'ASC' },
  hooks: {
    prepare(_ctx, _manager, data) {
      if (data.taxCode) data.taxCode = normaliseTaxCode(data.taxCode);
    },
  },
};
