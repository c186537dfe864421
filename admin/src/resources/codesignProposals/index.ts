import ProposalIcon from '@mui/icons-material/Description';
import { ProposalCreate } from './ProposalCreate';
import { ProposalEdit } from './ProposalEdit';
import { ProposalList } from './ProposalList';
import { ProposalShow } from './ProposalShow';

export default {
  list: ProposalList,
  create: ProposalCreate,
  edit: ProposalEdit,
  show: ProposalShow,
  icon: ProposalIcon,
  recordRepresentation: 'title',
};
