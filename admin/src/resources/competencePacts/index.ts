import CompetencePactIcon from '@mui/icons-material/Gavel';
import { lazyView } from '../../common/lazyView';
import { CompetencePactCreate } from './CompetencePactCreate';
import { CompetencePactEdit } from './CompetencePactEdit';

export default {
  list: lazyView(() => import('./CompetencePactList'), 'CompetencePactList'),
  create: CompetencePactCreate,
  edit: CompetencePactEdit,
  show: lazyView(() => import('./CompetencePactShow'), 'CompetencePactShow'),
  icon: CompetencePactIcon,
  recordRepresentation: 'name',
};
