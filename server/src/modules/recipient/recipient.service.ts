import { atLeast, atMost, Resource } from '../../crud/resource';
import { recipientHash } from '../../common/crypto';
import { ownNetworkGuard } from '../network/network.service';
import { RecipientEnrolment } from './recipient.entity';
import { CreateRecipientEnrolmentInput, RecipientEnrolmentFilter, UpdateRecipientEnrolmentInput } from './recipient.inputs';

export const recipientEnrolmentResource: Resource<RecipientEnrolment, CreateRecipientEnrolmentInput, RecipientEnrolmentFilter> = {
  entity: RecipientEnrolment,
  name: 'recipientEnrolment',
  plural: 'recipientEnrolments',
  searchable: ['kind'],
  filter: RecipientEnrolmentFilter,
  filterRules: { enrolledFrom: atLeast('enrolledOn'), enrolledTo: atMost('enrolledOn') },
  createInput: CreateRecipientEnrolmentInput,
  updateInput: UpdateRecipientEnrolmentInput,
  defaultSort: { field: 'enrolledOn', order: 'DESC' },
  hooks: {
    prepare(ctx, _manager, data) {
      if (data.taxCode) Object.assign(data, { recipientHash: recipientHash(ctx.keys.recipientHash, data.taxCode) });
      delete data.taxCode;
      if (data.outsidePolicies) data.outsidePolicies = [...new Set(data.outsidePolicies)];
    },
  },
  guards: [ownNetworkGuard()],
};
