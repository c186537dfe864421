import { atLeast, atMost, equals, Resource, where } from '../../crud/resource';
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
    partnerId: where('EXISTS (SELECT 1 FROM pact_signatories s WHERE s.tenant_id = r.tenant_id AND s.pact_id = r.id AND s.partner_id = :value)'),
  },
  access: 'TENANT',
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
  filterRules: { pactId: equals('pactId'), partnerId: equals('partnerId') },
  access: 'TENANT',
  createInput: inputs.CreatePactSignatoryInput,
  updateInput: inputs.UpdatePactSignatoryInput,
};
