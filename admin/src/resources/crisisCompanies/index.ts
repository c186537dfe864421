import CrisisCompanyIcon from '@mui/icons-material/Factory';
import { CrisisCompanyCreate } from './CrisisCompanyCreate';
import { CrisisCompanyEdit } from './CrisisCompanyEdit';
import { CrisisCompanyList } from './CrisisCompanyList';
import { CrisisCompanyShow } from './CrisisCompanyShow';

export default {
  list: CrisisCompanyList,
  create: CrisisCompanyCreate,
  edit: CrisisCompanyEdit,
  show: CrisisCompanyShow,
  icon: CrisisCompanyIcon,
  recordRepresentation: 'name',
};
