import MunicipalityIcon from '@mui/icons-material/LocationCity';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./MunicipalityList'), 'MunicipalityList'),
  create: lazyView(() => import('./MunicipalityCreate'), 'MunicipalityCreate'),
  edit: lazyView(() => import('./MunicipalityEdit'), 'MunicipalityEdit'),
  show: lazyView(() => import('./MunicipalityShow'), 'MunicipalityShow'),
  icon: MunicipalityIcon,
  recordRepresentation: (municipality: { name: string; istatCode: string }) => `${municipality.name} (${municipality.istatCode})`,
};
