import { useState } from 'react';
import SaveIcon from '@mui/icons-material/Save';
import { Button } from '@mui/material';
import { Confirm, DeleteButton, Toolbar, useDataProvider, useLocaleState, useNotify, useRecordContext, useSaveContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { updateVariables } from '../providers/buildQuery';
import type { NetworkImpact, RetiDataProvider } from '../providers/dataProvider';
import { useApiErrorNotifier, violationText } from './useApiErrorNotifier';

/**
 * Saving a measure's rule parameters or a funding tier is two steps: the API first runs the change
 * dry, and the preview lists the ACTIVE networks it would put out of compliance (or says that none
 * is concerned); only its confirmation saves. A form with nothing changed saves nothing.
 */
export const DryRunToolbar = ({ resource }: { resource: 'measures' | 'fundingTiers' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { handleSubmit } = useFormContext();
  const { save, saving } = useSaveContext();
  const dataProvider = useDataProvider<RetiDataProvider>();
  const onError = useApiErrorNotifier();
  const notify = useNotify();
  const [pending, setPending] = useState<{ data: Record<string, unknown>; impacts: NetworkImpact[] } | null>(null);
  const [checking, setChecking] = useState(false);

  const check = handleSubmit(async (data) => {
    if (!record || !save) return;
    if (!Object.keys(updateVariables(resource, record.id, data, record).input).length) {
      notify('reti.rules.nothing_changed', { type: 'info' });
      return;
    }
    setChecking(true);
    try {
      setPending({ data, impacts: await dataProvider.previewUpdate(resource, { id: String(record.id), data, previousData: record }) });
    } catch (error) {
      onError(error);
    } finally {
      setChecking(false);
    }
  });

  return (
    <Toolbar>
      <Button variant="contained" startIcon={<SaveIcon />} disabled={saving || checking} onClick={check}>
        {translate('ra.action.save')}
      </Button>
      <DeleteButton mutationMode="pessimistic" sx={{ ml: 'auto' }} />
      <Confirm
        isOpen={pending !== null}
        title={pending?.impacts.length ? 'reti.rules.dry_run_title' : 'reti.rules.preview_title'}
        confirm={pending?.impacts.length ? 'reti.rules.save_anyway' : 'reti.rules.confirm_save'}
        content={
          <div data-testid={pending?.impacts.length ? 'dry-run-warning' : 'dry-run-clear'}>
            {pending?.impacts.length ? translate('reti.rules.dry_run_intro', { smart_count: pending.impacts.length }) : translate('reti.rules.no_network_concerned')}
            <ul>
              {pending?.impacts.map((impact) => (
                <li key={impact.networkId}>
                  <strong>
                    {impact.code} – {impact.title}
                  </strong>
                  : {impact.violations.map((v) => violationText(v, locale)).join(' ')}
                </li>
              ))}
            </ul>
          </div>
        }
        onConfirm={() => {
          if (pending && save) save(pending.data);
          setPending(null);
        }}
        onClose={() => setPending(null)}
      />
    </Toolbar>
  );
};
