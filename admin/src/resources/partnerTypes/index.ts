import PartnerTypeIcon from '@mui/icons-material/Category';
import { lazyView } from '../../common/lazyView';
import { PartnerTypeCreate } from './PartnerTypeCreate';
import { PartnerTypeEdit } from './PartnerTypeEdit';

export default {
  list: lazyView(() => import('./PartnerTypeList'), 'PartnerTypeList'),
  create: PartnerTypeCreate,
  edit: PartnerTypeEdit,
  show: lazyView(() => import('./PartnerTypeShow'), 'PartnerTypeShow'),
  icon: PartnerTypeIcon,
  recordRepresentation: 'name',
};
