import { many, one, relationsOf, through } from '../../graphql/relations';
import { Network, NetworkMember } from '../network/network.entity';
import { Municipality, PartnerType } from '../reference/reference.entities';
import { Partner } from './partner.entity';

export const PARTNER = relationsOf(Partner, {
  partnerType: one(() => PartnerType, 'partnerTypeId'),
  municipality: one(() => Municipality, 'municipalityId', { nullable: true }),
  memberships: many(() => NetworkMember, 'partnerId', 'createdAt', { description: "The partner's memberships, with role and dates." }),
  networks: through(() => NetworkMember, 'partnerId', 'networkId', () => Network, { description: 'Networks the partner belongs to.' }),
});
