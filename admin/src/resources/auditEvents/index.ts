import { createElement } from 'react';
import AuditIcon from '@mui/icons-material/History';
import { AuditTitle } from '../../common/AuditHistory';
import { lazyView } from '../../common/lazyView';

/** Read-only: the database itself records every change. */
export default {
  list: lazyView(() => import('./AuditEventList'), 'AuditEventList'),
  show: lazyView(() => import('./AuditEventShow'), 'AuditEventShow'),
  icon: AuditIcon,
  recordRepresentation: createElement(AuditTitle, { withAuthor: false }),
};
