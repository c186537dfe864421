import MeasureIcon from '@mui/icons-material/Rule';
import { lazyView } from '../../common/lazyView';
import { MeasureCreate } from './MeasureCreate';
import { MeasureEdit } from './MeasureEdit';

export default {
  list: lazyView(() => import('./MeasureList'), 'MeasureList'),
  create: MeasureCreate,
  edit: MeasureEdit,
  show: lazyView(() => import('./MeasureShow'), 'MeasureShow'),
  icon: MeasureIcon,
  recordRepresentation: 'name',
};
