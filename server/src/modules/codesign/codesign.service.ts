import { EntityManager, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EntityClass, RequestContext } from '../../common/request';
import { conflict, DomainError, ErrorCode, notFound } from '../../common/errors';
import { normaliseTaxCode } from '../../common/tax-code';
import { plainRows, scopedQuery } from '../../db/scoped-query';
import { authorizeWrite, CrudService } from '../../crud/crud.service';
import { oneOf, Resource } from '../../crud/resource';
import { networkMemberResource, networkResource } from '../network/network.service';
import { partnerResource } from '../partner/partner.service';
import { Partner } from '../partner/partner.entity';
import { MemberRole } from '../network/network.entity';
import {
  ACTION_SECTIONS,
  AmbitoMunicipality,
  CallStatus,
  CodesignAction,
  CodesignCall,
  CodesignCriterion,
  CodesignEvaluator,
  CodesignProposal,
  CodesignProposalPartner,
  CodesignScore,
  Completeness,
  RankingEntry,
  TargetGroup,
} from './codesign.entity';
import * as inputs from './codesign.inputs';

/** The measure of the network an award creates, and the partner type its bodies join as. */
const CODESIGN_MEASURE = 'COPROGETTAZIONE_ART55';
const BODY_PARTNER_TYPE = 'THIRD_SECTOR';

/** A refusal of the procedure's rules: Italian message, English and the reason's code in extensions. */
const refusal = (reason: string, message: string, messageEn: string) => new DomainError(ErrorCode.RULE_VIOLATION, message, { reason, messageEn });

export const ambitoMunicipalityResource: Resource<AmbitoMunicipality, inputs.CreateAmbitoMunicipalityInput, inputs.AmbitoMunicipalityFilter> = {
  entity: AmbitoMunicipality,
  name: 'ambitoMunicipality',
  plural: 'ambitoMunicipalities',
  searchable: [],
  filter: inputs.AmbitoMunicipalityFilter,
  access: 'REFERENCE',
  createInput: inputs.CreateAmbitoMunicipalityInput,
  updateInput: inputs.UpdateAmbitoMunicipalityInput,
};

export const targetGroupResource: Resource<TargetGroup, inputs.CreateTargetGroupInput, inputs.TargetGroupFilter> = {
  entity: TargetGroup,
  name: 'targetGroup',
  plural: 'targetGroups',
  searchable: ['code', 'name'],
  filter: inputs.TargetGroupFilter,
  access: 'REFERENCE',
  createInput: inputs.CreateTargetGroupInput,
  updateInput: inputs.UpdateTargetGroupInput,
  defaultSort: { field: 'code', order: 'ASC' },
};

export const codesignCallResource: Resource<CodesignCall, inputs.CreateCodesignCallInput, inputs.CodesignCallFilter> = {
  entity: CodesignCall,
  name: 'codesignCall',
  plural: 'codesignCalls',
  searchable: ['code', 'title', 'object'],
  filter: inputs.CodesignCallFilter,
  filterRules: { statuses: oneOf('status') },
  createInput: inputs.CreateCodesignCallInput,
  updateInput: inputs.UpdateCodesignCallInput,
  defaultSort: { field: 'deadline', order: 'DESC' },
  hooks: {
    async prepare(_ctx, manager, data) {
      if (data.targetGroupIds?.length) {
        const [{ found }] = await manager.query('SELECT count(*)::int AS found FROM target_groups WHERE id = ANY($1::uuid[])', [data.targetGroupIds]);
        if (found !== new Set(data.targetGroupIds).size) throw new DomainError(ErrorCode.NOT_FOUND, 'Gruppo di destinatari non trovato. (Target group not found.)', { field: 'targetGroupIds' });
      }
    },
  },
};

export const codesignCriterionResource: Resource<CodesignCriterion, inputs.CreateCodesignCriterionInput, inputs.CodesignCriterionFilter> = {
  entity: CodesignCriterion,
  name: 'codesignCriterion',
  plural: 'codesignCriteria',
  searchable: ['name'],
  filter: inputs.CodesignCriterionFilter,
  createInput: inputs.CreateCodesignCriterionInput,
  updateInput: inputs.UpdateCodesignCriterionInput,
  defaultSort: { field: 'position', order: 'ASC' },
};

export const codesignEvaluatorResource: Resource<CodesignEvaluator, inputs.CreateCodesignEvaluatorInput, inputs.CodesignEvaluatorFilter> = {
  entity: CodesignEvaluator,
  name: 'codesignEvaluator',
  plural: 'codesignEvaluators',
  searchable: [],
  filter: inputs.CodesignEvaluatorFilter,
  createInput: inputs.CreateCodesignEvaluatorInput,
  updateInput: inputs.UpdateCodesignEvaluatorInput,
};

const normaliseTaxCodeField = <T extends { taxCode?: string; leadTaxCode?: string }>(data: Partial<T>) => {
  if (data.taxCode) data.taxCode = normaliseTaxCode(data.taxCode);
  if (data.leadTaxCode) data.leadTaxCode = normaliseTaxCode(data.leadTaxCode);
};

