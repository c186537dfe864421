import PartnerTypeIcon from '@mui/icons-material/Category';
import { PartnerTypeCreate } from './PartnerTypeCreate';
import { PartnerTypeEdit } from './PartnerTypeEdit';
import { PartnerTypeList } from './PartnerTypeList';
import { PartnerTypeShow } from './PartnerTypeShow';

export default {
  list: PartnerTypeList,
  create: PartnerTypeCreate,
  edit: PartnerTypeEdit,
  show: PartnerTypeShow,
  icon: PartnerTypeIcon,
  recordRepresentation: 'name',
};
