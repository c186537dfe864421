import TargetIcon from '@mui/icons-material/Groups';
import { lazyView } from '../../common/lazyView';

const views = () => import('./TargetGroupViews');

export default {
  list: lazyView(views, 'TargetGroupList'),
  create: lazyView(views, 'TargetGroupCreate'),
  edit: lazyView(views, 'TargetGroupEdit'),
  show: lazyView(views, 'TargetGroupShow'),
  icon: TargetIcon,
  recordRepresentation: 'name',
};
