import FundSourceIcon from '@mui/icons-material/AccountBalance';
import { lazyView } from '../../common/lazyView';
import { FundSourceCreate } from './FundSourceCreate';
import { FundSourceEdit } from './FundSourceEdit';

export default {
  list: lazyView(() => import('./FundSourceList'), 'FundSourceList'),
  create: FundSourceCreate,
  edit: FundSourceEdit,
  show: lazyView(() => import('./FundSourceShow'), 'FundSourceShow'),
  icon: FundSourceIcon,
  recordRepresentation: 'name',
};
