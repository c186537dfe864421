import PartnerIcon from '@mui/icons-material/Handshake';
import { lazyView } from '../../common/lazyView';
import { PartnerCreate } from './PartnerCreate';
import { PartnerEdit } from './PartnerEdit';

export default {
  list: lazyView(() => import('./PartnerList'), 'PartnerList'),
  create: PartnerCreate,
  edit: PartnerEdit,
  show: lazyView(() => import('./PartnerShow'), 'PartnerShow'),
  icon: PartnerIcon,
  recordRepresentation: 'legalName',
};
