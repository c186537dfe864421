import { AppBar as RaAppBar, TitlePortal, useGetIdentity, UserMenu, useTranslate } from 'react-admin';
import { RegistrySearch } from './RegistrySearch';
import { TenantSwitcher } from './TenantSwitcher';

/** The user menu's button shows the user's name, so its accessible name includes it: "Profilo: Maria Rossi". */
const NamedUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ? `${translate('ra.auth.user_menu')}: ${identity.fullName}` : 'ra.auth.user_menu'} />;
};

export const AppBar = () => (
  <RaAppBar userMenu={<NamedUserMenu />}>
    {/* Every page's title is its one <h1>. */}
    <TitlePortal component="h1" />
    <RegistrySearch />
    <TenantSwitcher />
  </RaAppBar>
);
