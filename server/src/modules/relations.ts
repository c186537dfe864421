import { AMBITO_MUNICIPALITY, AMBITO_TERRITORY, CODESIGN_CALL, CODESIGN_PROPOSAL, CODESIGN_PROPOSAL_PARTNER, CODESIGN_SCORE } from './codesign/codesign.relations';
import { COMPETENCE_PACT, PACT_SIGNATORY } from './competence-pact/competence-pact.relations';
import { CRISIS_COMPANY } from './crisis-company/crisis-company.relations';
import { ALLOCATION, FUND_SOURCE } from './funding/funding.relations';
import { FUNDING_TIER, MEASURE, MEASURE_COMPATIBILITY, SERVICE_TYPE } from './measure/measure.relations';
import { NETWORK, NETWORK_COMPANY, NETWORK_MEMBER } from './network/network.relations';
import { PARTNER } from './partner/partner.relations';

/** Every module's declared relations: the schema's fields for them are generated (relationResolvers), compiled reads follow them in SQL. */
export const declaredRelations = [
  NETWORK, NETWORK_MEMBER, NETWORK_COMPANY, PARTNER, CRISIS_COMPANY, FUND_SOURCE, ALLOCATION,
  MEASURE, FUNDING_TIER, SERVICE_TYPE, MEASURE_COMPATIBILITY, COMPETENCE_PACT, PACT_SIGNATORY,
  AMBITO_MUNICIPALITY, AMBITO_TERRITORY, CODESIGN_CALL, CODESIGN_PROPOSAL, CODESIGN_PROPOSAL_PARTNER, CODESIGN_SCORE,
];
