import AllocationIcon from '@mui/icons-material/Euro';
import { formatEuro, formatLocalDate, Locale } from '../../common/format';
import { lazyView } from '../../common/lazyView';
import { i18nProvider } from '../../providers/i18nProvider';
import { AllocationCreate } from './AllocationCreate';
import { AllocationEdit } from './AllocationEdit';

export default {
  list: lazyView(() => import('./AllocationList'), 'AllocationList'),
  create: AllocationCreate,
  edit: AllocationEdit,
  show: lazyView(() => import('./AllocationShow'), 'AllocationShow'),
  icon: AllocationIcon,
  recordRepresentation: (allocation: { allocatedOn: string; amount: string }) => `${formatLocalDate(allocation.allocatedOn)} · ${formatEuro(allocation.amount, i18nProvider.getLocale() as Locale)}`,
};
