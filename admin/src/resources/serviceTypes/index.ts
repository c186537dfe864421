import ServiceTypeIcon from '@mui/icons-material/MiscellaneousServices';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./ServiceTypeList'), 'ServiceTypeList'),
  create: lazyView(() => import('./ServiceTypeCreate'), 'ServiceTypeCreate'),
  edit: lazyView(() => import('./ServiceTypeEdit'), 'ServiceTypeEdit'),
  show: lazyView(() => import('./ServiceTypeShow'), 'ServiceTypeShow'),
  icon: ServiceTypeIcon,
  recordRepresentation: 'name',
};
