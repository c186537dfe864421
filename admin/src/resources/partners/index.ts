import PartnerIcon from '@mui/icons-material/Handshake';
import { PartnerCreate } from './PartnerCreate';
import { PartnerEdit } from './PartnerEdit';
import { PartnerList } from './PartnerList';
import { PartnerShow } from './PartnerShow';

export default {
  list: PartnerList,
  create: PartnerCreate,
  edit: PartnerEdit,
  show: PartnerShow,
  icon: PartnerIcon,
  recordRepresentation: 'legalName',
};
