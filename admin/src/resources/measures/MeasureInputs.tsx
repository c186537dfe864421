import { AutocompleteArrayInput, BooleanInput, minValue, required, SelectArrayInput, TextInput, useGetList } from 'react-admin';
import { DateInput, NumberInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { MoneyInput } from '../../common/MoneyInput';
import { notBefore } from '../../common/validation';
import { BandAmountsInputs } from './BandAmounts';

/** The measure's rule parameters name partner types by code (LEAD_TYPE, PROVINCE_AND_CPI). */
const PartnerTypeCodesInput = ({ source }: { source: string }) => {
  const { data = [] } = useGetList('partnerTypes', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  return <AutocompleteArrayInput source={source} choices={data.map((type) => ({ id: type.code, name: `${type.name} (${type.code})` }))} />;
};

const count = [minValue(0)];

export const MeasureInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="legalAct" />
    <DateInput source="openFrom" />
    <DateInput source="openTo" validate={notBefore('openFrom')} />
    <SelectArrayInput source="rules" choices={enumChoices('RuleCode')} />
    <NumberInput source="minPartners" step={1} validate={count} />
    <PartnerTypeCodesInput source="leadPartnerTypeCodes" />
    <PartnerTypeCodesInput source="requiredPartnerTypeCodes" />
    <NumberInput source="minCompanies" step={1} validate={count} />
    <NumberInput source="maxCompanies" step={1} validate={count} />
    <SelectArrayInput source="eligibleRecipientKinds" choices={enumChoices('RecipientKind')} />
    <BooleanInput source="suspendedNeedRedundancies" />
    <NumberInput source="minRecipients" step={1} validate={count} />
    <NumberInput source="maxRecipients" step={1} validate={count} />
    <NumberInput source="maxDurationMonths" step={1} validate={count} />
    <MoneyInput source="processCapPerRecipient" />
    <MoneyInput source="placementCapPerRecipient" />
    <MoneyInput source="selfEmploymentCapPerRecipient" />
    <BandAmountsInputs />
  </>
);
