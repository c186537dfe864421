import AtecoSectorIcon from '@mui/icons-material/Numbers';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./AtecoSectorList'), 'AtecoSectorList'),
  create: lazyView(() => import('./AtecoSectorCreate'), 'AtecoSectorCreate'),
  edit: lazyView(() => import('./AtecoSectorEdit'), 'AtecoSectorEdit'),
  show: lazyView(() => import('./AtecoSectorShow'), 'AtecoSectorShow'),
  icon: AtecoSectorIcon,
  recordRepresentation: (sector: { code: string; title: string }) => `${sector.code} – ${sector.title}`,
};
