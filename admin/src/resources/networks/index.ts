import NetworkIcon from '@mui/icons-material/Hub';
import { NetworkCreate } from './NetworkCreate';
import { NetworkEdit } from './NetworkEdit';
import { NetworkList } from './NetworkList';
import { NetworkShow } from './NetworkShow';

export default {
  list: NetworkList,
  create: NetworkCreate,
  edit: NetworkEdit,
  show: NetworkShow,
  icon: NetworkIcon,
  recordRepresentation: (network: { code: string; title: string }) => `${network.code} – ${network.title}`,
};
