import { Button } from '@mui/material';
import { useCloseNotification, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiErrorBody, Violation } from '../providers/apiErrors';

const ReloadButton = () => {
  const refresh = useRefresh();
  const close = useCloseNotification();
  const translate = useTranslate();
  return (
    <Button
      color="inherit"
      size="small"
      onClick={() => {
        refresh();
        close();
      }}
    >
      {translate('reti.errors.reload')}
    </Button>
  );
};

/** A violation in the reader's language: the API words each one in Italian and in English. */
export const violationText = (violation: Violation, locale: string) => (locale === 'it' ? violation.message : violation.messageEn);

/**
 * Tells the user why a write failed. Field errors are left to the form, which shows them on the
 * inputs; a stale version offers to reload the record; broken rules are listed in plain words.
 */
export function useApiErrorNotifier(): (error: unknown) => void {
  const notify = useNotify();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (error) => {
    const body = apiErrorBody(error);
    if (body?.violations?.length) {
      const lines = body.violations.map((v) => `• ${violationText(v, locale)}`);
      notify([translate('reti.errors.violations'), ...lines].join('\n'), { type: 'error', multiLine: true, autoHideDuration: null });
    } else if (body?.errors) {
      return;
    } else if (body?.staleVersion) {
      notify('reti.errors.stale_record', { type: 'error', autoHideDuration: null, multiLine: true, action: <ReloadButton /> });
    } else if (body?.localized) {
      notify(body.detail, { type: 'error', multiLine: true });
    } else {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
}
