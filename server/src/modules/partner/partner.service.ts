import { equals, linkedBy, oneOf, Resource } from '../../crud/resource';
import { NetworkMember } from '../network/network.entity';
import { activeNetworks, networkComplianceGuard } from '../network/network.service';
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
  // Its type and accreditation decide LEAD_TYPE and PROVINCE_AND_CPI.
  guards: [
    networkComplianceGuard({
      mode: 'ENFORCE',
      networksOf: (manager, partner) =>
        partner.id ? activeNetworks(manager, 'EXISTS (SELECT 1 FROM network_members m WHERE m.tenant_id = n.tenant_id AND m.network_id = n.id AND m.partner_id = $1)', [partner.id]) : [],
    }),
  ],
  createInput: CreatePartnerInput,
  updateInput: UpdatePartnerInput,
  defaultSort: { field: 'legalName', order: 'ASC' },
  hooks: {
    prepare(_ctx, _manager, data) {
      if (data.taxCode) data.taxCode = normaliseTaxCode(data.taxCode);
    },
  },
};
