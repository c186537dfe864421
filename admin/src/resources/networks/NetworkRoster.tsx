import { AutocompleteInput, Datagrid, EditButton, ReferenceField, ReferenceInput, ReferenceManyField, required, SelectField, SelectInput, useRecordContext } from 'react-admin';
import { DateInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { InlineCreateForm } from '../../common/InlineCreateForm';
import { LocalDateField } from '../../common/LocalDateField';
import { RemoveButton } from '../../common/RemoveButton';
import { MakeLeadButton } from './MakeLeadButton';

/** The partnership: members with role and dates, and a form to add one more. */
export const NetworkRoster = () => {
  const network = useRecordContext();
  if (!network) return null;
  return (
    <>
      <ReferenceManyField reference="networkMembers" target="networkId" sort={{ field: 'role', order: 'ASC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="roster" sx={{ '& .column-joinedOn, & .column-leftOn': { display: { xs: 'none', sm: 'table-cell' } } }}>
          <ReferenceField source="partnerId" reference="partners" link="show" />
          <SelectField source="role" choices={enumChoices('MemberRole')} />
          <LocalDateField source="joinedOn" />
          <LocalDateField source="leftOn" />
          <MakeLeadButton />
          <EditButton />
          <RemoveButton source="partnerId" reference="partners" question="edit.remove_member" />
        </Datagrid>
      </ReferenceManyField>
      <InlineCreateForm
        resource="networkMembers"
        defaults={{ networkId: network.id, role: 'PARTNER' }}
        submitLabel="reti.network.add_member"
        successMessage="reti.network.member_added"
      >
        <ReferenceInput source="partnerId" reference="partners" sort={{ field: 'legalName', order: 'ASC' }}>
          <AutocompleteInput validate={required()} sx={{ width: 380 }} />
        </ReferenceInput>
        <SelectInput source="role" choices={enumChoices('MemberRole')} validate={required()} fullWidth={false} sx={{ width: 180 }} />
        <DateInput source="joinedOn" fullWidth={false} />
      </InlineCreateForm>
    </>
  );
};
