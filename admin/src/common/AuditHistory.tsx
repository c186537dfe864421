import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Datagrid, ReferenceManyField, SelectField, useRecordContext, useTranslate, WrapperField } from 'react-admin';
import { enumChoices } from './enums';
import { DateTimeField } from './LocalDateField';

type Row = Record<string, unknown> | null | undefined;

/** Bookkeeping columns every table has; they change at every write and tell nothing. */
const BOOKKEEPING = new Set(['id', 'version', 'tenant_id', 'created_at', 'updated_at']);

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The console resource of an audited table: network_members → networkMembers. */
export const tableResource = camelCase;

/** The tables whose changes the database records. */
export const AUDITED_TABLES = [
  'networks',
  'network_members',
  'network_companies',
  'partners',
  'crisis_companies',
  'competence_pacts',
  'pact_signatories',
  'allocations',
  'fund_sources',
  'measures',
  'funding_tiers',
  'service_types',
  'partner_types',
  'provinces',
  'municipalities',
  'ateco_sectors',
  'tenants',
  'users',
];

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The columns an audit event changed, with their values before and after. */
export const AuditChanges = () => {
  const event = useRecordContext<{ entity: string; before: Row; after: Row }>();
  const translate = useTranslate();
  if (!event) return null;
  const before = event.before ?? {};
  const after = event.after ?? {};
  const columns = Object.keys({ ...before, ...after }).filter((c) => !BOOKKEEPING.has(c) && JSON.stringify(before[c]) !== JSON.stringify(after[c]));
  if (!columns.length) return null;
  const resource = tableResource(event.entity);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('reti.audit.field')}</TableCell>
          <TableCell>{translate('reti.audit.before')}</TableCell>
          <TableCell>{translate('reti.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {columns.map((column) => (
          <TableRow key={column}>
            <TableCell>{translate(`resources.${resource}.fields.${camelCase(column)}`, { _: camelCase(column) })}</TableCell>
            <TableCell>{shown(before[column])}</TableCell>
            <TableCell>{shown(after[column])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The change history of the record on the page, newest first, from the audit trail. */
export const AuditHistory = () => {
  const translate = useTranslate();
  return (
    <ReferenceManyField reference="auditEvents" target="entityId" sort={{ field: 'at', order: 'DESC' }} empty={<Box sx={{ p: 2 }}>{translate('reti.audit.empty')}</Box>}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateTimeField source="at" />
        <SelectField source="action" choices={enumChoices('AuditAction')} />
        <WrapperField label="reti.audit.changes">
          <AuditChanges />
        </WrapperField>
      </Datagrid>
    </ReferenceManyField>
  );
};
