import CompatibleIcon from '@mui/icons-material/CompareArrows';
import { lazyView } from '../../common/lazyView';

const views = () => import('./MeasureCompatibilityViews');

export default {
  list: lazyView(views, 'MeasureCompatibilityList'),
  create: lazyView(views, 'MeasureCompatibilityCreate'),
  icon: CompatibleIcon,
};
