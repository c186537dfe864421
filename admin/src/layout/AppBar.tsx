import { AppBar as RaAppBar, TitlePortal } from 'react-admin';
import { RegistrySearch } from './RegistrySearch';
import { TenantSwitcher } from './TenantSwitcher';

export const AppBar = () => (
  <RaAppBar>
    {/* Every page's title is its one <h1>. */}
    <TitlePortal component="h1" />
    <RegistrySearch />
    <TenantSwitcher />
  </RaAppBar>
);
