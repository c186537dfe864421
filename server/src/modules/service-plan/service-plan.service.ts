import { EntityManager } from 'typeorm';
import { badInput } from '../../common/errors';
import { RequestContext } from '../../common/request';
import { scopedQuery } from '../../db/scoped-query';
import { atLeast, atMost, Resource } from '../../crud/resource';
import { ServiceType } from '../measure/measure.entity';
import { Network, NetworkMember } from '../network/network.entity';
import { ownNetworkGuard } from '../network/network.service';
import { RecipientEnrolment } from '../recipient/recipient.entity';
import { RecipientService } from './service-plan.entity';
import { CreateRecipientServiceInput, RecipientServiceFilter, UpdateRecipientServiceInput } from './service-plan.inputs';
import { standardAmount } from './service-plan.rules';

export const one = <E extends object>(ctx: RequestContext, manager: EntityManager, entity: new () => E, id: string) =>
  scopedQuery(manager, entity, ctx.principal).andWhere('r.id = :id', { id }).getOne();

/** The service type, which must be one of the network's measure. */
export async function serviceTypeOf(manager: EntityManager, network: Network, serviceTypeId: string): Promise<ServiceType> {
  const type = await manager.getRepository(ServiceType).findOneBy({ id: serviceTypeId });
  if (!type || type.measureId !== network.measureId) {
    throw badInput('serviceTypeId', "Il servizio non è previsto dalla misura della rete. / The service type is not one of the network's measure.");
  }
  return type;
}

/**
 * Places a service in its enrolment's network, checks that the service type is one of the network's
 * measure and that the partner is a member of the network, and prices it at the standard rates.
 */
async function prepareService(ctx: RequestContext, manager: EntityManager, data: Partial<CreateRecipientServiceInput> & { networkId?: string }, existing?: RecipientService) {
  const enrolment = await one(ctx, manager, RecipientEnrolment, data.enrolmentId ?? existing!.enrolmentId);
  if (!enrolment) throw badInput('enrolmentId', 'Iscrizione non trovata. / Enrolment not found.');
  const network = (await one(ctx, manager, Network, enrolment.networkId))!;
  const type = await serviceTypeOf(manager, network, data.serviceTypeId ?? existing!.serviceTypeId);
  const partnerId = data.partnerId ?? existing!.partnerId;
  const member = await scopedQuery(manager, NetworkMember, ctx.principal)
    .andWhere('r.networkId = :networkId AND r.partnerId = :partnerId', { networkId: network.id, partnerId })
    .getOne();
  if (!member) throw badInput('partnerId', 'Il soggetto che eroga il servizio non è membro della rete. / The delivering partner is not a member of the network.');
  data.networkId = network.id;
  const standard = standardAmount(type, data.hours ?? existing!.hours);
  if (standard !== null) data.amount = standard;
  else if (!data.amount && !existing) {
    throw badInput('amount', "Indicare l'importo: il servizio non ha un costo standard. / Give the amount: the service type has no standard cost.");
  }
}

export const recipientServiceResource: Resource<RecipientService, CreateRecipientServiceInput, RecipientServiceFilter> = {
  entity: RecipientService,
  name: 'recipientService',
  plural: 'recipientServices',
  searchable: [],
  filter: RecipientServiceFilter,
  filterRules: { serviceDateFrom: atLeast('serviceDate'), serviceDateTo: atMost('serviceDate') },
  createInput: CreateRecipientServiceInput,
  updateInput: UpdateRecipientServiceInput,
  defaultSort: { field: 'serviceDate', order: 'ASC' },
  hooks: { prepare: prepareService },
  guards: [ownNetworkGuard()],
};

/**
 * The enrolment's pseudonymous reference, what operators quote for a recipient (the console, the
 * services import): the first 8 characters of its id, in capitals. It names no person.
 */
export const enrolmentReference = (enrolmentId: string) => enrolmentId.slice(0, 8).toUpperCase();
