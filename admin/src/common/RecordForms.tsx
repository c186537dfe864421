import { ReactNode } from 'react';
import { Create, CreateProps, Edit, EditProps, SimpleForm } from 'react-admin';
import { useApiErrorNotifier } from './useApiErrorNotifier';

/**
 * The create page every resource uses: server validation errors land on their fields and other
 * refusals are explained (see useApiErrorNotifier).
 */
export const RecordCreate = ({ children, ...props }: Omit<CreateProps, 'children'> & { children: ReactNode }) => {
  const onError = useApiErrorNotifier();
  return (
    <Create redirect="show" mutationOptions={{ onError }} {...props}>
      <SimpleForm warnWhenUnsavedChanges>{children}</SimpleForm>
    </Create>
  );
};

/**
 * The edit page every resource uses. Saving waits for the server (pessimistic), which checks the
 * version that was read: a record someone else changed meanwhile is never overwritten.
 */
export const RecordEdit = ({ children, ...props }: Omit<EditProps, 'children'> & { children: ReactNode }) => {
  const onError = useApiErrorNotifier();
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }} {...props}>
      <SimpleForm warnWhenUnsavedChanges>{children}</SimpleForm>
    </Edit>
  );
};
