import { MenuItem, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useGetList, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { actingTenantId, setActingTenantId } from '../providers/session';

/**
 * Administrators read every tenant; to change a tenant's records they act in it (X-Tenant-Id).
 * Switching reloads every list and every permission.
 */
export const TenantSwitcher = () => {
  const { permissions: role } = usePermissions();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [tenantId, setTenantId] = useState(actingTenantId() ?? '');
  const { data: tenants = [] } = useGetList('tenants', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } }, { enabled: role === 'ADMIN' });
  if (role !== 'ADMIN') return null;
  return (
    <Tooltip title={translate('reti.tenant.choose')}>
      <TextField
        select
        size="small"
        variant="outlined"
        fullWidth={false}
        label={translate('reti.tenant.label')}
        value={tenantId}
        onChange={(event) => {
          setActingTenantId(event.target.value || null);
          setTenantId(event.target.value);
          refresh();
        }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        sx={{ width: 300, mx: 2, my: 1, '& .MuiInputBase-root, & .MuiInputLabel-root, & .MuiSelect-icon': { color: 'inherit' } }}
        data-testid="tenant-switcher"
      >
        <MenuItem value="">{translate('reti.tenant.none')}</MenuItem>
        {tenants.map((tenant) => (
          <MenuItem key={tenant.id} value={tenant.id}>
            {tenant.name}
          </MenuItem>
        ))}
      </TextField>
    </Tooltip>
  );
};
