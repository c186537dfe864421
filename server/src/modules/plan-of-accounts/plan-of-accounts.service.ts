import { badInput } from '../../common/errors';
import { Resource } from '../../crud/resource';
import { Network } from '../network/network.entity';
import { ownNetworkGuard } from '../network/network.service';
import { one, serviceTypeOf } from '../service-plan/service-plan.service';
import { AccountLine } from './plan-of-accounts.entity';
import { AccountLineFilter, CreateAccountLineInput, UpdateAccountLineInput } from './plan-of-accounts.inputs';

export const accountLineResource: Resource<AccountLine, CreateAccountLineInput, AccountLineFilter> = {
  entity: AccountLine,
  name: 'accountLine',
  plural: 'accountLines',
  searchable: [],
  filter: AccountLineFilter,
  createInput: CreateAccountLineInput,
  updateInput: UpdateAccountLineInput,
  defaultSort: { field: 'createdAt', order: 'ASC' },
  hooks: {
    async prepare(ctx, manager, data, existing) {
      const network = await one(ctx, manager, Network, data.networkId ?? existing!.networkId);
      if (!network) throw badInput('networkId', 'Rete non trovata. / Network not found.');
      await serviceTypeOf(manager, network, data.serviceTypeId ?? existing!.serviceTypeId);
    },
  },
  guards: [ownNetworkGuard()],
};
