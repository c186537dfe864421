import { linkedBy, Resource } from '../../crud/resource';
import { NetworkCompany } from '../network/network.entity';
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
    networkId: linkedBy(NetworkCompany, 'crisisCompanyId', 'networkId'),
  },
  createInput: CreateCrisisCompanyInput,
  updateInput: UpdateCrisisCompanyInput,
  defaultSort: { field: 'name', order: 'ASC' },
  hooks: {
    prepare(_ctx, _manager, data) {
      if (data.taxCode) data.taxCode = normaliseTaxCode(data.taxCode);
    },
  },
};