export const codesignProposalResource: Resource<CodesignProposal, inputs.CreateCodesignProposalInput, inputs.CodesignProposalFilter> = {
  entity: CodesignProposal,
  name: 'codesignProposal',
  plural: 'codesignProposals',
  searchable: ['title', 'leadLegalName', 'leadTaxCode'],
  filter: inputs.CodesignProposalFilter,
  filterRules: { statuses: oneOf('status') },
  createInput: inputs.CreateCodesignProposalInput,
  updateInput: inputs.UpdateCodesignProposalInput,
  hooks: { prepare: (_ctx, _manager, data) => normaliseTaxCodeField(data) },
};

export const codesignProposalPartnerResource: Resource<CodesignProposalPartner, inputs.CreateCodesignProposalPartnerInput, inputs.CodesignProposalPartnerFilter> = {
  entity: CodesignProposalPartner,
  name: 'codesignProposalPartner',
  plural: 'codesignProposalPartners',
  searchable: ['legalName', 'taxCode'],
  filter: inputs.CodesignProposalPartnerFilter,
  createInput: inputs.CreateCodesignProposalPartnerInput,
  updateInput: inputs.UpdateCodesignProposalPartnerInput,
  defaultSort: { field: 'legalName', order: 'ASC' },
  hooks: { prepare: (_ctx, _manager, data) => normaliseTaxCodeField(data) },
};

export const codesignActionResource: Resource<CodesignAction, inputs.CreateCodesignActionInput, inputs.CodesignActionFilter> = {
  entity: CodesignAction,
  name: 'codesignAction',
  plural: 'codesignActions',
  searchable: ['title'],
  filter: inputs.CodesignActionFilter,
  createInput: inputs.CreateCodesignActionInput,
  updateInput: inputs.UpdateCodesignActionInput,
  defaultSort: { field: 'position', order: 'ASC' },
};

export const codesignScoreResource: Resource<CodesignScore, inputs.CreateCodesignScoreInput, inputs.CodesignScoreFilter> = {
  entity: CodesignScore,
  name: 'codesignScore',
  plural: 'codesignScores',
  searchable: ['reason'],
  filter: inputs.CodesignScoreFilter,
  createInput: inputs.CreateCodesignScoreInput,
  updateInput: inputs.UpdateCodesignScoreInput,
};

/** The numbers (1–10) of the sections an action still lacks. */
export function missingSections(action: CodesignAction): number[] {
  return ACTION_SECTIONS.flatMap((section, i) => (action[section]?.trim() ? [] : [i + 1]));
}

/** The completeness meter; the database's own check (codesign_proposal_guard) decides at submission. */
export function completenessOf(actions: CodesignAction[]): Completeness {
  const sectionsRequired = Math.max(actions.length, 1) * ACTION_SECTIONS.length;
  const sectionsFilled = actions.reduce((sum, action) => sum + ACTION_SECTIONS.length - missingSections(action).length, 0);
  const complete = actions.length > 0 && sectionsFilled === sectionsRequired;
  return { actions: actions.length, sectionsFilled, sectionsRequired, percent: Math.floor((sectionsFilled * 100) / sectionsRequired), complete };
}

export async function rankingOf(ctx: RequestContext, callId: string): Promise<RankingEntry[]> {
  const manager = await ctx.scope.manager();
  const rows = await manager.query(
    `SELECT proposal_id AS "proposalId", lead_legal_name AS "leadLegalName", title, status, total::float8 AS total,
            scored_criteria AS "scoredCriteria", criteria, rank
     FROM codesign_ranking($1)`,
    [callId],
  );
  return rows;
}

/** A record of the caller's own tenant, at the version the caller read. */
async function ownAt<E extends ObjectLiteral>(ctx: RequestContext, manager: EntityManager, entity: EntityClass<E>, label: string, id: string, version: number): Promise<E> {
  const [record] = await plainRows(scopedQuery(manager, entity, ctx.principal).andWhere('r.id = :id AND r.tenantId = :own', { id, own: ctx.principal.tenantId }));
  if (!record) throw notFound(label, id);
  if (record.version !== version) throw conflict(`${label} was changed by someone else; reload it and retry`, { id, version });
  return record;
}

/** One step of a workflow: the status (and what goes with it) changes only at the version read; triggers check the step. */
async function step<E extends ObjectLiteral>(ctx: RequestContext, manager: EntityManager, entity: EntityClass<E>, label: string, id: string, version: number, set: Record<string, unknown>): Promise<E> {
  await ownAt(ctx, manager, entity, label, id, version);
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...set, updatedAt: () => 'now()' } as QueryDeepPartialEntity<E>)
    .where('tenant_id = :tenantId AND id = :id AND version = :version', { tenantId: ctx.principal.tenantId, id, version })
    .execute();
  if (!result.affected) throw conflict(`${label} was changed by someone else; reload it and retry`, { id, version });
  const [record] = await plainRows(scopedQuery(manager, entity, ctx.principal).andWhere('r.id = :id', { id }));
  return record;
}

