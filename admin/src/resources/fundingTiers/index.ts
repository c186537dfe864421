import FundingTierIcon from '@mui/icons-material/Stairs';
import { lazyView } from '../../common/lazyView';
import { FundingTierCreate } from './FundingTierCreate';
import { FundingTierEdit } from './FundingTierEdit';

export default {
  list: lazyView(() => import('./FundingTierList'), 'FundingTierList'),
  create: FundingTierCreate,
  edit: FundingTierEdit,
  show: lazyView(() => import('./FundingTierShow'), 'FundingTierShow'),
  icon: FundingTierIcon,
  recordRepresentation: (tier: { minRecipients: number; maxRecipients: number }) => `${tier.minRecipients}–${tier.maxRecipients}`,
};
