import FundingTierIcon from '@mui/icons-material/Stairs';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./FundingTierList'), 'FundingTierList'),
  create: lazyView(() => import('./FundingTierCreate'), 'FundingTierCreate'),
  edit: lazyView(() => import('./FundingTierEdit'), 'FundingTierEdit'),
  show: lazyView(() => import('./FundingTierShow'), 'FundingTierShow'),
  icon: FundingTierIcon,
  recordRepresentation: (tier: { minRecipients: number; maxRecipients: number }) => `${tier.minRecipients}–${tier.maxRecipients}`,
};
