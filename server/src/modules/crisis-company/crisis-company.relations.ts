import { one, relationsOf, through } from '../../graphql/relations';
import { Network, NetworkCompany } from '../network/network.entity';
import { AtecoSector, Municipality } from '../reference/reference.entities';
import { CrisisCompany } from './crisis-company.entity';

export const CRISIS_COMPANY = relationsOf(CrisisCompany, {
  municipality: one(() => Municipality, 'municipalityId'),
  atecoSector: one(() => AtecoSector, 'atecoSectorId', { nullable: true }),
  networks: through(() => NetworkCompany, 'crisisCompanyId', 'networkId', () => Network),
});
