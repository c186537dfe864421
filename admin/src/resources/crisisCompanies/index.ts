import CrisisCompanyIcon from '@mui/icons-material/Factory';
import { lazyView } from '../../common/lazyView';
import { CrisisCompanyCreate } from './CrisisCompanyCreate';
import { CrisisCompanyEdit } from './CrisisCompanyEdit';

export default {
  list: lazyView(() => import('./CrisisCompanyList'), 'CrisisCompanyList'),
  create: CrisisCompanyCreate,
  edit: CrisisCompanyEdit,
  show: lazyView(() => import('./CrisisCompanyShow'), 'CrisisCompanyShow'),
  icon: CrisisCompanyIcon,
  recordRepresentation: 'name',
};