/** DRAFT → PUBLISHED (criteria weigh 100, target groups named, deadline ahead) → CLOSED (deadline passed). */
export function setCodesignCallStatus(ctx: RequestContext, id: string, version: number, status: CallStatus): Promise<CodesignCall> {
  authorizeWrite(ctx, 'TENANT');
  if (status === CallStatus.AWARDED) {
    throw refusal('AWARD_NEEDS_ACT', "L'aggiudicazione si registra con l'atto che la approva (awardCodesignCall).", 'An award is recorded with the act approving it (awardCodesignCall).');
  }
  return ctx.scope.write((manager) => step(ctx, manager, CodesignCall, 'CodesignCall', id, version, { status }));
}

/** The body submits its proposal: complete and before the deadline (the database checks both); read-only afterwards. */
export function submitCodesignProposal(ctx: RequestContext, id: string, version: number): Promise<CodesignProposal> {
  authorizeWrite(ctx, 'TENANT');
  return ctx.scope.write((manager) => step(ctx, manager, CodesignProposal, 'CodesignProposal', id, version, { status: 'SUBMITTED' }));
}

/** Finds the Ambito's partner with this tax code, or adds it: the bodies and their partners join the network as partners. */
async function partnerFor(ctx: RequestContext, manager: EntityManager, legalName: string, taxCode: string, partnerTypeId: string): Promise<string> {
  const [existing] = await plainRows(scopedQuery(manager, Partner, ctx.principal).andWhere('r.taxCode = :taxCode', { taxCode }));
  if (existing) return existing.id;
  return (await new CrudService(partnerResource).create(ctx, { legalName, taxCode, partnerTypeId, labourAccredited: false, trainingAccredited: false })).id;
}

/**
 * The award: the chosen proposals become SELECTED and the others NOT_SELECTED; a network of measure
 * COPROGETTAZIONE_ART55 starts with the first chosen body as lead, the other chosen bodies and all
 * their partners as partners; the call records the act and the network. One savepoint: all or nothing.
 */
export function awardCodesignCall(ctx: RequestContext, id: string, version: number, input: inputs.AwardCodesignCallInput): Promise<CodesignCall> {
  authorizeWrite(ctx, 'TENANT');
  return ctx.scope.write(async (manager) => {
    const call = await ownAt(ctx, manager, CodesignCall, 'CodesignCall', id, version);
    const ranking = await rankingOf(ctx, id);
    for (const proposalId of input.proposalIds) {
      const entry = ranking.find((r) => r.proposalId === proposalId);
      if (entry && entry.scoredCriteria < entry.criteria) {
        throw refusal('NOT_FULLY_SCORED', `La proposta «${entry.title}» di ${entry.leadLegalName} non ha ancora un punteggio per ogni criterio.`,
          `Proposal "${entry.title}" by ${entry.leadLegalName} does not have a score for every criterion yet.`);
      }
    }
    await manager.query('SELECT codesign_set_outcomes($1, $2::uuid[])', [id, input.proposalIds]);

    const [[measure], [bodyType]] = await Promise.all([
      manager.query('SELECT id FROM measures WHERE code = $1', [CODESIGN_MEASURE]),
      manager.query('SELECT id FROM partner_types WHERE code = $1', [BODY_PARTNER_TYPE]),
    ]);
    const network = await new CrudService(networkResource).create(ctx, {
      code: input.networkCode,
      title: call.title,
      measureId: measure.id,
      startDate: input.startDate,
      endDate: input.endDate,
      plannedSuspended: 0,
      plannedUnemployed: 0,
      description: call.object.slice(0, 5000),
    });
    const partnerIds: string[] = [];
    for (const proposalId of input.proposalIds) {
      const [proposal] = await plainRows(scopedQuery(manager, CodesignProposal, ctx.principal).andWhere('r.id = :proposalId', { proposalId }));
      const brought = await plainRows(scopedQuery(manager, CodesignProposalPartner, ctx.principal).andWhere('r.proposalId = :proposalId', { proposalId }).orderBy('r.legalName'));
      partnerIds.push(await partnerFor(ctx, manager, proposal.leadLegalName, proposal.leadTaxCode, bodyType.id));
      for (const p of brought) partnerIds.push(await partnerFor(ctx, manager, p.legalName, p.taxCode, p.partnerTypeId));
    }
    const members = new CrudService(networkMemberResource);
    for (const [i, partnerId] of [...new Set(partnerIds)].entries()) {
      await members.create(ctx, { networkId: network.id, partnerId, role: i === 0 ? MemberRole.LEAD : MemberRole.PARTNER, joinedOn: input.startDate });
    }
    return step(ctx, manager, CodesignCall, 'CodesignCall', id, version, {
      status: CallStatus.AWARDED,
      awardActNumber: input.actNumber,
      awardActDate: input.actDate,
      networkId: network.id,
    });
  });
}
