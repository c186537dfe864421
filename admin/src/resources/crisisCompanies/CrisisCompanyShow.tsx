import { Datagrid, Labeled, NumberField, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { LocalDateField } from '../../common/LocalDateField';

export const CrisisCompanyShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="taxCode" />
      <ReferenceField source="municipalityId" reference="municipalities" link={false} />
      <ReferenceField source="atecoSectorId" reference="atecoSectors" link={false} emptyText="—" />
      <TextField source="supplyChain" emptyText="—" />
      <SelectField source="crisisInstrument" choices={enumChoices('CrisisInstrument')} />
      <NumberField source="workersInvolved" />
      <NumberField source="expectedRedundancies" />
      <LocalDateField source="unionAgreementOn" />
      <Labeled label="reti.crisis_company.networks" fullWidth>
        <ReferenceManyField reference="networkCompanies" target="crisisCompanyId">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <ReferenceField source="networkId" reference="networks" link="show" />
          </Datagrid>
        </ReferenceManyField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
