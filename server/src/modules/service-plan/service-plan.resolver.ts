import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { present } from '../../common/request';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { ServiceType } from '../measure/measure.entity';
import { Partner } from '../partner/partner.entity';
import { RecipientEnrolment } from '../recipient/recipient.entity';
import { PlanLine, RecipientService } from './service-plan.entity';
import { planLines } from './service-plan.rules';
import { enrolmentReference, recipientServiceResource } from './service-plan.service';

@Resolver(() => RecipientService)
export class RecipientServiceResolver extends crudResolver(recipientServiceResource) {
  @FieldResolver(() => RecipientEnrolment)
  enrolment(@Root() service: RecipientService, @Ctx() ctx: Context): Promise<RecipientEnrolment | null> {
    return ctx.loaders.byId(RecipientEnrolment).load(service.enrolmentId);
  }

  @FieldResolver(() => ServiceType)
  serviceType(@Root() service: RecipientService, @Ctx() ctx: Context): Promise<ServiceType | null> {
    return ctx.loaders.byId(ServiceType).load(service.serviceTypeId);
  }

  @FieldResolver(() => Partner)
  partner(@Root() service: RecipientService, @Ctx() ctx: Context): Promise<Partner | null> {
    return ctx.loaders.byId(Partner).load(service.partnerId);
  }
}

/** The personal plan (PIP) on the enrolment. */
@Resolver(() => RecipientEnrolment)
export class RecipientPlanResolver {
  @FieldResolver(() => String, { description: "The enrolment's pseudonymous reference (the first 8 characters of its id, in capitals), quoted in the services import; it names no person." })
  reference(@Root() enrolment: RecipientEnrolment): string {
    return enrolmentReference(enrolment.id);
  }

  @FieldResolver(() => [RecipientService], { description: 'The services of the personal plan, planned and delivered, by date.' })
  services(@Root() enrolment: RecipientEnrolment, @Ctx() ctx: Context): Promise<RecipientService[]> {
    return ctx.loaders.manyBy(RecipientService, 'enrolmentId', 'serviceDate').load(enrolment.id);
  }

  @FieldResolver(() => [PlanLine], { description: 'The plan per service type: hours and amounts planned and delivered, and the hours each cap leaves.' })
  async plan(@Root() enrolment: RecipientEnrolment, @Ctx() ctx: Context): Promise<PlanLine[]> {
    const services = await ctx.loaders.manyBy(RecipientService, 'enrolmentId', 'serviceDate').load(enrolment.id);
    const types = present(await ctx.loaders.byId(ServiceType).loadMany([...new Set(services.map((s) => s.serviceTypeId))]));
    return planLines(services, types.sort((a, b) => a.phase - b.phase || a.code.localeCompare(b.code)));
  }
}
