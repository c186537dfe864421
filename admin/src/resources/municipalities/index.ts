import MunicipalityIcon from '@mui/icons-material/LocationCity';
import { MunicipalityCreate } from './MunicipalityCreate';
import { MunicipalityEdit } from './MunicipalityEdit';
import { MunicipalityList } from './MunicipalityList';
import { MunicipalityShow } from './MunicipalityShow';

export default {
  list: MunicipalityList,
  create: MunicipalityCreate,
  edit: MunicipalityEdit,
  show: MunicipalityShow,
  icon: MunicipalityIcon,
  recordRepresentation: (municipality: { name: string; istatCode: string }) => `${municipality.name} (${municipality.istatCode})`,
};
