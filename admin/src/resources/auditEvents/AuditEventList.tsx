import { DateTimeInput, FunctionField, List, SelectField, SelectInput, TextField, TextInput, useTranslate, WrapperField } from 'react-admin';
import { AUDITED_TABLES, AuditTitle, tableResource } from '../../common/AuditHistory';
import { enumChoices } from '../../common/enums';
import { DateTimeField } from '../../common/LocalDateField';
import { RegistryGrid } from '../../common/RegistryGrid';

const tableChoices = AUDITED_TABLES.map((table) => ({ id: table, name: `resources.${tableResource(table)}.name` }));

const filters = [
  <SelectInput source="entity" choices={tableChoices} alwaysOn />,
  <SelectInput source="action" choices={enumChoices('AuditAction')} alwaysOn />,
  <TextInput source="entityId" />,
  <DateTimeInput source="from" />,
  <DateTimeInput source="to" />,
];

/** The audit trail, newest first. Read-only: the database writes it. */
export const AuditEventList = () => {
  const translate = useTranslate();
  return (
  <List filters={filters} sort={{ field: 'at', order: 'DESC' }}>
    <RegistryGrid>
      <DateTimeField source="at" />
      <FunctionField source="entity" render={(event: { entity: string }) => translate(`resources.${tableResource(event.entity)}.name`, { smart_count: 1 })} />
      <SelectField source="action" choices={enumChoices('AuditAction')} />
      <WrapperField source="entityId" sortable={false}>
        <AuditTitle withAuthor={false} />
      </WrapperField>
      <TextField source="actorName" label="resources.auditEvents.fields.actorId" sortable={false} emptyText="—" />
    </RegistryGrid>
  </List>
  );
};
