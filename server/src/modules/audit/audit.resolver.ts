import { Resolver } from 'type-graphql';
import { readResolver } from '../../crud/crud.resolver';
import { AuditEvent } from './audit.entity';
import { auditEventResource } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditEventResolver extends readResolver(auditEventResource) {}
