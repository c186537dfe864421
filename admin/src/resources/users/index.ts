import UserIcon from '@mui/icons-material/People';
import { lazyView } from '../../common/lazyView';

export default {
  list: lazyView(() => import('./UserList'), 'UserList'),
  create: lazyView(() => import('./UserCreate'), 'UserCreate'),
  edit: lazyView(() => import('./UserEdit'), 'UserEdit'),
  show: lazyView(() => import('./UserShow'), 'UserShow'),
  icon: UserIcon,
  recordRepresentation: 'displayName',
};
