import { NumberField, ReferenceField, Show, SimpleShowLayout } from 'react-admin';
import { MoneyField } from '../../common/MoneyField';

export const FundingTierShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="measureId" reference="measures" link="show" />
      <NumberField source="minRecipients" />
      <NumberField source="maxRecipients" />
      <MoneyField source="maxContribution" />
    </SimpleShowLayout>
  </Show>
);
