import AtecoSectorIcon from '@mui/icons-material/Numbers';
import { lazyView } from '../../common/lazyView';
import { AtecoSectorCreate } from './AtecoSectorCreate';
import { AtecoSectorEdit } from './AtecoSectorEdit';

export default {
  list: lazyView(() => import('./AtecoSectorList'), 'AtecoSectorList'),
  create: AtecoSectorCreate,
  edit: AtecoSectorEdit,
  show: lazyView(() => import('./AtecoSectorShow'), 'AtecoSectorShow'),
  icon: AtecoSectorIcon,
  recordRepresentation: (sector: { code: string; title: string }) => `${sector.code} – ${sector.title}`,
};
