import PartnerIcon from '@mui/icons-material/Handshake';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./PartnerList'), 'PartnerList'),
  create: lazyView(() => import('./PartnerCreate'), 'PartnerCreate'),
  edit: lazyView(() => import('./PartnerEdit'), 'PartnerEdit'),
  show: lazyView(() => import('./PartnerShow'), 'PartnerShow'),
  icon: PartnerIcon,
  recordRepresentation: 'legalName',
};
