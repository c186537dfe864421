import NetworkIcon from '@mui/icons-material/Hub';
import { lazyView } from '../../common/lazyView';
import { NetworkCreate } from './NetworkCreate';
import { NetworkEdit } from './NetworkEdit';

export default {
  list: lazyView(() => import('./NetworkList'), 'NetworkList'),
  create: NetworkCreate,
  edit: NetworkEdit,
  show: lazyView(() => import('./NetworkShow'), 'NetworkShow'),
  icon: NetworkIcon,
  recordRepresentation: (network: { code: string; title: string }) => `${network.code} – ${network.title}`,
};
