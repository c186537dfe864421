import { AppBar as RaAppBar, TitlePortal, useGetIdentity, UserMenu, useTranslate } from 'react-admin';
import { RegistrySearch } from './RegistrySearch';
import { TenantSwitcher } from './TenantSwitcher';

/** The user menu's button shows the user's name, so its accessible name includes it: "Profilo: Maria Rossi". */
const NamedUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ? `${translate('ra.auth.user_menu')}: ${identity.fullName}` : 'ra.auth.user_menu'} />;
};

/**
 * On a phone the buttons take the bar's first row and the title a row of its own, wrapped, under
 * them; the bar is sticky there rather than fixed, so the page starts below it (Layout.tsx).
 */
const PHONE_BAR = {
  position: { xs: 'sticky', sm: 'fixed' },
  top: 0,
  '& .MuiToolbar-root': { flexWrap: { xs: 'wrap', sm: 'nowrap' } },
  '& #react-admin-title': {
    order: { xs: 99, sm: 0 },
    flexBasis: { xs: '100%', sm: 'auto' },
    whiteSpace: { xs: 'normal', sm: 'nowrap' },
    fontSize: { xs: '1rem', sm: undefined },
    lineHeight: { xs: 1.3, sm: undefined },
    pb: { xs: 1, sm: 0 },
    display: { xs: '-webkit-box', sm: 'block' },
    WebkitLineClamp: { xs: 3, sm: 'none' },
    WebkitBoxOrient: 'vertical',
    // Until a page puts its title in, the heading takes no room (tests wait for it to show).
    '&:empty': { pb: 0 },
  },
} as const;

export const AppBar = () => {
  const { identity } = useGetIdentity();
  return (
    <RaAppBar userMenu={<NamedUserMenu />} sx={PHONE_BAR}>
      {/* Every page's title is its one <h1>. */}
      <TitlePortal component="h1" />
      {/* The registry is not a third-sector body's to search. */}
      {identity && !identity.thirdSectorBody ? <RegistrySearch /> : null}
      <TenantSwitcher />
    </RaAppBar>
  );
};
