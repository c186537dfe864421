import { ReactNode, useState } from 'react';
import { Stack } from '@mui/material';
import { CreateBase, Form, SaveButton, useCanAccess, useNotify, useRefresh } from 'react-admin';
import { useApiErrorNotifier } from './useApiErrorNotifier';

interface InlineCreateFormProps {
  resource: string;
  /** Values the new record starts from, such as the network it belongs to. */
  defaults: Record<string, unknown>;
  submitLabel: string;
  successMessage: string;
  children: ReactNode;
}

/**
 * A one-line form that adds a linked record (a member, a company, a signatory) without leaving
 * the page. After each success the page reloads its data and the form starts empty again. Its
 * inputs sit on one line, so they are given a width of their own.
 */
export const InlineCreateForm = ({ resource, defaults, submitLabel, successMessage, children }: InlineCreateFormProps) => {
  const [round, setRound] = useState(0);
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const { canAccess } = useCanAccess({ action: 'create', resource });
  if (!canAccess) return null;
  return (
    <CreateBase
      key={round}
      resource={resource}
      record={defaults}
      redirect={false}
      mutationOptions={{
        onSuccess: () => {
          notify(successMessage, { type: 'success' });
          setRound(round + 1);
          refresh();
        },
        onError,
      }}
    >
      <Form>
        <Stack direction="row" spacing={2} alignItems="flex-start" flexWrap="wrap" useFlexGap sx={{ mt: 2 }}>
          {children}
          <SaveButton label={submitLabel} variant="outlined" sx={{ mt: 1 }} />
        </Stack>
      </Form>
    </CreateBase>
  );
};
