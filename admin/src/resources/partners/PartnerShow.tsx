import { BooleanField, Datagrid, EmailField, Labeled, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { LocalDateField } from '../../common/LocalDateField';
import { CoveredMunicipalitiesField } from './CoveredMunicipalities';

export const PartnerShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="legalName" />
      <TextField source="taxCode" />
      <ReferenceField source="partnerTypeId" reference="partnerTypes" link={false} />
      <ReferenceField source="municipalityId" reference="municipalities" link={false} emptyText="—" />
      <CoveredMunicipalitiesField />
      <TextField source="address" emptyText="—" />
      <EmailField source="email" emptyText="—" />
      <TextField source="phone" emptyText="—" />
      <BooleanField source="labourAccredited" />
      <TextField source="labourRegisterNumber" emptyText="—" />
      <BooleanField source="trainingAccredited" />
      <TextField source="trainingRegisterNumber" emptyText="—" />
      <Labeled label="reti.partner.memberships" fullWidth>
        <ReferenceManyField reference="networkMembers" target="partnerId" sort={{ field: 'joinedOn', order: 'DESC' }}>
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <ReferenceField source="networkId" reference="networks" link="show" />
            <SelectField source="role" choices={enumChoices('MemberRole')} />
            <LocalDateField source="joinedOn" />
            <LocalDateField source="leftOn" />
          </Datagrid>
        </ReferenceManyField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
