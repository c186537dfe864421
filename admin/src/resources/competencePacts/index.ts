import CompetencePactIcon from '@mui/icons-material/Gavel';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./CompetencePactList'), 'CompetencePactList'),
  create: lazyView(() => import('./CompetencePactCreate'), 'CompetencePactCreate'),
  edit: lazyView(() => import('./CompetencePactEdit'), 'CompetencePactEdit'),
  show: lazyView(() => import('./CompetencePactShow'), 'CompetencePactShow'),
  icon: CompetencePactIcon,
  recordRepresentation: 'name',
};
