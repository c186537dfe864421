import CallIcon from '@mui/icons-material/Campaign';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./CallList'), 'CallList'),
  create: lazyView(() => import('./CallCreate'), 'CallCreate'),
  edit: lazyView(() => import('./CallEdit'), 'CallEdit'),
  show: lazyView(() => import('./CallShow'), 'CallShow'),
  icon: CallIcon,
  recordRepresentation: 'title',
};
