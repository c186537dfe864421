import ProposalIcon from '@mui/icons-material/Description';
import { lazyView } from '../../common/lazyView';
import { ProposalCreate } from './ProposalCreate';
import { ProposalEdit } from './ProposalEdit';

export default {
  list: lazyView(() => import('./ProposalList'), 'ProposalList'),
  create: ProposalCreate,
  edit: ProposalEdit,
  show: lazyView(() => import('./ProposalShow'), 'ProposalShow'),
  icon: ProposalIcon,
  recordRepresentation: 'title',
};
