import TenantIcon from '@mui/icons-material/Apartment';
import { lazyView } from '../../common/lazyView';
import { TenantCreate } from './TenantCreate';
import { TenantEdit } from './TenantEdit';

export default {
  list: lazyView(() => import('./TenantList'), 'TenantList'),
  create: TenantCreate,
  edit: TenantEdit,
  show: lazyView(() => import('./TenantShow'), 'TenantShow'),
  icon: TenantIcon,
  recordRepresentation: 'name',
};
