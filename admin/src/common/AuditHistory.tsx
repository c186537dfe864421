import { ReactNode, useState } from 'react';
import RestoreIcon from '@mui/icons-material/Restore';
import { Box, Button as MuiButton, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Theme, useMediaQuery } from '@mui/material';
import {
  Confirm,
  Datagrid,
  RaRecord,
  RecordContextProvider,
  ReferenceManyField,
  useListContext,
  useCanAccess,
  useCreatePath,
  useGetOne,
  useGetRecordRepresentation,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
  useUpdate,
  WrapperField,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { fieldType, resourceSchema } from '../providers/apiSchema';
import { formatDateTime, formatEuro, formatLocalDate, Locale } from './format';
import { DateTimeField } from './LocalDateField';
import { useApiErrorNotifier } from './useApiErrorNotifier';

type Row = Record<string, unknown> | null | undefined;

interface AuditEvent {
  id: string;
  entity: string;
  entityId: string;
  action: 'INSERT' | 'UPDATE' | 'DELETE';
  actorName: string | null;
  before: Row;
  after: Row;
}

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

/** The resource a reference column points to: partnerId → partners. */
const REFERENCES: Record<string, string> = {
  networkId: 'networks',
  partnerId: 'partners',
  partnerTypeId: 'partnerTypes',
  municipalityId: 'municipalities',
  provinceId: 'provinces',
  measureId: 'measures',
  fundSourceId: 'fundSources',
  atecoSectorId: 'atecoSectors',
  pactId: 'competencePacts',
  crisisCompanyId: 'crisisCompanies',
  tenantId: 'tenants',
};

/** An audited row under the API's property names. */
const camelRow = (row: Row): Record<string, unknown> => Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [camelCase(k), v]));

/** A referenced record by its name, as the rest of the console shows it. */
const RecordName = ({ reference, id }: { reference: string; id: string }) => {
  const { data } = useGetOne(reference, { id });
  const represent = useGetRecordRepresentation(reference);
  return <>{data ? represent(data) : '…'}</>;
};

/** A value of the history as the screen shows it: labels, names, € and dd/mm/yyyy. */
const Value = ({ resource, field, value }: { resource: string; field: string; value: unknown }) => {
  const translate = useTranslate();
  const [locale = 'it'] = useLocaleState();
  if (value === null || value === undefined || value === '') return <>—</>;
  const type = fieldType(resource, field);
  const label = (v: unknown) => (type?.isEnum ? translate(`reti.enums.${type.name}.${v}`, { _: String(v) }) : String(v));
  if (Array.isArray(value)) return <>{value.map(label).join(', ')}</>;
  if (REFERENCES[field] && typeof value === 'string') return <RecordName reference={REFERENCES[field]} id={value} />;
  switch (type?.name) {
    case 'Money':
      return <>{formatEuro(String(value), locale as Locale)}</>;
    case 'LocalDate':
      return <>{formatLocalDate(String(value))}</>;
    case 'DateTimeISO':
      return <>{formatDateTime(String(value))}</>;
    case 'Boolean':
      return <>{translate(value ? 'edit.history.yes' : 'edit.history.no')}</>;
    default:
      return <>{typeof value === 'object' ? JSON.stringify(value) : label(value)}</>;
  }
};

