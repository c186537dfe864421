import { DeleteButton, SaveButton, Toolbar, useGetManyReference, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { RecordEdit } from '../../common/RecordForms';
import { useApiErrorNotifier } from '../../common/useApiErrorNotifier';
import { PartnerInputs } from './PartnerInputs';

/**
 * A partner in no network goes at once, with "Annulla" in the notice that names it (react-admin's
 * undoable mode: the delete waits until the notice closes). One that belongs to networks is asked
 * about first: the server refuses to delete it while its memberships stand.
 */
const PartnerDelete = () => {
  const partner = useRecordContext();
  const notify = useNotify();
  const redirect = useRedirect();
  const onError = useApiErrorNotifier();
  const { total, isPending } = useGetManyReference('networkMembers', { target: 'partnerId', id: partner?.id, pagination: { page: 1, perPage: 1 } }, { enabled: !!partner });
  if (!partner || isPending) return null;
  if (total) return <DeleteButton mutationMode="pessimistic" />;
  return (
    <DeleteButton
      mutationMode="undoable"
      mutationOptions={{
        onSuccess: () => {
          notify('edit.deleted_named', { type: 'info', undoable: true, messageArgs: { name: partner.legalName } });
          redirect('list', 'partners');
        },
        onError,
      }}
    />
  );
};

export const PartnerEdit = () => (
  <RecordEdit
    toolbar={
      <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton />
        <PartnerDelete />
      </Toolbar>
    }
  >
    <PartnerInputs />
  </RecordEdit>
);
