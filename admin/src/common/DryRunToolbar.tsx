import { useState } from 'react';
import SaveIcon from '@mui/icons-material/Save';
import { Button } from '@mui/material';
import { Confirm, DeleteButton, Toolbar, useDataProvider, useLocaleState, useRecordContext, useSaveContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import type { NetworkImpact, RetiDataProvider } from '../providers/dataProvider';
import { useApiErrorNotifier, violationText } from './useApiErrorNotifier';

/**
 * Saving a measure's rule parameters or a funding tier: the API first runs the change dry and
 * lists the ACTIVE networks it would put out of compliance. When there are any, they are shown
 * and the administrator decides; otherwise the change is saved at once.
 */
export const DryRunToolbar = ({ resource }: { resource: 'measures' | 'fundingTiers' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { handleSubmit } = useFormContext();
  const { save, saving } = useSaveContext();
  const dataProvider = useDataProvider<RetiDataProvider>();
  const onError = useApiErrorNotifier();
  const [pending, setPending] = useState<{ data: Record<string, unknown>; impacts: NetworkImpact[] } | null>(null);
  const [checking, setChecking] = useState(false);

  const check = handleSubmit(async (data) => {
    if (!record || !save) return;
    setChecking(true);
    try {
      const impacts = await dataProvider.previewUpdate(resource, { id: String(record.id), data, previousData: record });
      if (impacts.length) setPending({ data, impacts });
      else await save(data);
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
        title="reti.rules.dry_run_title"
        confirm="reti.rules.save_anyway"
        content={
          <div data-testid="dry-run-warning">
            {translate('reti.rules.dry_run_intro', { smart_count: pending?.impacts.length ?? 0 })}
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
