import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../graphql/scalars';
import { Outcome } from '../recipient/recipient.entity';
import { DeliveryMode, ServiceStatus } from '../service-plan/service-plan.entity';
import { DeliveryDimension } from './delivery.sql';

registerEnumType(DeliveryDimension, {
  name: 'DeliveryDimension',
  description: 'What services and outcomes can be grouped by. SERVICE_TYPE, STATUS and DELIVERY apply to services, OUTCOME to outcomes.',
});

@ObjectType({ description: 'The keys a group of services or outcomes was grouped by.' })
abstract class DeliveryKeys {
  @Field(() => String, { nullable: true, description: 'Measure code.' }) measure?: string | null;
  @Field(() => String, { nullable: true, description: "Province of the owning tenant's territory." }) province?: string | null;
  @Field(() => String, { nullable: true, description: 'Tenant code.' }) tenant?: string | null;
  @Field(() => Int, { nullable: true, description: "Year of the service's date, or of the recipient's enrolment." }) year?: number | null;
  @Field(() => Int, { nullable: true, description: 'Fascia di aiuto.' }) aidBand?: number | null;
  @Field(() => Int, { description: 'Recipients in the group (never fewer than minRecipients).' }) recipients: number;
}

@ObjectType({ description: 'One group of services delivered or planned: hours, amounts and recipients.' })
export class ServiceTotal extends DeliveryKeys {
  @Field(() => String, { nullable: true, description: 'Service type code.' }) serviceType?: string | null;
  @Field(() => ServiceStatus, { nullable: true }) status?: ServiceStatus | null;
  @Field(() => DeliveryMode, { nullable: true }) delivery?: DeliveryMode | null;
  @Field(() => Int) services: number;
  @Field(() => Int) hours: number;
  @Field(() => Money) amount: string;
}

@ObjectType({ description: "One group of recipients and what phase 2 led to." })
export class OutcomeTotal extends DeliveryKeys {
  @Field(() => Outcome, { nullable: true }) outcome?: Outcome | null;
  @Field(() => Int) placements: number;
  @Field(() => Int) traineeships: number;
  @Field(() => Int) businessStarts: number;
  @Field({ description: 'Placements over recipients, 4 decimals, e.g. "0.4500".' }) placedShare: string;
}
