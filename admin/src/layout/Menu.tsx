import DataObjectIcon from '@mui/icons-material/DataObject';
import InsightsIcon from '@mui/icons-material/Insights';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, useGetIdentity, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { IMPORT_PATH, useCanImport } from '../csvImport/importKinds';
import { EXPLORER_PATH } from '../explorer/explorerPath';
import { WORKSPACE_PATH } from '../workspace/workspaceState';

const REGISTRY = ['networks', 'partners', 'crisisCompanies', 'competencePacts', 'allocations', 'auditEvents'];
const CODESIGN = ['codesignCalls', 'codesignProposals'];
const REFERENCE = ['fundSources', 'measures', 'fundingTiers', 'measureCompatibilities', 'serviceTypes', 'partnerTypes', 'provinces', 'municipalities', 'atecoSectors', 'targetGroups', 'ambitoMunicipalities'];
const ADMINISTRATION = ['tenants', 'users'];

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  // A menu may hold only items, groups and separators: the heading is a labelled separator.
  return open ? (
    <ListSubheader role="separator" aria-label={translate(label)} sx={{ lineHeight: '32px', mt: 1, background: 'transparent' }}>
      {translate(label)}
    </ListSubheader>
  ) : null;
};

const ImportItem = () => {
  const { canImport } = useCanImport();
  return canImport ? <RaMenu.Item to={IMPORT_PATH} primaryText="reti.import.title" leftIcon={<UploadFileIcon />} /> : null;
};

/**
 * The menu in three groups; each entry shows only when authProvider.canAccess allows its list,
 * and the CSV import when it allows creating what the import writes.
 */
export const Menu = () => {
  const { permissions: role } = usePermissions();
  const { identity } = useGetIdentity();
  // A third-sector body's users work on co-design only: calls and their own proposals.
  if (identity?.thirdSectorBody) {
    return (
      <RaMenu>
        <RaMenu.DashboardItem />
        <Section label="reti.codesign.menu" />
        {CODESIGN.map((name) => (
          <RaMenu.ResourceItem key={name} name={name} />
        ))}
      </RaMenu>
    );
  }
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <Section label="reti.menu.registry" />
      {REGISTRY.map((name) => (
        <RaMenu.ResourceItem key={name} name={name} />
      ))}
      <ImportItem />
      <RaMenu.Item to={WORKSPACE_PATH} primaryText="reti.workspace.menu" leftIcon={<InsightsIcon />} />
      <RaMenu.Item to={EXPLORER_PATH} primaryText="reti.explorer.menu" leftIcon={<DataObjectIcon />} />
      <Section label="reti.codesign.menu" />
      {CODESIGN.map((name) => (
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
