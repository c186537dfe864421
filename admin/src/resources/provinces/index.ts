import ProvinceIcon from '@mui/icons-material/Map';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./ProvinceList'), 'ProvinceList'),
  create: lazyView(() => import('./ProvinceCreate'), 'ProvinceCreate'),
  edit: lazyView(() => import('./ProvinceEdit'), 'ProvinceEdit'),
  show: lazyView(() => import('./ProvinceShow'), 'ProvinceShow'),
  icon: ProvinceIcon,
  recordRepresentation: 'name',
};
