import { DeleteButton, useGetOne, useGetRecordRepresentation, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useApiErrorNotifier } from './useApiErrorNotifier';

interface LinkQuestion {
  /** The linked record's reference, e.g. partnerId → partners, named in the question. */
  source: string;
  reference: string;
  /** The question, e.g. edit.remove_member: it says that only the link goes. */
  question: string;
}

/** Without a question, it asks react-admin's own (a criterion, an action: the row itself goes). */
type RemoveButtonProps = LinkQuestion | Record<string, never>;
const isLink = (props: RemoveButtonProps): props is LinkQuestion => 'question' in props;

/** "Remove «Alfa» from the network? The partner stays in the registry…" */
const Question = ({ source, reference, question }: LinkQuestion) => {
  const link = useRecordContext();
  const translate = useTranslate();
  const represent = useGetRecordRepresentation(reference);
  const { data } = useGetOne(reference, { id: link?.[source] }, { enabled: !!link?.[source] });
  const name = data ? represent(data) : '';
  return <>{translate(question, { name: typeof name === 'string' ? name : '' })}</>;
};

/**
 * Removes a link (a member, a company) after asking in plain words that only the link goes, then
 * reloads the page's data, so that what depends on it, such as the compliance report, follows.
 */
export const RemoveButton = (props: RemoveButtonProps) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  return (
    <DeleteButton
      label="ra.action.remove"
      mutationMode="pessimistic"
      redirect={false}
      {...(isLink(props) && { confirmTitle: 'edit.remove_link_title', confirmContent: <Question {...props} /> })}
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
