import { many, one, relationsOf, through } from '../../graphql/relations';
import { Network } from '../network/network.entity';
import { Municipality, PartnerType } from '../reference/reference.entities';
import { Tenant } from '../tenant/tenant.entity';
import { AmbitoMunicipality, CodesignAction, CodesignCall, CodesignCriterion, CodesignEvaluator, CodesignProposal, CodesignProposalPartner, CodesignScore } from './codesign.entity';

export const AMBITO_MUNICIPALITY = relationsOf(AmbitoMunicipality, {
  ambito: one(() => Tenant, 'ambitoId', { nullable: true }),
  municipality: one(() => Municipality, 'municipalityId', { nullable: true }),
});

export const AMBITO_TERRITORY = relationsOf(Tenant, {
  municipalities: through(() => AmbitoMunicipality, 'ambitoId', 'municipalityId', () => Municipality, { description: 'For an ambito, the municipalities it is made of.' }),
});

export const CODESIGN_CALL = relationsOf(CodesignCall, {
  criteria: many(() => CodesignCriterion, 'callId', 'position'),
  evaluators: many(() => CodesignEvaluator, 'callId', 'createdAt', { description: "The Ambito's evaluators; empty for anyone else." }),
  proposals: many(() => CodesignProposal, 'callId', 'createdAt', { description: 'For the Ambito, the proposals submitted; for a body, its own.', acrossTenants: true }),
  network: one(() => Network, 'networkId', { nullable: true, description: 'The co-designed project, once awarded.', acrossTenants: true }),
});

export const CODESIGN_PROPOSAL = relationsOf(CodesignProposal, {
  call: one(() => CodesignCall, 'callId', { nullable: true, acrossTenants: true }),
  partners: many(() => CodesignProposalPartner, 'proposalId', 'legalName'),
  actions: many(() => CodesignAction, 'proposalId', 'position'),
  scores: many(() => CodesignScore, 'proposalId', 'createdAt', { description: "The evaluators' scores; the Ambito's alone to read.", acrossTenants: true }),
});

export const CODESIGN_PROPOSAL_PARTNER = relationsOf(CodesignProposalPartner, {
  partnerType: one(() => PartnerType, 'partnerTypeId', { nullable: true }),
});

export const CODESIGN_SCORE = relationsOf(CodesignScore, {
  criterion: one(() => CodesignCriterion, 'criterionId', { nullable: true }),
});
