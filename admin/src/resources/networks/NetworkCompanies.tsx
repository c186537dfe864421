import { AutocompleteInput, Datagrid, ReferenceField, ReferenceInput, ReferenceManyField, required, useRecordContext } from 'react-admin';
import { InlineCreateForm } from '../../common/InlineCreateForm';
import { RemoveButton } from '../../common/RemoveButton';

/** The companies in crisis whose workers the network serves. */
export const NetworkCompanies = () => {
  const network = useRecordContext();
  if (!network) return null;
  return (
    <>
      <ReferenceManyField reference="networkCompanies" target="networkId" perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <ReferenceField source="crisisCompanyId" reference="crisisCompanies" link="show" />
          <RemoveButton />
        </Datagrid>
      </ReferenceManyField>
      <InlineCreateForm resource="networkCompanies" defaults={{ networkId: network.id }} submitLabel="reti.network.add_company" successMessage="reti.network.company_added">
        <ReferenceInput source="crisisCompanyId" reference="crisisCompanies" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput validate={required()} sx={{ width: 380 }} />
        </ReferenceInput>
      </InlineCreateForm>
    </>
  );
};
