import AllocationIcon from '@mui/icons-material/Euro';
import { formatEuro, formatLocalDate } from '../../common/format';
import { AllocationCreate } from './AllocationCreate';
import { AllocationEdit } from './AllocationEdit';
import { AllocationList } from './AllocationList';
import { AllocationShow } from './AllocationShow';

export default {
  list: AllocationList,
  create: AllocationCreate,
  edit: AllocationEdit,
  show: AllocationShow,
  icon: AllocationIcon,
  recordRepresentation: (allocation: { allocatedOn: string; amount: string }) => `${formatLocalDate(allocation.allocatedOn)} · ${formatEuro(allocation.amount)}`,
};
