import MapIcon from '@mui/icons-material/Map';
import { lazyView } from '../../common/lazyView';

const views = () => import('./AmbitoMunicipalityViews');

/** Which municipalities make up each ambito: administrators keep it. */
export default {
  list: lazyView(views, 'AmbitoMunicipalityList'),
  create: lazyView(views, 'AmbitoMunicipalityCreate'),
  icon: MapIcon,
};
