import ProvinceIcon from '@mui/icons-material/Map';
import { lazyView } from '../../common/lazyView';
import { ProvinceCreate } from './ProvinceCreate';
import { ProvinceEdit } from './ProvinceEdit';

export default {
  list: lazyView(() => import('./ProvinceList'), 'ProvinceList'),
  create: ProvinceCreate,
  edit: ProvinceEdit,
  show: lazyView(() => import('./ProvinceShow'), 'ProvinceShow'),
  icon: ProvinceIcon,
  recordRepresentation: 'name',
};
