import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';

const REGISTRY = ['networks', 'partners', 'crisisCompanies', 'competencePacts', 'allocations', 'auditEvents'];
const REFERENCE = ['fundSources', 'measures', 'fundingTiers', 'serviceTypes', 'partnerTypes', 'provinces', 'municipalities', 'atecoSectors'];
const ADMINISTRATION = ['tenants', 'users'];

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return open ? <ListSubheader sx={{ lineHeight: '32px', mt: 1, background: 'transparent' }}>{translate(label)}</ListSubheader> : null;
};

/** The menu in three groups; each entry shows only when authProvider.canAccess allows its list. */
export const Menu = () => {
  const { permissions: role } = usePermissions();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <Section label="reti.menu.registry" />
      {REGISTRY.map((name) => (
        <RaMenu.ResourceItem key={name} name={name} />
      ))}
      <Section label="reti.menu.reference" />
      {REFERENCE.map((name) => (
        <RaMenu.ResourceItem key={name} name={name} />
      ))}
      {role === 'ADMIN' ? <Section label="reti.menu.administration" /> : null}
      {ADMINISTRATION.map((name) => (
        <RaMenu.ResourceItem key={name} name={name} />
      ))}
    </RaMenu>
  );
};
