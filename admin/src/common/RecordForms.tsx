import { ReactElement, ReactNode, useEffect } from 'react';
import { Create, CreateProps, Edit, EditProps, SimpleForm, useGetIdentity } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useLocation } from 'react-router-dom';
import { sessionUser } from '../providers/session';
import { useApiErrorNotifier } from './useApiErrorNotifier';

/**
 * Keeps what the user is typing in the tab's sessionStorage. If the session ends mid-form, the
 * form unmounts signed out and the draft stays; after signing in again react-admin returns to the
 * same page and the form comes back as it was. Leaving the form while signed in drops the draft.
 */
const KeepDraftAcrossSignIn = () => {
  const { reset, watch, formState } = useFormContext();
  // Ready once the form has mounted and run its own start-up reset (a parent effect, which would undo ours).
  const { isReady } = formState;
  const { pathname } = useLocation();
  // The identity arrives once the session is restored, which after a reload may be after the form is drawn.
  const userId = useGetIdentity().identity?.id;
  useEffect(() => {
    if (!userId || !isReady) return;
    const key = `reti.draft:${userId}:${pathname}`;
    const saved = sessionStorage.getItem(key);
    if (saved) reset(JSON.parse(saved), { keepDefaultValues: true });
    const subscription = watch((values) => sessionStorage.setItem(key, JSON.stringify(values)));
    return () => {
      subscription.unsubscribe();
      if (sessionUser()) sessionStorage.removeItem(key);
    };
  }, [userId, isReady, pathname, reset, watch]);
  return null;
};

/** A field's client checks (required, check digit, dates, numbers) run when it loses focus, then as it is corrected. */
const CHECK_ON = 'onTouched';

/**
 * The create page every resource uses: server validation errors land on their fields and other
 * refusals are explained (see useApiErrorNotifier).
 */
export const RecordCreate = ({ children, ...props }: Omit<CreateProps, 'children'> & { children: ReactNode }) => {
  const onError = useApiErrorNotifier();
  return (
    <Create redirect="show" mutationOptions={{ onError }} {...props}>
      <SimpleForm warnWhenUnsavedChanges mode={CHECK_ON}>
        <KeepDraftAcrossSignIn />
        {children}
      </SimpleForm>
    </Create>
  );
};

/**
 * The edit page every resource uses. Saving waits for the server (pessimistic), which checks the
 * version that was read: a record someone else changed meanwhile is never overwritten.
 */
export const RecordEdit = ({ children, toolbar, ...props }: Omit<EditProps, 'children'> & { children: ReactNode; toolbar?: ReactElement }) => {
  const onError = useApiErrorNotifier();
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }} {...props}>
      <SimpleForm warnWhenUnsavedChanges mode={CHECK_ON} toolbar={toolbar}>
        <KeepDraftAcrossSignIn />
        {children}
      </SimpleForm>
    </Edit>
  );
};
