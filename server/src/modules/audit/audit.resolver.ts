import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { readResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { AuditEvent } from './audit.entity';
import { auditEventResource } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditEventResolver extends readResolver(auditEventResource) {
  @FieldResolver(() => String, { nullable: true, description: "The author's display name, for colleagues of the same office and administrators." })
  actorName(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<string | null> | null {
    return event.actorId ? ctx.loaders.actorNames.load(event.actorId) : null;
  }
}
