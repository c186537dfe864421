import CrisisCompanyIcon from '@mui/icons-material/Factory';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./CrisisCompanyList'), 'CrisisCompanyList'),
  create: lazyView(() => import('./CrisisCompanyCreate'), 'CrisisCompanyCreate'),
  edit: lazyView(() => import('./CrisisCompanyEdit'), 'CrisisCompanyEdit'),
  show: lazyView(() => import('./CrisisCompanyShow'), 'CrisisCompanyShow'),
  icon: CrisisCompanyIcon,
  recordRepresentation: 'name',
};
