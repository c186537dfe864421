import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Menu, MenuItem } from '@mui/material';
import { Button, useListContext, useLocaleState, useNotify, useResourceContext, useTranslate } from 'react-admin';
import { resourceSchema } from '../providers/apiSchema';
import { listArguments } from '../providers/buildQuery';
import { authHeaders, refreshSession } from '../providers/session';

type Format = 'csv' | 'xlsx';

/** GET /export/<resource>.<format> with the session's token, renewed once if it has expired. */
async function fetchExport(url: string): Promise<Response> {
  const send = () => fetch(url, { headers: authHeaders(), credentials: 'same-origin' });
  const response = await send();
  return response.status === 401 && (await refreshSession()) ? send() : response;
}

function saveFile(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/**
 * The list's EXPORT: the server writes every row the list's filters and sort select (up to its
 * cap), as an Italian CSV or an XLSX, with the screen's labels and names beside the codes.
 */
export const ServerExportButton = () => {
  const resource = useResourceContext()!;
  const { filterValues, sort, total } = useListContext();
  const [locale = 'it'] = useLocaleState();
  const notify = useNotify();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async (format: Format) => {
    setAnchor(null);
    setBusy(true);
    try {
      const { filter, sort: apiSort } = listArguments(resourceSchema(resource), { filter: filterValues, sort });
      const query = new URLSearchParams({ locale, filter: JSON.stringify(filter) });
      if (apiSort) {
        query.set('sort', apiSort[0].field);
        query.set('order', apiSort[0].order);
      }
      const response = await fetchExport(`/export/${resource}.${format}?${query}`);
      if (!response.ok) {
        const refusal = (await response.json().catch(() => ({}))) as { max?: number; total?: number };
        if (refusal.max !== undefined) {
          const number = new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB');
          notify('edit.export.too_many', { type: 'error', multiLine: true, messageArgs: { total: number.format(refusal.total ?? 0), max: number.format(refusal.max) } });
        } else notify('edit.export.failed', { type: 'error' });
        return;
      }
      const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `reti-${resource}.${format}`;
      saveFile(await response.blob(), name);
    } catch {
      notify('edit.export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="edit.export.button" onClick={(event) => setAnchor(event.currentTarget)} disabled={busy || total === 0}>
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => download('csv')}>{translate('edit.export.csv')}</MenuItem>
        <MenuItem onClick={() => download('xlsx')}>{translate('edit.export.xlsx')}</MenuItem>
      </Menu>
    </>
  );
};
