import { AppBar as RaAppBar, TitlePortal } from 'react-admin';
import { TenantSwitcher } from './TenantSwitcher';

export const AppBar = () => (
  <RaAppBar>
    <TitlePortal />
    <TenantSwitcher />
  </RaAppBar>
);
