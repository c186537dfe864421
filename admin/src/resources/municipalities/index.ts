import MunicipalityIcon from '@mui/icons-material/LocationCity';
import { lazyView } from '../../common/lazyView';
import { MunicipalityCreate } from './MunicipalityCreate';
import { MunicipalityEdit } from './MunicipalityEdit';

export default {
  list: lazyView(() => import('./MunicipalityList'), 'MunicipalityList'),
  create: MunicipalityCreate,
  edit: MunicipalityEdit,
  show: lazyView(() => import('./MunicipalityShow'), 'MunicipalityShow'),
  icon: MunicipalityIcon,
  recordRepresentation: (municipality: { name: string; istatCode: string }) => `${municipality.name} (${municipality.istatCode})`,
};
