import { equals, oneOf, Resource, where } from '../../crud/resource';
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
    taxCode: (qb, value, p) => void qb.andWhere(`r.taxCode = :${p}`, { [p]: normaliseTaxCode(String(value)) }),
    labourAccredited: equals('labourAccredited'),
    trainingAccredited: equals('trainingAccredited'),
    municipalityId: equals('municipalityId'),
    networkId: where('EXISTS (SELECT 1 FROM network_members m WHERE m.tenant_id = r.tenant_id AND m.partner_id = r.id AND m.network_id = :value)'),
  },
  access: 'TENANT',
  createInput: CreatePartnerInput,
  updateInput: UpdatePartnerInput,
  defaultSort: { field: 'legalName', order: 'ASC' },
  hooks: {
    prepare(_ctx, _manager, data) {
      if (data.taxCode) data.taxCode = normaliseTaxCode(data.taxCode);
    },
  },
};
