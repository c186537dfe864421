import PartnerTypeIcon from '@mui/icons-material/Category';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./PartnerTypeList'), 'PartnerTypeList'),
  create: lazyView(() => import('./PartnerTypeCreate'), 'PartnerTypeCreate'),
  edit: lazyView(() => import('./PartnerTypeEdit'), 'PartnerTypeEdit'),
  show: lazyView(() => import('./PartnerTypeShow'), 'PartnerTypeShow'),
  icon: PartnerTypeIcon,
  recordRepresentation: 'name',
};
