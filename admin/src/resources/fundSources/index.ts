import FundSourceIcon from '@mui/icons-material/AccountBalance';
import { FundSourceCreate } from './FundSourceCreate';
import { FundSourceEdit } from './FundSourceEdit';
import { FundSourceList } from './FundSourceList';
import { FundSourceShow } from './FundSourceShow';

export default {
  list: FundSourceList,
  create: FundSourceCreate,
  edit: FundSourceEdit,
  show: FundSourceShow,
  icon: FundSourceIcon,
  recordRepresentation: 'name',
};
