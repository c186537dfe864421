import { Resource } from '../../crud/resource';
import { activeNetworks, networkComplianceGuard } from '../network/network.service';
import { AtecoSector, Municipality, PartnerType, Province } from './reference.entities';
import * as inputs from './reference.inputs';

export const partnerTypeResource: Resource<PartnerType, inputs.CreatePartnerTypeInput, inputs.PartnerTypeFilter> = {
  entity: PartnerType,
  name: 'partnerType',
  plural: 'partnerTypes',
  searchable: ['code', 'name'],
  filter: inputs.PartnerTypeFilter,
  access: 'REFERENCE',
  // The measures name partner types by code (LEAD_TYPE, PROVINCE_AND_CPI).
  guards: [
    networkComplianceGuard({
      mode: 'ENFORCE',
      networksOf: (manager, type) =>
        type.id
          ? activeNetworks(manager, `EXISTS (SELECT 1 FROM network_members m JOIN partners p ON p.tenant_id = m.tenant_id AND p.id = m.partner_id
              WHERE m.tenant_id = n.tenant_id AND m.network_id = n.id AND p.partner_type_id = $1)`, [type.id])
          : [],
    }),
  ],
  createInput: inputs.CreatePartnerTypeInput,
  updateInput: inputs.UpdatePartnerTypeInput,
  defaultSort: { field: 'name', order: 'ASC' },
};

export const provinceResource: Resource<Province, inputs.CreateProvinceInput, inputs.ProvinceFilter> = {
  entity: Province,
  name: 'province',
  plural: 'provinces',
  searchable: ['istatCode', 'name', 'plate'],
  filter: inputs.ProvinceFilter,
  access: 'REFERENCE',
  createInput: inputs.CreateProvinceInput,
  updateInput: inputs.UpdateProvinceInput,
  defaultSort: { field: 'name', order: 'ASC' },
};

export const municipalityResource: Resource<Municipality, inputs.CreateMunicipalityInput, inputs.MunicipalityFilter> = {
  entity: Municipality,
  name: 'municipality',
  plural: 'municipalities',
  searchable: ['istatCode', 'name'],
  filter: inputs.MunicipalityFilter,
  access: 'REFERENCE',
  createInput: inputs.CreateMunicipalityInput,
  updateInput: inputs.UpdateMunicipalityInput,
  defaultSort: { field: 'name', order: 'ASC' },
};

export const atecoSectorResource: Resource<AtecoSector, inputs.CreateAtecoSectorInput, inputs.AtecoSectorFilter> = {
  entity: AtecoSector,
  name: 'atecoSector',
  plural: 'atecoSectors',
  searchable: ['code', 'title'],
  filter: inputs.AtecoSectorFilter,
  access: 'REFERENCE',
  createInput: inputs.CreateAtecoSectorInput,
  updateInput: inputs.UpdateAtecoSectorInput,
  defaultSort: { field: 'code', order: 'ASC' },
};
