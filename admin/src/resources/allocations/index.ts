import AllocationIcon from '@mui/icons-material/Euro';
import { formatEuro, formatLocalDate, Locale } from '../../common/format';
import { i18nProvider } from '../../providers/i18nProvider';
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
  recordRepresentation: (allocation: { allocatedOn: string; amount: string }) => `${formatLocalDate(allocation.allocatedOn)} · ${formatEuro(allocation.amount, i18nProvider.getLocale() as Locale)}`,
};
