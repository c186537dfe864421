import UserIcon from '@mui/icons-material/People';
import { lazyView } from '../../common/lazyView';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';

export default {
  list: lazyView(() => import('./UserList'), 'UserList'),
  create: UserCreate,
  edit: UserEdit,
  show: lazyView(() => import('./UserShow'), 'UserShow'),
  icon: UserIcon,
  recordRepresentation: 'displayName',
};
