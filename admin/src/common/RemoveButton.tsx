import { DeleteButton, useNotify, useRefresh } from 'react-admin';
import { useApiErrorNotifier } from './useApiErrorNotifier';

/**
 * Removes a linked record (a member, a company) after confirmation, then reloads the page's data,
 * so that what depends on it, such as the compliance report, follows.
 */
export const RemoveButton = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  return (
    <DeleteButton
      label="ra.action.remove"
      mutationMode="pessimistic"
      redirect={false}
      mutationOptions={{
        onSuccess: () => {
          notify('ra.notification.deleted', { type: 'info', messageArgs: { smart_count: 1 } });
          refresh();
        },
        onError,
      }}
    />
  );
};
