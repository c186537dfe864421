import { DeleteButton, useGetOne, useGetRecordRepresentation, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useApiErrorNotifier } from './useApiErrorNotifier';

interface LinkQuestion {
  /** The linked record's reference, e.g. partnerId → partners, named in the question. */
  source: string;
  reference: string;
  /** What the link is, e.g. edit.remove_member; edit.removed_member is the notice once it went. */
  question: string;
}

/** Without a question, a row that is not a link (a criterion, an action: the row itself goes). */
type RemoveButtonProps = LinkQuestion | Record<string, never>;
const isLink = (props: RemoveButtonProps): props is LinkQuestion => 'question' in props;

/** The linked record's name, e.g. the partner's of a membership. */
function useLinkedName({ source, reference }: Pick<LinkQuestion, 'source' | 'reference'>): string {
  const link = useRecordContext();
  const represent = useGetRecordRepresentation(reference);
  const { data } = useGetOne(reference, { id: link?.[source] }, { enabled: !!link?.[source] });
  const name = data ? represent(data) : '';
  return typeof name === 'string' ? name : '';
}

/**
 * Removes a link (a member, a company, a signatory) at once, with "Annulla" in the notice that says
 * what went: nothing else hangs on a link, so the delete waits until the notice closes (react-admin's
 * undoable mode) and then reloads the page's data, so that what depends on it (the compliance
 * report) follows. A row that is not a link (a call's criterion or action) is asked about first.
 */
export const RemoveButton = (props: RemoveButtonProps) => (isLink(props) ? <UndoableRemove {...props} /> : <ConfirmedRemove />);

const UndoableRemove = ({ question, ...link }: LinkQuestion) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const name = useLinkedName(link);
  return (
    <DeleteButton
      label="ra.action.remove"
      mutationMode="undoable"
      redirect={false}
      mutationOptions={{
        onSuccess: () => notify(question.replace('edit.remove_', 'edit.removed_'), { type: 'info', undoable: true, messageArgs: { name } }),
        onSettled: (_data, error) => (error ? undefined : refresh()),
        onError,
      }}
    />
  );
};

const ConfirmedRemove = () => {
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
          notify('edit.link_removed', { type: 'info' });
          refresh();
        },
        onError,
      }}
    />
  );
};
