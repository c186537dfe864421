import ProvinceIcon from '@mui/icons-material/Map';
import { ProvinceCreate } from './ProvinceCreate';
import { ProvinceEdit } from './ProvinceEdit';
import { ProvinceList } from './ProvinceList';
import { ProvinceShow } from './ProvinceShow';

export default {
  list: ProvinceList,
  create: ProvinceCreate,
  edit: ProvinceEdit,
  show: ProvinceShow,
  icon: ProvinceIcon,
  recordRepresentation: 'name',
};