/** The columns an audit event changed, with their values before and after. */
export const AuditChanges = () => {
  const event = useRecordContext<AuditEvent>();
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
            <TableCell>
              <Value resource={resource} field={camelCase(column)} value={before[column]} />
            </TableCell>
            <TableCell>
              <Value resource={resource} field={camelCase(column)} value={after[column]} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** "Modifica di Partner «Alfa Lavoro» di Maria Rossi", with a link to the record while it exists. */
export const AuditTitle = ({ withAuthor = true }: { withAuthor?: boolean }) => {
  const event = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const resource = event ? tableResource(event.entity) : '';
  const represent = useGetRecordRepresentation(resource);
  if (!event) return null;
  const row = camelRow(event.after ?? event.before);
  const representation = represent({ id: event.entityId, ...row });
  const name: ReactNode = typeof representation === 'string' && !representation.startsWith('#') ? representation : translate(`resources.${resource}.name`, { smart_count: 1 });
  const linked =
    event.action === 'DELETE' ? (
      name
    ) : (
      <Link component={RouterLink} to={createPath({ resource, id: event.entityId, type: 'show' })}>
        {name}
      </Link>
    );
  return (
    <span>
      {translate(`reti.enums.AuditAction.${event.action}`)} · {translate(`resources.${resource}.name`, { smart_count: 1 })} «{linked}»
      {withAuthor && ` · ${translate('edit.history.by', { name: event.actorName ?? translate('edit.history.system') })}`}
    </span>
  );
};

/** The values of an event's version that an update may set, as the API takes them. */
function versionValues(resource: string, event: AuditEvent): Record<string, unknown> {
  const { updateFields } = resourceSchema(resource);
  const row = camelRow(event.after);
  return Object.fromEntries(
    Object.entries(row)
      .filter(([field]) => updateFields.has(field))
      .map(([field, value]) => [field, fieldType(resource, field)?.name === 'Money' && value !== null ? String(value) : value]),
  );
}

/**
 * "Ripristina questa versione": the record goes back to the values it had after this event,
 * through the normal update, which checks the version read and the rules like any edit.
 */
const RestoreButton = ({ record, resource }: { record: RaRecord; resource: string }) => {
  const event = useRecordContext<AuditEvent>();
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const [asking, setAsking] = useState(false);
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'edit', resource, record });
  if (!event || event.action === 'DELETE' || !event.after || !canAccess) return null;
  const restore = () => {
    setAsking(false);
    const values = versionValues(resource, event);
    if (Object.entries(values).every(([field, value]) => JSON.stringify(value ?? null) === JSON.stringify(record[field] ?? null))) {
      notify('edit.history.nothing_to_restore', { type: 'info' });
      return;
    }
    update(
      resource,
      { id: record.id, data: { ...record, ...values }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('edit.history.restored', { type: 'success' });
          refresh();
        },
        onError,
      },
    );
  };
  return (
    <>
      {/* Its words stay on a phone too, where react-admin's Button would keep only the icon. */}
      <MuiButton size="small" startIcon={<RestoreIcon />} onClick={() => setAsking(true)} disabled={isPending}>
        {translate('edit.history.restore')}
      </MuiButton>
      <Confirm isOpen={asking} title="edit.history.restore" content="edit.history.confirm_restore" onConfirm={restore} onClose={() => setAsking(false)} />
    </>
  );
};

/**
 * On a phone the history's columns do not fit: each version is a block of its own, its restore
 * button under its title and its changes below, scrolling sideways inside the block if they must.
 */
const StackedHistory = ({ record, resource }: { record: RaRecord; resource: string }) => {
  const { data = [] } = useListContext<AuditEvent>();
  return (
    <Stack data-testid="history-stacked" divider={<Box sx={{ borderBottom: 1, borderColor: 'divider' }} />}>
      {data.map((event) => (
        <RecordContextProvider key={event.id} value={event}>
          <Box sx={{ py: 1.5, px: 1 }}>
            <DateTimeField source="at" />
            <Box sx={{ my: 0.5, overflowWrap: 'anywhere' }}>
              <AuditTitle />
            </Box>
            <RestoreButton record={record} resource={resource} />
            <Box sx={{ overflowX: 'auto', mt: 1 }}>
              <AuditChanges />
            </Box>
          </Box>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};

/** The change history of the record on the page, newest first, from the audit trail, each version restorable. */
export const AuditHistory = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  if (!record) return null;
  return (
    <ReferenceManyField reference="auditEvents" target="entityId" sort={{ field: 'at', order: 'DESC' }} empty={<Box sx={{ p: 2 }}>{translate('reti.audit.empty')}</Box>}>
      {small ? (
        <StackedHistory record={record} resource={resource} />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <DateTimeField source="at" />
          <WrapperField label="resources.auditEvents.fields.action">
            <AuditTitle />
          </WrapperField>
          <WrapperField label="reti.audit.changes">
            <AuditChanges />
          </WrapperField>
          <WrapperField label="">
            <RestoreButton record={record} resource={resource} />
          </WrapperField>
        </Datagrid>
      )}
    </ReferenceManyField>
  );
};
