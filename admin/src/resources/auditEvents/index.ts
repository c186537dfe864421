import AuditIcon from '@mui/icons-material/History';
import { lazyView } from '../../common/lazyView';

/** Read-only: the database itself records every change. */
export default {
  list: lazyView(() => import('./AuditEventList'), 'AuditEventList'),
  show: lazyView(() => import('./AuditEventShow'), 'AuditEventShow'),
  icon: AuditIcon,
  recordRepresentation: (event: { entity: string; action: string }) => `${event.entity} ${event.action}`,
};
