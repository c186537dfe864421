import NetworkIcon from '@mui/icons-material/Hub';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./NetworkList'), 'NetworkList'),
  create: lazyView(() => import('./NetworkCreate'), 'NetworkCreate'),
  edit: lazyView(() => import('./NetworkEdit'), 'NetworkEdit'),
  show: lazyView(() => import('./NetworkShow'), 'NetworkShow'),
  icon: NetworkIcon,
  recordRepresentation: (network: { code: string; title: string }) => `${network.code} – ${network.title}`,
};
