import FundSourceIcon from '@mui/icons-material/AccountBalance';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./FundSourceList'), 'FundSourceList'),
  create: lazyView(() => import('./FundSourceCreate'), 'FundSourceCreate'),
  edit: lazyView(() => import('./FundSourceEdit'), 'FundSourceEdit'),
  show: lazyView(() => import('./FundSourceShow'), 'FundSourceShow'),
  icon: FundSourceIcon,
  recordRepresentation: 'name',
};
