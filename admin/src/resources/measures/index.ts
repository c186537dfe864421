import MeasureIcon from '@mui/icons-material/Rule';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./MeasureList'), 'MeasureList'),
  create: lazyView(() => import('./MeasureCreate'), 'MeasureCreate'),
  edit: lazyView(() => import('./MeasureEdit'), 'MeasureEdit'),
  show: lazyView(() => import('./MeasureShow'), 'MeasureShow'),
  icon: MeasureIcon,
  recordRepresentation: 'name',
};
