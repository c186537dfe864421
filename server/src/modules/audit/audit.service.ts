import { atLeast, atMost, Resource } from '../../crud/resource';
import { AuditEvent } from './audit.entity';
import { AuditEventFilter } from './audit.inputs';

export const auditEventResource: Resource<AuditEvent, object, AuditEventFilter> = {
  entity: AuditEvent,
  name: 'auditEvent',
  plural: 'auditEvents',
  searchable: ['entity', 'action'],
  filter: AuditEventFilter,
  filterRules: {
    from: atLeast('at'),
    to: atMost('at'),
  },
  access: 'READ_ONLY',
  defaultSort: { field: 'at', order: 'DESC' },
};
