import AuditIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

/** Read-only: the database itself records every change. */
export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: AuditIcon,
  recordRepresentation: (event: { entity: string; action: string }) => `${event.entity} ${event.action}`,
};
