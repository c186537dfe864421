import CallIcon from '@mui/icons-material/Campaign';
import { CallCreate } from './CallCreate';
import { CallEdit } from './CallEdit';
import { CallList } from './CallList';
import { CallShow } from './CallShow';

export default {
  list: CallList,
  create: CallCreate,
  edit: CallEdit,
  show: CallShow,
  icon: CallIcon,
  recordRepresentation: 'title',
};
