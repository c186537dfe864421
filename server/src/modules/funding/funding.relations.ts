import { many, one, relationsOf } from '../../graphql/relations';
import { Network } from '../network/network.entity';
import { Allocation, FundSource } from './funding.entity';

export const FUND_SOURCE = relationsOf(FundSource, {
  allocations: many(() => Allocation, 'fundSourceId', 'createdAt', { description: 'Allocations from this source that the caller may see.' }),
});

export const ALLOCATION = relationsOf(Allocation, {
  network: one(() => Network, 'networkId'),
  fundSource: one(() => FundSource, 'fundSourceId'),
});
