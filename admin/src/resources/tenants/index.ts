import TenantIcon from '@mui/icons-material/Apartment';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./TenantList'), 'TenantList'),
  create: lazyView(() => import('./TenantCreate'), 'TenantCreate'),
  edit: lazyView(() => import('./TenantEdit'), 'TenantEdit'),
  show: lazyView(() => import('./TenantShow'), 'TenantShow'),
  icon: TenantIcon,
  recordRepresentation: 'name',
};
