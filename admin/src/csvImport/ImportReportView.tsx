import { useMemo } from 'react';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { Datagrid, FunctionField, ListContextProvider, Pagination, ResourceContextProvider, TextField, useList, useTranslate, useTranslateLabel } from 'react-admin';
import type { ImportReport, ImportRowError } from '../providers/dataProvider';

const Count = ({ label, value, testId }: { label: string; value: number; testId: string }) => {
  const translate = useTranslate();
  return (
    <Box data-testid={testId}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h5">{value}</Typography>
    </Box>
  );
};

/**
 * The rows that cannot be imported, a page at a time: a wrong file can have an error on every row.
 * Inside the imported resource's context, so that fields are named as on its forms.
 */
const RowErrors = ({ errors }: { errors: ImportRowError[] }) => {
  const translate = useTranslate();
  const translateLabel = useTranslateLabel();
  const records = useMemo(() => errors.map((error, index) => ({ id: index, ...error })), [errors]);
  const listContext = useList({ data: records, perPage: 25 });
  return (
    <ListContextProvider value={listContext}>
      <Box data-testid="import-errors">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="line" label="reti.import.line" />
          <FunctionField<ImportRowError> label="reti.import.field" render={(error) => translateLabel({ source: error.field })} />
          <FunctionField<ImportRowError>
            label="reti.import.message"
            sortable={false}
            render={(error) => translate(`reti.validation.server.${error.code}`, { _: error.message })}
          />
        </Datagrid>
        <Pagination rowsPerPageOptions={[25, 100]} />
      </Box>
    </ListContextProvider>
  );
};

/** What a dry run found: how many rows there are, how many can be imported, and why the others cannot. */
export const ImportReportView = ({ report, resource }: { report: ImportReport; resource: string }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={4}>
        <Count label="reti.import.rows" value={report.total} testId="import-total" />
        <Count label="reti.import.valid" value={report.valid} testId="import-valid" />
        <Count label="reti.import.with_errors" value={report.total - report.valid} testId="import-invalid" />
      </Stack>
      {report.errors.length ? (
        <ResourceContextProvider value={resource}>
          <RowErrors errors={report.errors} />
        </ResourceContextProvider>
      ) : (
        report.valid > 0 && <Alert severity="success">{translate('reti.import.no_errors')}</Alert>
      )}
    </Stack>
  );
};
