import { useState } from 'react';
import StarIcon from '@mui/icons-material/Star';
import { Button, Confirm, useCanAccess, useDataProvider, useGetOne, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useApiErrorNotifier } from '../../common/useApiErrorNotifier';
import { RetiDataProvider } from '../../providers/dataProvider';

/** "Rendi capofila" on a partner of the roster: the server swaps the lead in one step. */
export const MakeLeadButton = () => {
  const member = useRecordContext<{ id: string; version: number; role: string; partnerId: string }>();
  const dataProvider = useDataProvider<RetiDataProvider>();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'networkMembers', record: member });
  const { data: partner } = useGetOne('partners', { id: member?.partnerId }, { enabled: !!member && member.role !== 'LEAD' });
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const translate = useTranslate();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!member || member.role === 'LEAD' || !canAccess) return null;

  const confirm = async () => {
    setBusy(true);
    try {
      await dataProvider.makeNetworkLead({ id: member.id, version: member.version });
      notify('edit.made_lead', { type: 'success' });
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <>
      <Button label="edit.make_lead" onClick={() => setAsking(true)} disabled={busy}>
        <StarIcon />
      </Button>
      <Confirm
        isOpen={asking}
        loading={busy}
        title="edit.make_lead"
        content={translate('edit.confirm_make_lead', { name: partner?.legalName ?? '' })}
        onConfirm={confirm}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
