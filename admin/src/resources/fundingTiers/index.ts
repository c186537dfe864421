import FundingTierIcon from '@mui/icons-material/Stairs';
import { FundingTierCreate } from './FundingTierCreate';
import { FundingTierEdit } from './FundingTierEdit';
import { FundingTierList } from './FundingTierList';
import { FundingTierShow } from './FundingTierShow';

export default {
  list: FundingTierList,
  create: FundingTierCreate,
  edit: FundingTierEdit,
  show: FundingTierShow,
  icon: FundingTierIcon,
  recordRepresentation: (tier: { minRecipients: number; maxRecipients: number }) => `${tier.minRecipients}–${tier.maxRecipients}`,
};
