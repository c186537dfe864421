import { lazyView } from '../../common/lazyView';

/** Actions are listed and added on their proposal's page; this is the editor of the ten sections. */
export default {
  edit: lazyView(() => import('./ActionEdit'), 'ActionEdit'),
  recordRepresentation: 'title',
};
