import CompetencePactIcon from '@mui/icons-material/Gavel';
import { CompetencePactCreate } from './CompetencePactCreate';
import { CompetencePactEdit } from './CompetencePactEdit';
import { CompetencePactList } from './CompetencePactList';
import { CompetencePactShow } from './CompetencePactShow';

export default {
  list: CompetencePactList,
  create: CompetencePactCreate,
  edit: CompetencePactEdit,
  show: CompetencePactShow,
  icon: CompetencePactIcon,
  recordRepresentation: 'name',
};
