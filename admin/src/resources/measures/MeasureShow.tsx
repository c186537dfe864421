import { Chip, Stack } from '@mui/material';
import { BooleanField, CreateButton, Datagrid, FunctionField, NumberField, ReferenceManyField, SelectField, Show, TabbedShowLayout, TextArrayField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { LocalDateField } from '../../common/LocalDateField';
import { MoneyField } from '../../common/MoneyField';
import { BandAmountsField } from './BandAmounts';

/** The rules that apply to the measure's networks, by name. */
const RuleChips = ({ rules }: { rules: string[] }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
      {rules.map((rule) => (
        <Chip key={rule} size="small" label={translate(`reti.enums.RuleCode.${rule}`)} />
      ))}
    </Stack>
  );
};

/** The kinds of recipient the measure admits; none listed admits both. */
const RecipientKinds = ({ kinds }: { kinds: string[] }) => {
  const translate = useTranslate();
  return <>{(kinds.length ? kinds : ['SUSPENDED', 'UNEMPLOYED']).map((kind) => translate(`reti.enums.RecipientKind.${kind}`)).join(', ')}</>;
};

const AddTierButton = () => {
  const measure = useRecordContext();
  return measure ? <CreateButton resource="fundingTiers" state={{ record: { measureId: measure.id } }} /> : null;
};

export const MeasureShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="reti.network.tabs.summary">
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="legalAct" emptyText="—" />
        <LocalDateField source="openFrom" />
        <LocalDateField source="openTo" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.measure.rules" path="rules">
        <FunctionField source="rules" render={(measure: { rules: string[] }) => <RuleChips rules={measure.rules} />} />
        <NumberField source="minPartners" emptyText="—" />
        <TextArrayField source="leadPartnerTypeCodes" />
        <TextArrayField source="requiredPartnerTypeCodes" />
        <NumberField source="minCompanies" emptyText="—" />
        <NumberField source="maxCompanies" emptyText="—" />
        <FunctionField
          source="eligibleRecipientKinds"
          render={(measure: { eligibleRecipientKinds: string[] }) => <RecipientKinds kinds={measure.eligibleRecipientKinds} />}
        />
        <BooleanField source="suspendedNeedRedundancies" />
        <NumberField source="minRecipients" emptyText="—" />
        <NumberField source="maxRecipients" emptyText="—" />
        <NumberField source="maxDurationMonths" emptyText="—" />
        <MoneyField source="processCapPerRecipient" />
        <MoneyField source="placementCapPerRecipient" />
        <MoneyField source="selfEmploymentCapPerRecipient" />
        <BandAmountsField source="placementAmountsByBand" />
        <BandAmountsField source="selfEmploymentAmountsByBand" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.measure.tiers" path="tiers">
        <ReferenceManyField reference="fundingTiers" target="measureId" sort={{ field: 'minRecipients', order: 'ASC' }} label={false}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            <NumberField source="minRecipients" />
            <NumberField source="maxRecipients" />
            <MoneyField source="maxContribution" textAlign="right" />
          </Datagrid>
        </ReferenceManyField>
        <AddTierButton />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.measure.services" path="services">
        <ReferenceManyField reference="serviceTypes" target="measureId" sort={{ field: 'phase', order: 'ASC' }} label={false} perPage={100}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            <NumberField source="phase" />
            <TextField source="name" />
            <SelectField source="category" choices={enumChoices('ServiceCategory')} />
            <SelectField source="payment" choices={enumChoices('ServicePayment')} />
            <NumberField source="minHours" />
            <NumberField source="maxHours" />
            <MoneyField source="voucherValue" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
