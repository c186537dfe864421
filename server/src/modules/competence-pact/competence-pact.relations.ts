import { many, one, relationsOf, through } from '../../graphql/relations';
import { Network } from '../network/network.entity';
import { Partner } from '../partner/partner.entity';
import { CompetencePact, PactSignatory } from './competence-pact.entity';

export const COMPETENCE_PACT = relationsOf(CompetencePact, {
  signatories: through(() => PactSignatory, 'pactId', 'partnerId', () => Partner, { description: 'Partners that signed the pact.' }),
  networks: many(() => Network, 'pactId'),
});

export const PACT_SIGNATORY = relationsOf(PactSignatory, {
  pact: one(() => CompetencePact, 'pactId'),
  partner: one(() => Partner, 'partnerId'),
});
