import AtecoSectorIcon from '@mui/icons-material/Numbers';
import { AtecoSectorCreate } from './AtecoSectorCreate';
import { AtecoSectorEdit } from './AtecoSectorEdit';
import { AtecoSectorList } from './AtecoSectorList';
import { AtecoSectorShow } from './AtecoSectorShow';

export default {
  list: AtecoSectorList,
  create: AtecoSectorCreate,
  edit: AtecoSectorEdit,
  show: AtecoSectorShow,
  icon: AtecoSectorIcon,
  recordRepresentation: (sector: { code: string; title: string }) => `${sector.code} – ${sector.title}`,
};
