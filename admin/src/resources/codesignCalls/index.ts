import CallIcon from '@mui/icons-material/Campaign';
import { lazyView } from '../../common/lazyView';
import { CallCreate } from './CallCreate';
import { CallEdit } from './CallEdit';

export default {
  list: lazyView(() => import('./CallList'), 'CallList'),
  create: CallCreate,
  edit: CallEdit,
  show: lazyView(() => import('./CallShow'), 'CallShow'),
  icon: CallIcon,
  recordRepresentation: 'title',
};
