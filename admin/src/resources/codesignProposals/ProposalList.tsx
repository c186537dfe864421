import { DateField, List, ReferenceField, SearchInput, SelectField, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { RegistryGrid } from '../../common/RegistryGrid';

export const ProposalList = () => (
  <List filters={[<SearchInput source="q" alwaysOn />]}>
    <RegistryGrid>
      <TextField source="title" />
      <TextField source="leadLegalName" />
      <ReferenceField source="callId" reference="codesignCalls" link={false} />
      <SelectField source="status" choices={enumChoices('CodesignProposalStatus')} />
      <DateField source="submittedAt" showTime emptyText="—" />
    </RegistryGrid>
  </List>
);
