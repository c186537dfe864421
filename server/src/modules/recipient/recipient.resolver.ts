import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { Network } from '../network/network.entity';
import { Municipality } from '../reference/reference.entities';
import { RecipientEnrolment } from './recipient.entity';
import { recipientEnrolmentResource } from './recipient.service';

@Resolver(() => RecipientEnrolment)
export class RecipientEnrolmentResolver extends crudResolver(recipientEnrolmentResource) {
  @FieldResolver(() => Network)
  network(@Root() enrolment: RecipientEnrolment, @Ctx() ctx: Context): Promise<Network | null> {
    return ctx.loaders.byId(Network).load(enrolment.networkId);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  residenceMunicipality(@Root() enrolment: RecipientEnrolment, @Ctx() ctx: Context): Promise<Municipality | null> | null {
    return enrolment.residenceMunicipalityId ? ctx.loaders.byId(Municipality).load(enrolment.residenceMunicipalityId) : null;
  }
}
