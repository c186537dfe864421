import { atLeast, atMost, linkedBy, Resource } from '../../crud/resource';
import { CompetencePact, PactSignatory } from './competence-pact.entity';
import * as inputs from './competence-pact.inputs';

export const competencePactResource: Resource<CompetencePact, inputs.CreateCompetencePactInput, inputs.CompetencePactFilter> = {
  entity: CompetencePact,
  name: 'competencePact',
  plural: 'competencePacts',
  searchable: ['name', 'territory', 'referenceAct'],
  filter: inputs.CompetencePactFilter,
  filterRules: {
    signedFrom: atLeast('signedOn'),
    signedTo: atMost('signedOn'),
    partnerId: linkedBy(PactSignatory, 'pactId', 'partnerId'),
  },
  createInput: inputs.CreateCompetencePactInput,
  updateInput: inputs.UpdateCompetencePactInput,
  defaultSort: { field: 'name', order: 'ASC' },
};

export const pactSignatoryResource: Resource<PactSignatory, inputs.CreatePactSignatoryInput, inputs.PactSignatoryFilter> = {
  entity: PactSignatory,
  name: 'pactSignatory',
  plural: 'pactSignatories',
  searchable: [],
  filter: inputs.PactSignatoryFilter,
  createInput: inputs.CreatePactSignatoryInput,
  updateInput: inputs.UpdatePactSignatoryInput,
};
