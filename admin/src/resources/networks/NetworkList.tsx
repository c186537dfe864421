import { Chip } from '@mui/material';
import { AutocompleteInput, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectArrayInput, SelectField, TextField, useTranslate } from 'react-admin';
import { DateInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { LocalDateField } from '../../common/LocalDateField';
import { RegistryGrid } from '../../common/RegistryGrid';
import { SavedQueriesAside } from '../../common/SavedQueries';

const filters = [
  <SearchInput source="q" alwaysOn />,
  <SelectArrayInput source="statuses" choices={enumChoices('NetworkStatus')} alwaysOn />,
  <ReferenceInput source="measureId" reference="measures">
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput source="partnerId" reference="partners">
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput source="pactId" reference="competencePacts">
    <AutocompleteInput />
  </ReferenceInput>,
  <DateInput source="startDateFrom" />,
  <DateInput source="startDateTo" />,
];

/** ACTIVE networks that break a rule of their measure, e.g. after an administrator changed it. */
const ComplianceFlag = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="outOfCompliance"
      sortable={false}
      render={(network: { outOfCompliance: boolean; violationCount: number }) =>
        network.outOfCompliance ? <Chip size="small" color="warning" data-testid="out-of-compliance-flag" label={`${translate('reti.rules.out_of_compliance')} (${network.violationCount})`} /> : null
      }
    />
  );
};

export const NetworkList = () => (
  <List filters={filters} aside={<SavedQueriesAside />} sort={{ field: 'startDate', order: 'DESC' }}>
    <RegistryGrid secondaryText={<SelectField source="status" choices={enumChoices('NetworkStatus')} />} tertiaryText={<LocalDateField source="startDate" />}>
      <TextField source="code" />
      <TextField source="title" />
      <ReferenceField source="measureId" reference="measures" sortable={false} link={false} />
      <SelectField source="status" choices={enumChoices('NetworkStatus')} />
      <ComplianceFlag />
      <LocalDateField source="startDate" />
      <LocalDateField source="endDate" />
      <NumberField source="plannedRecipients" sortable={false} />
    </RegistryGrid>
  </List>
);
