import { lazyView } from '../../common/lazyView';

/** Members are added and removed on the network's roster tab; this page edits one member's role and dates. */
export default {
  edit: lazyView(() => import('./NetworkMemberEdit'), 'NetworkMemberEdit'),
};
