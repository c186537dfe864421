import ServiceTypeIcon from '@mui/icons-material/MiscellaneousServices';
import { ServiceTypeCreate } from './ServiceTypeCreate';
import { ServiceTypeEdit } from './ServiceTypeEdit';
import { ServiceTypeList } from './ServiceTypeList';
import { ServiceTypeShow } from './ServiceTypeShow';

export default {
  list: ServiceTypeList,
  create: ServiceTypeCreate,
  edit: ServiceTypeEdit,
  show: ServiceTypeShow,
  icon: ServiceTypeIcon,
  recordRepresentation: 'name',
};
