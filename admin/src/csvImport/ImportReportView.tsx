import { useEffect, useState } from 'react';
import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { ResourceContextProvider, useTranslate, useTranslateLabel } from 'react-admin';
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

const PAGE_SIZES = [25, 100];

/**
 * The rows that cannot be imported, a page at a time: a wrong file can have an error on every row.
 * Only the page on screen is rendered, and nothing walks the whole list on a render (react-admin's
 * in-memory list serialised all of it on each one, which froze the page on a 5,000-error file).
 * Inside the imported resource's context, so that fields are named as on its forms.
 */
const RowErrors = ({ errors }: { errors: ImportRowError[] }) => {
  const translate = useTranslate();
  const translateLabel = useTranslateLabel();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(PAGE_SIZES[0]);
  // A new report starts from its first page.
  useEffect(() => setPage(0), [errors]);
  const shown = errors.slice(page * perPage, (page + 1) * perPage);
  return (
    <Box data-testid="import-errors">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('reti.import.line')}</TableCell>
            <TableCell>{translate('reti.import.field')}</TableCell>
            <TableCell>{translate('reti.import.message')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((error, index) => (
            <TableRow key={page * perPage + index}>
              <TableCell>{error.line}</TableCell>
              <TableCell>{translateLabel({ source: error.field })}</TableCell>
              <TableCell>{translate(`reti.validation.server.${error.code}`, { _: error.message })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={errors.length}
        page={page}
        rowsPerPage={perPage}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, next) => setPage(next)}
        onRowsPerPageChange={(event) => {
          setPerPage(Number(event.target.value));
          setPage(0);
        }}
        labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
        labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
      />
    </Box>
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
