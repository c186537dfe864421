import { Theme, useMediaQuery } from '@mui/material';
import {
  BulkDeleteButton,
  BulkExportButton,
  CreateButton,
  DatagridConfigurable,
  DatagridConfigurableProps,
  ExportButton,
  FilterButton,
  SelectColumnsButton,
  SimpleList,
  SimpleListProps,
  TopToolbar,
  useFilterContext,
  useListContext,
  useRefresh,
  useResourceDefinition,
  useUnselectAll,
} from 'react-admin';
import { FIELD_LABELS } from '../../../server/src/common/labels';
import { ServerExportButton } from './ServerExportButton';
import { useApiErrorNotifier } from './useApiErrorNotifier';

/**
 * Deletes the selected records after confirmation, each with the version the list shows, and
 * reloads the list whatever happened: some may be gone when another refused. Shown only to
 * roles that may delete (authProvider.canAccess).
 */
const BulkDelete = () => {
  const { data = [], selectedIds, resource } = useListContext();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  const onError = useApiErrorNotifier();
  return (
    <BulkDeleteButton
      mutationMode="pessimistic"
      mutationOptions={{
        meta: { records: data.filter((record) => selectedIds.includes(record.id)) },
        onError: (error) => {
          onError(error);
          unselectAll();
          refresh();
        },
      }}
    />
  );
};

/** Rendered only while rows are selected: the hidden toolbar would otherwise hold a second "Esporta". */
const BulkActions = () => {
  const { selectedIds } = useListContext();
  return selectedIds.length ? (
    <>
      <BulkExportButton />
      <BulkDelete />
    </>
  ) : null;
};

/** Every list's toolbar: filters, create (where the role may), the column chooser and the export, the server's where it has one. */
export const ListToolbar = () => {
  const { total, exporter, resource } = useListContext();
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <TopToolbar>
      {filters?.length ? <FilterButton /> : null}
      {hasCreate ? <CreateButton /> : null}
      {small ? null : <SelectColumnsButton />}
      {resource in FIELD_LABELS.it ? <ServerExportButton /> : exporter === false ? null : <ExportButton disabled={total === 0} />}
    </TopToolbar>
  );
};

export interface RegistryGridProps extends DatagridConfigurableProps {
  /** What a phone shows under each record's name (recordRepresentation), e.g. a field. */
  secondaryText?: SimpleListProps['secondaryText'];
  tertiaryText?: SimpleListProps['tertiaryText'];
}

/**
 * A resource's list: on a laptop a table whose columns the user chooses, with row selection for
 * a bulk export and, where the role may, a bulk delete; on a phone a simple list of links.
 */
export const RegistryGrid = ({ secondaryText, tertiaryText, children, ...props }: RegistryGridProps) => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  if (small) return <SimpleList secondaryText={secondaryText} tertiaryText={tertiaryText} linkType={props.rowClick === false ? false : 'show'} />;
  return (
    <DatagridConfigurable rowClick="show" bulkActionButtons={<BulkActions />} {...props}>
      {children}
    </DatagridConfigurable>
  );
};
