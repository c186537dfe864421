import { createElement } from 'react';
import AuditIcon from '@mui/icons-material/History';
import { AuditTitle } from '../../common/AuditHistory';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

/** Read-only: the database itself records every change. */
export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: AuditIcon,
  recordRepresentation: createElement(AuditTitle, { withAuthor: false }),
};
