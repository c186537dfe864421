import { ChangeEvent, useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Card, CardContent, FormControl, FormControlLabel, FormLabel, LinearProgress, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AccessDenied, downloadCSV, ListButton, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useApiErrorNotifier } from '../common/useApiErrorNotifier';
import { apiErrorBody } from '../providers/apiErrors';
import type { ImportKind, RetiDataProvider } from '../providers/dataProvider';
import { IMPORT_KINDS, useCanImport } from './importKinds';
import { ImportReportView } from './ImportReportView';

interface CsvFile {
  name: string;
  text: string;
}

interface UploadProgress {
  sent: number;
  total: number;
}

interface ImportRequest {
  kind: ImportKind;
  csv: string;
}

/** The file's text. FileReader decodes it as UTF-8 and drops the byte-order mark Excel's "CSV UTF-8" starts with. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'UTF-8');
  });
}

/**
 * Errors are told as for any write, except a file the API refuses as a whole (not CSV, a column
 * missing, too many rows): there is no form field to show that on, so the API's reason is shown.
 */
function useImportErrorNotifier(): (error: unknown) => void {
  const notify = useNotify();
  const notifyApiError = useApiErrorNotifier();
  return (error) => {
    const body = apiErrorBody(error);
    if (body?.code === 'BAD_USER_INPUT') notify('reti.import.file_refused', { type: 'error', multiLine: true, messageArgs: { reason: body.detail } });
    else notifyApiError(error);
  };
}

/** The header line of the chosen kind, to download as the start of a file. */
const Template = ({ kind }: { kind: ImportKind }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<RetiDataProvider>();
  const { data: columns } = useQuery({ queryKey: ['importColumns', kind], queryFn: () => dataProvider.getImportColumns(kind), staleTime: Infinity });
  const { templateName, hint } = IMPORT_KINDS[kind];
  if (!columns) return null;
  const header = columns.join(';');
  return (
    <Box>
      <Typography variant="body2" gutterBottom>
        {translate('reti.import.template')}
      </Typography>
      <Stack direction="row" spacing={2} alignItems="center">
        <Box component="code" sx={{ p: 1, overflowWrap: 'anywhere', bgcolor: 'action.hover', borderRadius: 1, fontSize: 13 }} data-testid="import-template">
          {header}
        </Box>
        <Button size="small" startIcon={<DownloadIcon />} sx={{ flexShrink: 0 }} onClick={() => downloadCSV(`${header}\n`, templateName)}>
          {translate('reti.import.download_template')}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate(hint ?? `reti.import.hints.${kind}`)}
      </Typography>
    </Box>
  );
};

/** A measured bar while the file is being sent, then an indeterminate one: the server's work cannot be measured. */
const RequestProgress = ({ upload, caption }: { upload: UploadProgress | null; caption: string }) => {
  const translate = useTranslate();
  const percent = upload && upload.sent < upload.total ? Math.round((100 * upload.sent) / upload.total) : undefined;
  return (
    <Box data-testid="import-progress">
      <LinearProgress variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent} />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {percent === undefined ? caption : translate('reti.import.uploading', { percent })}
      </Typography>
    </Box>
  );
};

/**
 * Choosing a kind and a file checks the file at once (a dry run that writes nothing); the preview
 * lists the rows that cannot be imported, and one button then imports the valid ones together.
 */
const CsvImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const onError = useImportErrorNotifier();
  const dataProvider = useDataProvider<RetiDataProvider>();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('PARTNERS');
  const [file, setFile] = useState<CsvFile | null>(null);
  const [upload, setUpload] = useState<UploadProgress | null>(null);

  const send = (dryRun: boolean) => (request: ImportRequest) => {
    setUpload(null);
    return dataProvider.importCsv({ ...request, dryRun, onUploadProgress: (sent, total) => setUpload({ sent, total }) });
  };
  const preview = useMutation({ mutationFn: send(true), onError });
  const importing = useMutation({
    mutationFn: send(false),
    onSuccess: (_report, request) => queryClient.invalidateQueries({ queryKey: [IMPORT_KINDS[request.kind].resource] }),
    onError,
  });
  const busy = preview.isPending || importing.isPending;
  const resource = IMPORT_KINDS[kind].resource;

  const check = (request: ImportRequest) => {
    importing.reset();
    preview.mutate(request);
  };

  const chooseKind = (chosen: ImportKind) => {
    setKind(chosen);
    if (file) check({ kind: chosen, csv: file.text });
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    // Emptied so that picking the same file again, once corrected, reads it again.
    event.target.value = '';
    if (!picked) return;
    try {
      const chosen = { name: picked.name, text: await readText(picked) };
      setFile(chosen);
      check({ kind, csv: chosen.text });
    } catch {
      notify('reti.import.read_failed', { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="reti.import.title" />
      <CardContent>
        <Stack spacing={3}>
          <FormControl disabled={busy}>
            <FormLabel id="import-kind">{translate('reti.import.kind')}</FormLabel>
            <RadioGroup row aria-labelledby="import-kind" value={kind} onChange={(event) => chooseKind(event.target.value as ImportKind)}>
              {Object.keys(IMPORT_KINDS).map((value) => (
                <FormControlLabel key={value} value={value} control={<Radio />} label={translate(`reti.enums.ImportKind.${value}`)} />
              ))}
            </RadioGroup>
          </FormControl>
          <Template kind={kind} />
          <Stack direction="row" spacing={2} alignItems="center">
            <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={busy}>
              {translate('reti.import.choose_file')}
              <input type="file" accept=".csv,text/csv" hidden disabled={busy} onChange={chooseFile} />
            </Button>
            {file && <Typography variant="body2">{file.name}</Typography>}
          </Stack>
          {preview.isPending && <RequestProgress upload={upload} caption={translate('reti.import.checking')} />}
          {preview.data && <ImportReportView report={preview.data} resource={resource} />}
          {preview.data && !importing.isSuccess && (
            <Box>
              {/* The import sends exactly what the preview checked. */}
              <Button variant="contained" disabled={!preview.data.valid || busy} onClick={() => importing.mutate(preview.variables!)}>
                {translate('reti.import.import_valid', { smart_count: preview.data.valid })}
              </Button>
            </Box>
          )}
          {importing.isPending && <RequestProgress upload={upload} caption={translate('reti.import.importing', { smart_count: preview.data?.valid })} />}
          {importing.data && (
            <Alert severity="success" action={<ListButton resource={IMPORT_KINDS[kind].list ?? resource} label="reti.import.open_list" />} data-testid="import-outcome">
              {translate('reti.import.imported', { smart_count: importing.data.imported })}
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The CSV import, for users who may create partners and companies in crisis in their tenant. */
export const ImportPage = () => {
  const { canImport, isPending } = useCanImport();
  if (isPending) return null;
  return canImport ? <CsvImport /> : <AccessDenied />;
};
