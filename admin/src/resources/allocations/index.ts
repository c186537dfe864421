import AllocationIcon from '@mui/icons-material/Euro';
import { formatEuro, formatLocalDate, Locale } from '../../common/format';
import { lazyView } from '../../common/lazyView';
import { i18nProvider } from '../../providers/i18nProvider';

export default {
  list: lazyView(() => import('./AllocationList'), 'AllocationList'),
  create: lazyView(() => import('./AllocationCreate'), 'AllocationCreate'),
  edit: lazyView(() => import('./AllocationEdit'), 'AllocationEdit'),
  show: lazyView(() => import('./AllocationShow'), 'AllocationShow'),
  icon: AllocationIcon,
  recordRepresentation: (allocation: { allocatedOn: string; amount: string }) => `${formatLocalDate(allocation.allocatedOn)} · ${formatEuro(allocation.amount, i18nProvider.getLocale() as Locale)}`,
};
