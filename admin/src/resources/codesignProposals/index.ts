import ProposalIcon from '@mui/icons-material/Description';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./ProposalList'), 'ProposalList'),
  create: lazyView(() => import('./ProposalCreate'), 'ProposalCreate'),
  edit: lazyView(() => import('./ProposalEdit'), 'ProposalEdit'),
  show: lazyView(() => import('./ProposalShow'), 'ProposalShow'),
  icon: ProposalIcon,
  recordRepresentation: 'title',
};
