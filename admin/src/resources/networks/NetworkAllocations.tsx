import { CreateButton, Datagrid, ReferenceField, ReferenceManyField, SelectField, useRecordContext } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { LocalDateField } from '../../common/LocalDateField';
import { MoneyField } from '../../common/MoneyField';

/** The allocations that fund the network, and a button to record a new one. */
export const NetworkAllocations = () => {
  const network = useRecordContext();
  if (!network) return null;
  return (
    <>
      <ReferenceManyField reference="allocations" target="networkId" sort={{ field: 'allocatedOn', order: 'DESC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick="show">
          <LocalDateField source="allocatedOn" />
          <ReferenceField source="fundSourceId" reference="fundSources" link={false} />
          <SelectField source="kind" choices={enumChoices('AllocationKind')} />
          <SelectField source="status" choices={enumChoices('AllocationStatus')} />
          <MoneyField source="amount" textAlign="right" />
        </Datagrid>
      </ReferenceManyField>
      <CreateButton resource="allocations" label="reti.network.add_allocation" state={{ record: { networkId: network.id } }} sx={{ mt: 2 }} />
    </>
  );
};
