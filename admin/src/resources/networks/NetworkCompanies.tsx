import { AutocompleteInput, Datagrid, FunctionField, ReferenceField, ReferenceInput, ReferenceManyField, required, TextField, useRecordContext } from 'react-admin';
import { InlineCreateForm } from '../../common/InlineCreateForm';
import { RemoveButton } from '../../common/RemoveButton';

/** The division the sector rule compares ("25"), with the sector it comes from. */
const atecoDivision = ({ code, level, title }: { code: string; level: string; title: string }) =>
  level === 'SECTION' ? '—' : level === 'DIVISION' ? `${code} ${title}` : `${code.slice(0, 2)} (${code} ${title})`;

/** The companies in crisis whose workers the network serves. */
export const NetworkCompanies = () => {
  const network = useRecordContext();
  if (!network) return null;
  return (
    <>
      <ReferenceManyField reference="networkCompanies" target="networkId" perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <ReferenceField source="crisisCompanyId" reference="crisisCompanies" link="show" />
          <ReferenceField source="crisisCompanyId" reference="crisisCompanies" link={false} label="edit.ateco_division" sortable={false}>
            <ReferenceField source="atecoSectorId" reference="atecoSectors" link={false} emptyText="—">
              <FunctionField render={atecoDivision} />
            </ReferenceField>
          </ReferenceField>
          <ReferenceField source="crisisCompanyId" reference="crisisCompanies" link={false} label="resources.crisisCompanies.fields.supplyChain" sortable={false}>
            <TextField source="supplyChain" emptyText="—" />
          </ReferenceField>
          <RemoveButton source="crisisCompanyId" reference="crisisCompanies" question="edit.remove_company" />
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
