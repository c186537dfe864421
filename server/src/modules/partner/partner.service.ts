import { equals, linkedBy, oneOf, Resource } from '../../crud/resource';
import { NetworkMember } from '../network/network.entity';
import { normaliseTaxCode } from '../../common/tax-code';
import { Partner } from './partner.entity';
import { CreatePartnerInput, PartnerFilter, UpdatePartnerInput } from './partner.inputs';

export const partnerResource: Resource<Partner, CreatePartnerInput, PartnerFilter> = {
  entity: Partner,
  name: 'partner',
  plural: 'partners',
  searchable: ['legalName', 'taxCode'],
  filter: PartnerFilter,
  filterRules: {
    partnerTypeIds: oneOf('partnerTypeId'),
    taxCode: equals('taxCode', normaliseTaxCode),
    networkId: linkedBy(NetworkMember, 'partnerId', 'networkId'),
  },
  createInput: CreatePartnerInput,
  updateInput: UpdatePartnerInput,
  defaultSort: { field: 'legalName', order: 'ASC' },
  hooks: {
    prepare(_ctx, _manager, data) {
      if (data.taxCode) data.taxCode = normaliseTaxCode(data.taxCode);
    },
  },
};
