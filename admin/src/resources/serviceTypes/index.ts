import ServiceTypeIcon from '@mui/icons-material/MiscellaneousServices';
import { lazyView } from '../../common/lazyView';
import { ServiceTypeCreate } from './ServiceTypeCreate';
import { ServiceTypeEdit } from './ServiceTypeEdit';

export default {
  list: lazyView(() => import('./ServiceTypeList'), 'ServiceTypeList'),
  create: ServiceTypeCreate,
  edit: ServiceTypeEdit,
  show: lazyView(() => import('./ServiceTypeShow'), 'ServiceTypeShow'),
  icon: ServiceTypeIcon,
  recordRepresentation: 'name',
};
